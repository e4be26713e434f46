using System.Text.Json;
using System.Text.Json.Nodes;
using GridGov.Domain.Security;

namespace GridGov.Web.Hosting.Security;

/// <summary>
/// Audit entries never show a personal number typed into free text (a case's description, a note, a reason): values
/// are masked when an entry is written, because the log is append-only, and entries written before that are masked
/// again when read. Identifiers that merely contain digits (hashes, file paths, photo ids, key prefixes) are kept.
/// </summary>
public static class AuditText
{
    private static readonly HashSet<string> Verbatim = new(StringComparer.Ordinal)
    {
        "Sha256", "Path", "ThumbnailPath", "PhotoIds", "Prefix",
    };

    // Chinese stays readable in the log; HTML-sensitive characters are still escaped.
    public static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    /// <summary>A property's value as the audit entry records it.</summary>
    public static object? Value(string property, object? value) =>
        value is string text && !Verbatim.Contains(property) ? PersonalNumbers.MaskInText(text) : value;

    public static string? Mask(string? text) => PersonalNumbers.MaskInText(text);

    /// <summary>A stored summary ({"Property": [before, after], …}) as it may be shown.</summary>
    public static string? MaskSummary(string? summary)
    {
        if (summary is null || ReferenceEquals(PersonalNumbers.MaskInText(summary), summary)) return summary;
        try
        {
            if (JsonNode.Parse(summary) is JsonObject changes)
            {
                foreach (var (property, change) in changes)
                    if (change is JsonArray values)
                        for (var i = 0; i < values.Count; i++)
                            if (values[i] is JsonValue v && v.TryGetValue<string>(out var text))
                                values[i] = JsonValue.Create((string?)Value(property, text));
                return changes.ToJsonString(Json);
            }
        }
        catch (JsonException)
        {
            // cut at 4,000 characters, or not a summary of changes: mask it as text
        }
        return PersonalNumbers.MaskInText(summary);
    }
}
