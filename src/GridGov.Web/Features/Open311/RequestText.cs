using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using GridGov.Domain.Security;
using Microsoft.Extensions.Primitives;

namespace GridGov.Web.Features.Open311;

/// <summary>A validated answer: the attribute and its normalised values (list keys, a number, an instant, text).</summary>
public sealed record AttributeAnswer(AttributeDefinition Attribute, IReadOnlyList<string> Values);

/// <summary>
/// Attribute answers of POST requests: "attribute[code]=value", and for a multivaluelist
/// "attribute[code1][]=value1&amp;attribute[code1][]=value2" (https://wiki.open311.org/GeoReport_v2#POST_Service_Request),
/// checked against the service definition: datatype, list keys, required flag and our bounds.
/// </summary>
public static partial class AttributeAnswers
{
    public const int DefaultStringLength = 200;
    public const int DefaultTextLength = 1000;

    [GeneratedRegex(@"^attribute\[([^\[\]]*)\](\[\])?$")]
    private static partial Regex KeyPattern();

    /// <summary>Every attribute[...] parameter of the form, grouped by code; malformed keys are reported.</summary>
    public static Dictionary<string, List<string>> Collect(IFormCollection form, List<string> errors)
    {
        var answers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (key, values) in form)
        {
            if (!key.StartsWith("attribute", StringComparison.Ordinal)) continue;
            var m = KeyPattern().Match(key);
            if (!m.Success || m.Groups[1].Value.Length == 0)
            {
                errors.Add($"Malformed parameter '{Short(key)}': use attribute[code]=value, or attribute[code][]=value for each value of a multivaluelist.");
                continue;
            }
            var code = m.Groups[1].Value;
            if (!answers.TryGetValue(code, out var list)) answers[code] = list = [];
            list.AddRange(NonEmpty(values));
        }
        return answers;
    }

    private static IEnumerable<string> NonEmpty(StringValues values) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim());

    /// <summary>Checks the answers against the definition; the valid ones in the definition's order.</summary>
    public static IReadOnlyList<AttributeAnswer> Validate(string serviceCode, IReadOnlyList<AttributeDefinition> definitions,
        Dictionary<string, List<string>> given, List<string> errors)
    {
        var byCode = definitions.ToDictionary(d => d.Code, StringComparer.Ordinal);
        foreach (var code in given.Keys.Where(c => !byCode.ContainsKey(c)))
            errors.Add($"attribute[{Short(code)}] is not an attribute of service {serviceCode} (see GET /open311/v2/services/{serviceCode}.xml).");
        var result = new List<AttributeAnswer>();
        // variable=false attributes only inform the user; anything sent for them is ignored.
        foreach (var d in definitions.Where(d => d.Variable))
        {
            var values = given.TryGetValue(d.Code, out var v) ? v : [];
            var name = $"attribute[{d.Code}]";
            if (values.Count == 0)
            {
                if (d.Required) errors.Add($"{name} is required{(d.Description is null ? "" : $": {d.Description}")}.");
                continue;
            }
            if (d.Datatype != "multivaluelist" && values.Count > 1)
            {
                errors.Add($"{name} takes one value ({d.Datatype}); only a multivaluelist takes several (attribute[{d.Code}][]=…).");
                continue;
            }
            var problem = d.Datatype switch
            {
                "string" => Text(values[0], d.MaxLength ?? DefaultStringLength, lineBreaks: false),
                "text" => Text(values[0], d.MaxLength ?? DefaultTextLength, lineBreaks: true),
                "number" => Number(values[0], d, out var normalised) ?? Replace(values, normalised),
                "datetime" => DateTime(values[0], out var instant) ?? Replace(values, instant),
                "singlevaluelist" or "multivaluelist" => ListKeys(values, d),
                _ => "has an unknown datatype",
            };
            if (problem is not null)
            {
                errors.Add($"{name} {problem}.");
                continue;
            }
            result.Add(new AttributeAnswer(d, values.Distinct(StringComparer.Ordinal).ToList()));
        }
        return result;
    }

    private static string? Replace(List<string> values, string? normalised)
    {
        if (normalised is not null) values[0] = normalised;
        return null;
    }

    private static string? Text(string value, int max, bool lineBreaks)
    {
        if (value.Length > max) return $"is at most {max} characters";
        if (!lineBreaks && value.IndexOfAny(['\r', '\n']) >= 0) return "is a string without line breaks (use a text attribute for several lines)";
        return null;
    }

    private static string? Number(string value, AttributeDefinition d, out string? normalised)
    {
        normalised = null;
        if (!decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n))
            return $"must be a number (digits, optional sign and decimal point), not '{Short(value)}'";
        if (d.Integer && n != decimal.Truncate(n)) return "must be a whole number";
        if (d.Min is { } min && n < min) return $"must be at least {min.ToString(CultureInfo.InvariantCulture)}";
        if (d.Max is { } max && n > max) return $"must be at most {max.ToString(CultureInfo.InvariantCulture)}";
        normalised = n.ToString(CultureInfo.InvariantCulture);
        return null;
    }

    private static string? DateTime(string value, out string? normalised)
    {
        normalised = null;
        var at = W3cTime.Parse(value, requireZone: false, out var problem);
        if (at is null) return $"{problem} ('{Short(value)}')";
        normalised = at.Value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        return null;
    }

    private static string? ListKeys(List<string> values, AttributeDefinition d)
    {
        var unknown = values.Where(v => d.Values.All(x => x.Key != v)).ToList();
        return unknown.Count == 0 ? null
            : $"has no option '{Short(unknown[0])}'; the keys are {string.Join(", ", d.Values.Select(x => x.Key))}";
    }

    private static string Short(string s) => s.Length <= 40 ? s : s[..40] + "…";
}

/// <summary>
/// How an Open311 request is kept in the case's one description column (the case model has no Open311 columns):
/// the client's description, then a block that starts with <see cref="Marker"/> holding the client's name, the
/// media_url, where an address was located, and the attribute answers as "label (code): value" lines. Staff read
/// it as it is; GET requests split it again: description = the text before the block, media_url = its first line.
/// The marker is removed from everything the client sends, so the last marker is always ours.
/// </summary>
public static partial class RequestText
{
    public const string Marker = "【Open311 附加信息】";

    /// <summary>The same block for reports from the resident web channel.</summary>
    public const string ResidentMarker = "【居民上报附加信息】";
    private const string MediaPrefix = "media_url: ";

    public static string Sanitise(string text) =>
        text.Replace(Marker, "", StringComparison.Ordinal).Replace(ResidentMarker, "", StringComparison.Ordinal).Trim();

    public static string Compose(string? description, string clientName, string? mediaUrl, string? locatedBy, IReadOnlyList<AttributeAnswer> answers,
        string marker = Marker)
    {
        var sb = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(description)) sb.Append(Sanitise(description)).Append("\n\n");
        sb.Append(marker).Append('\n');
        // media_url first: GET reads it back from this line only.
        sb.Append(MediaPrefix).Append(mediaUrl ?? "-").Append('\n');
        sb.Append("客户端: ").Append(Sanitise(clientName)).Append('\n');
        if (locatedBy is not null) sb.Append("位置: ").Append(locatedBy).Append('\n');
        foreach (var a in answers)
        {
            var d = a.Attribute;
            var shown = d.IsList
                ? string.Join("、", a.Values.Select(v => $"{d.Values.First(x => x.Key == v).Name} ({v})"))
                : Sanitise(a.Values[0]);
            sb.Append(d.Label ?? d.Code).Append(" (").Append(d.Code).Append("): ").Append(shown).Append('\n');
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>The client's description (null when none) and media_url of a stored case text.</summary>
    public static (string? Description, string? MediaUrl) Split(string stored)
    {
        var (at, marker) = stored.LastIndexOf(Marker, StringComparison.Ordinal) is var o and >= 0 ? (o, Marker)
            : (stored.LastIndexOf(ResidentMarker, StringComparison.Ordinal), ResidentMarker);
        if (at < 0) return (Blank(stored), null);
        var block = stored[(at + marker.Length)..].TrimStart('\n', '\r');
        var first = block.Split('\n', 2)[0].Trim();
        var media = first.StartsWith(MediaPrefix, StringComparison.Ordinal) ? first[MediaPrefix.Length..].Trim() : null;
        return (Blank(stored[..at]), media is null or "-" ? null : media);
    }

    private static string? Blank(string s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>
    /// The answers to a service's questions as the reporter reads them ("上门时段：周末全天"), without the codes the
    /// stored block keeps for staff and API clients.
    /// </summary>
    public static IReadOnlyList<string> Answers(string stored)
    {
        var at = stored.LastIndexOf(Marker, StringComparison.Ordinal) is var o and >= 0 ? o + Marker.Length
            : stored.LastIndexOf(ResidentMarker, StringComparison.Ordinal) is var r and >= 0 ? r + ResidentMarker.Length : -1;
        if (at < 0) return [];
        var lines = new List<string>();
        foreach (var line in stored[at..].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith(MediaPrefix, StringComparison.Ordinal) || line.StartsWith("客户端:", StringComparison.Ordinal) || line.StartsWith("位置:", StringComparison.Ordinal)) continue;
            var colon = line.IndexOf("): ", StringComparison.Ordinal);
            if (colon < 0) continue;
            var label = line[..line.LastIndexOf(" (", colon, StringComparison.Ordinal)];
            var value = CodeSuffix().Replace(line[(colon + 3)..], "");
            lines.Add($"{label}：{value}");
        }
        return lines;
    }

    // " (weekend)" after each chosen value's name.
    [System.Text.RegularExpressions.GeneratedRegex(@" \([a-z0-9_]+\)")]
    private static partial System.Text.RegularExpressions.Regex CodeSuffix();

    /// <summary>Masks mobile and ID-card numbers a reporter may have typed into free text (shown as 138****5678).</summary>
    public static string? MaskNumbers(string? text) => PersonalNumbers.MaskInText(text);
}
