namespace GridGov.Web.Features.Cases;

/// <summary>What the case page's action forms post (text as typed, so a refused value is shown again unchanged).</summary>
public sealed class CaseFormInput
{
    public string? Action { get; set; }
    public int? Version { get; set; }
    public string? Note { get; set; }
    public string? Reason { get; set; }
    public string? Assignee { get; set; }
    public string? Department { get; set; }
    public string? Level { get; set; }
    public string? MergeInto { get; set; }
    public string? ExtensionHours { get; set; }
    public string? Rating { get; set; }
    public string? Comment { get; set; }

    /// <summary>Photo ids uploaded by the page's script before the form is sent, comma-separated.</summary>
    public string? PhotoIds { get; set; }

    /// <summary>The engine's request, or the fields that are not even well-formed (kept as typed, named in Chinese).</summary>
    public (CaseActionRequest? Request, Dictionary<string, string> Errors) ToRequest()
    {
        var errors = new Dictionary<string, string>();
        long? Id(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (long.TryParse(text.Trim(), out var v)) return v;
            errors[field] = Ui.UiText.Z($"「{text}」不是有效的选项", $"'{text}' is not a valid choice");
            return null;
        }
        var assignee = Id(Assignee, "assigneeUserId");
        var merge = Id(MergeInto, "mergeInto");
        double? hours = null;
        if (!string.IsNullOrWhiteSpace(ExtensionHours))
        {
            if (double.TryParse(ExtensionHours.Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var h)) hours = h;
            else errors["extensionHours"] = Ui.UiText.Z($"延期时长：「{ExtensionHours}」不是数字，请填写小时数，如 24", $"Extra hours: '{ExtensionHours}' is not a number");
        }
        int? rating = int.TryParse(Rating, out var r) ? r : null;
        var photos = new List<Guid>();
        foreach (var part in (PhotoIds ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (Guid.TryParse(part, out var g)) photos.Add(g);
        static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        var request = new CaseActionRequest(Version, Blank(Note), Blank(Reason), assignee, Blank(Department), Blank(Level), merge, hours, rating, Blank(Comment), photos);
        return (errors.Count == 0 ? request : null, errors);
    }
}

/// <summary>The choices the case page offers in its forms.</summary>
public sealed class CaseFormOptions
{
    public IReadOnlyList<(long Id, string Label)> Handlers { get; init; } = [];
    public IReadOnlyList<(string Code, string Name)> Departments { get; init; } = [];
    public IReadOnlyList<CaseSummary> Duplicates { get; init; } = [];
    public double? PendingExtensionHours { get; init; }
}
