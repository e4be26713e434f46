using GridGov.Domain.Indicators;

namespace GridGov.Domain.Tests.Indicators;

/// <summary>Terse construction of <see cref="CaseFacts"/> for hand-computed examples (all times Beijing time, UTC+8).</summary>
internal static class Facts
{
    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>2025-<paramref name="month"/>-<paramref name="day"/> <paramref name="hour"/>:<paramref name="minute"/> +08:00.</summary>
    public static DateTimeOffset T(int month, int day, int hour, int minute = 0) => new(2025, month, day, hour, minute, 0, Beijing);

    public static readonly DateTimeOffset March = T(3, 1, 0);
    public static readonly DateTimeOffset April = T(4, 1, 0);
    public static readonly DateTimeOffset May = T(5, 1, 0);

    public static CaseFacts Case(long id, string source, string status, DateTimeOffset reported,
        DateTimeOffset? registered = null, DateTimeOffset? responded = null, DateTimeOffset? due = null,
        DateTimeOffset? closed = null, bool suspended = false, int rework = 0, int? rating = null,
        DateTimeOffset? feedback = null, string area = "51010401700101", string category = "0101", string? handler = null) =>
        new(id, area, category, source, status, reported, registered, responded, due, closed, suspended, rework, rating, feedback, handler);
}
