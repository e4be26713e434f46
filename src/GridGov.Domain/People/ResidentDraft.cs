using GridGov.Domain.Security;

namespace GridGov.Domain.People;

/// <summary>The tags a community may put on a resident (configurable; these are the common ones in grid work).</summary>
public static class ResidentTags
{
    public static readonly IReadOnlyList<string> Default =
    [
        "独居老人", "空巢老人", "高龄老人", "残疾人", "低保", "特困人员", "退役军人", "重点青少年", "留守儿童", "优抚对象", "失业人员",
        "严重精神障碍患者", "社区矫正对象", "刑满释放人员",
    ];
}

public enum ResidentField { Name, IdNumber, Document, Phone, Registration, Tags }

public enum ResidentProblem { Missing, TooLong, NotAName, IdNumber, NotAMobile, UnknownRegistration, UnknownTag, TooManyTags }

/// <summary>One thing wrong with a draft: the field, the problem, and for ID numbers the exact reason.</summary>
public sealed record ResidentDraftError(ResidentField Field, ResidentProblem Problem, IdNumberProblem? IdProblem = null, string? Value = null);

/// <summary>A resident as entered or imported, with the values the registry keeps once it is valid.</summary>
public sealed record ValidResident(string Name, IdNumber? IdNumber, string? Document, DateOnly? BirthDate, Sex? Sex, string? Phone,
    RegistrationType Registration, IReadOnlyList<string> Tags);

/// <summary>
/// A resident as a form or an import row gives it: text as typed. Check names every problem at once; Build gives the
/// values to keep. A resident from abroad (境外) may have a passport or permit number instead of an ID number.
/// </summary>
public sealed record ResidentDraft(string? Name, string? IdNumber, string? Document, string? Phone, string? Registration, IReadOnlyList<string>? Tags)
{
    public const int MaxName = 50;
    public const int MaxTags = 10;

    public (ValidResident? Resident, IReadOnlyList<ResidentDraftError> Errors) Build(DateOnly today, IReadOnlyCollection<string> allowedTags)
    {
        var errors = new List<ResidentDraftError>();
        var name = Name?.Trim() ?? "";
        if (name.Length == 0) errors.Add(new(ResidentField.Name, ResidentProblem.Missing));
        else if (name.Length > MaxName) errors.Add(new(ResidentField.Name, ResidentProblem.TooLong));
        else if (name.Any(char.IsAsciiDigit)) errors.Add(new(ResidentField.Name, ResidentProblem.NotAName));

        var registration = Registration is null ? (RegistrationType?)null : PeopleNames.Parse<RegistrationType>(Registration.Trim());
        if (string.IsNullOrWhiteSpace(Registration)) errors.Add(new(ResidentField.Registration, ResidentProblem.Missing));
        else if (registration is null) errors.Add(new(ResidentField.Registration, ResidentProblem.UnknownRegistration, Value: Registration));

        People.IdNumber? id = null;
        var document = string.IsNullOrWhiteSpace(Document) ? null : Document.Trim();
        if (document is { Length: > 30 }) errors.Add(new(ResidentField.Document, ResidentProblem.TooLong));
        // Someone from abroad may be registered by passport or permit; everyone else by their ID number.
        if (registration == RegistrationType.Foreign && string.IsNullOrWhiteSpace(IdNumber))
        {
            if (document is null) errors.Add(new(ResidentField.Document, ResidentProblem.Missing));
        }
        else
        {
            var (parsed, problem) = People.IdNumber.Parse(IdNumber, today);
            if (problem is { } p) errors.Add(new(ResidentField.IdNumber, ResidentProblem.IdNumber, p, IdNumber));
            id = parsed;
        }

        string? phone = null;
        if (!string.IsNullOrWhiteSpace(Phone))
        {
            phone = PersonalNumbers.NormalizeMobile(Phone);
            if (phone is null) errors.Add(new(ResidentField.Phone, ResidentProblem.NotAMobile, Value: Phone));
        }

        var tags = (Tags ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToList();
        if (tags.Count > MaxTags) errors.Add(new(ResidentField.Tags, ResidentProblem.TooManyTags));
        foreach (var unknown in tags.Where(t => !allowedTags.Contains(t)))
            errors.Add(new(ResidentField.Tags, ResidentProblem.UnknownTag, Value: unknown));

        if (errors.Count > 0) return (null, errors);
        return (new ValidResident(name, id, document, id?.BirthDate, id?.Sex, phone, registration!.Value, tags), errors);
    }

    /// <summary>A problem in words for the person who typed it (zh-CN), naming the field.</summary>
    public static string Chinese(ResidentDraftError e) => (e.Field, e.Problem) switch
    {
        (ResidentField.Name, ResidentProblem.Missing) => "姓名：请填写",
        (ResidentField.Name, ResidentProblem.TooLong) => $"姓名：最多 {MaxName} 个字",
        (ResidentField.Name, _) => "姓名：不能含数字",
        (ResidentField.IdNumber, _) => People.IdNumber.Chinese(e.IdProblem ?? IdNumberProblem.Missing), // names the field itself
        (ResidentField.Document, ResidentProblem.Missing) => "证件号码：境外人员请填写护照或居留许可号码",
        (ResidentField.Document, _) => "证件号码：最多 30 个字符",
        (ResidentField.Phone, _) => $"手机号：「{e.Value}」不是有效的手机号",
        (ResidentField.Registration, ResidentProblem.Missing) => "人口类型：请选择户籍、流动或境外",
        (ResidentField.Registration, _) => $"人口类型：没有「{e.Value}」这一类",
        (ResidentField.Tags, ResidentProblem.TooManyTags) => $"标签：最多 {MaxTags} 个",
        _ => $"标签：没有「{e.Value}」这个标签",
    };

    /// <summary>The same problem for API clients (English), naming the JSON field.</summary>
    public static string English(ResidentDraftError e) => (e.Field, e.Problem) switch
    {
        (ResidentField.Name, ResidentProblem.Missing) => "name is required",
        (ResidentField.Name, ResidentProblem.TooLong) => $"name is at most {MaxName} characters",
        (ResidentField.Name, _) => "name must not contain digits",
        (ResidentField.IdNumber, _) => "idNumber: " + People.IdNumber.English(e.IdProblem ?? IdNumberProblem.Missing),
        (ResidentField.Document, ResidentProblem.Missing) => "document (passport or permit number) is required for a resident from abroad without an ID number",
        (ResidentField.Document, _) => "document is at most 30 characters",
        (ResidentField.Phone, _) => "phone must be an 11-digit mainland mobile number",
        (ResidentField.Registration, ResidentProblem.Missing) => "registration is required: registered, floating or foreign",
        (ResidentField.Registration, _) => $"registration '{e.Value}' is not one of registered, floating, foreign",
        (ResidentField.Tags, ResidentProblem.TooManyTags) => $"at most {MaxTags} tags",
        _ => $"tag '{e.Value}' is not in the configured list",
    };

    /// <summary>The JSON field a problem belongs to.</summary>
    public static string FieldKey(ResidentField field) => field switch
    {
        ResidentField.Name => "name",
        ResidentField.IdNumber => "idNumber",
        ResidentField.Document => "document",
        ResidentField.Phone => "phone",
        ResidentField.Registration => "registration",
        _ => "tags",
    };
}
