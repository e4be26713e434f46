using System.Globalization;
using System.Text.RegularExpressions;

namespace GridGov.Web.Features.Open311;

/// <summary>
/// Date/time fields of GeoReport v2: "a common subset of ISO 8601 as per the w3 note
/// (https://www.w3.org/TR/NOTE-datetime). Timezone information (either Z meaning UTC, or an HH:MM offset from UTC)
/// must be included" (https://wiki.open311.org/GeoReport_v2#Date.2Ftime_format). We answer in China time (+08:00).
/// </summary>
public static partial class W3cTime
{
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>e.g. 2026-05-04T10:15:30+08:00 (whole seconds).</summary>
    public static string Format(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(ChinaOffset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string? Format(DateTime? utc) => utc is { } t ? Format(t) : null;

    [GeneratedRegex(@"^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$")]
    private static partial Regex Pattern();

    [GeneratedRegex(@"[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)? \d{2}:?\d{2}$")]
    private static partial Regex DecodedPlus();

    /// <summary>
    /// Parses a W3C date (YYYY-MM-DD, taken as midnight China time) or date-time. When <paramref name="requireZone"/>
    /// (query arguments: the spec says the zone "must be included"), anything without Z or an offset is refused, a
    /// bare date too; otherwise it is taken as China time (answers typed by people). Null with a reason when it is
    /// not a valid instant.
    /// </summary>
    public static DateTimeOffset? Parse(string text, bool requireZone, out string? problem)
    {
        problem = null;
        var m = Pattern().Match(text.Trim());
        if (!m.Success)
        {
            // An unencoded "+08:00" in a query string arrives as " 08:00".
            problem = requireZone && DecodedPlus().IsMatch(text.Trim())
                ? "has a space before its offset: send the + of +08:00 as %2B in a query string"
                : "is not a W3C date-time such as 2026-05-01T00:00:00+08:00 or 2026-05-01T00:00:00Z";
            return null;
        }
        int Int(int group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);
        var hasTime = m.Groups[4].Success;
        var hasZone = m.Groups[8].Success || m.Groups[9].Success;
        if (!hasZone && requireZone)
        {
            problem = "must include its timezone (Z or an offset such as +08:00), e.g. 2026-05-01T00:00:00+08:00";
            return null;
        }
        var offset = m.Groups[8].Success ? TimeSpan.Zero
            : m.Groups[9].Success ? (m.Groups[9].Value == "-" ? -1 : 1) * new TimeSpan(Int(10), Int(11), 0)
            : ChinaOffset;
        if (offset.Duration() > TimeSpan.FromHours(14))
        {
            problem = "has an impossible timezone offset";
            return null;
        }
        try
        {
            var fraction = m.Groups[7].Success ? long.Parse(m.Groups[7].Value.PadRight(7, '0'), CultureInfo.InvariantCulture) : 0;
            var local = new DateTime(Int(1), Int(2), Int(3), hasTime ? Int(4) : 0, hasTime ? Int(5) : 0, m.Groups[6].Success ? Int(6) : 0, DateTimeKind.Unspecified)
                .AddTicks(fraction);
            return new DateTimeOffset(local, offset);
        }
        catch (ArgumentOutOfRangeException)
        {
            problem = "is not a real date and time";
            return null;
        }
    }
}
