using GridGov.Data.Entities;

namespace GridGov.Web.Features.Indicators;

/// <summary>China calendar days (UTC+8) and the days on which a case has an indicator instant.</summary>
public static class StatsDays
{
    public static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static string Day(DateTime utc) => Domain.Indicators.ChinaDay.Key(utc);

    /// <summary>Start of the China day as UTC.</summary>
    public static DateTime StartUtc(string day) =>
        DateTime.ParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal) - China;

    public static DateTimeOffset StartOffset(string day) => new(StartUtc(day), TimeSpan.Zero);

    /// <summary>yyyy-MM-ddTHH of the China hour holding the instant (China is a whole number of hours from UTC).</summary>
    public static string Hour(DateTime utc) => utc.Add(China).ToString("yyyy-MM-dd'T'HH", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The start of the hour holding the instant.</summary>
    public static DateTimeOffset HourStart(DateTimeOffset t) => Floor(t, TimeSpan.FromHours(1));

    /// <summary>The key of the last hour starting before <paramref name="end"/> (the inclusive upper key of [start, end)).</summary>
    public static string HourBefore(DateTimeOffset end) => Hour(end.UtcDateTime.AddTicks(-1));

    /// <summary>
    /// The step in which today's rows advance: the current hour's row is rebuilt up to the last 10-minute mark, so an
    /// indicator query computes at most ten minutes (plus the job's interval) from the cases.
    /// </summary>
    public static readonly TimeSpan Slice = TimeSpan.FromMinutes(10);

    /// <summary>The start of the 10-minute slice holding the instant.</summary>
    public static DateTimeOffset SliceStart(DateTimeOffset t) => Floor(t, Slice);

    private static DateTimeOffset Floor(DateTimeOffset t, TimeSpan step) => new(t.UtcTicks - t.UtcTicks % step.Ticks, TimeSpan.Zero);

    /// <summary>Every day holding one of the case's instants (reported, registered, its 24-hour mark, responded, handled, due, closed).</summary>
    public static IEnumerable<string> Of(Case c)
    {
        yield return Day(c.ReportedAt);
        if (c.RegisteredAt is { } reg) { yield return Day(reg); yield return Day(reg.AddHours(24)); }
        if (c.RespondedAt is { } resp) yield return Day(resp);
        if (c.FeedbackAt is { } fb) yield return Day(fb);
        if (c.ResolveDueAt is { } due) yield return Day(due);
        if (c.ClosedAt is { } closed) yield return Day(closed);
    }
}
