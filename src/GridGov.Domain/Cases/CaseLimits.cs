using GridGov.Domain.Calendar;

namespace GridGov.Domain.Cases;

/// <summary>
/// A category's time limits on the working calendar (working hours) or in plain calendar hours: the deadlines of a
/// case are computed here, so registering, suspending and extending agree with each other and with the sweep.
/// </summary>
public sealed record CaseLimits(WorkingCalendar Calendar, double ResponseHours, double ResolveHours, bool WorkingHours)
{
    /// <summary>The yellow point: 80% of the resolve limit.</summary>
    public const double YellowFraction = 0.8;

    public DateTime Deadline(DateTime startUtc, double hours) => WorkingHours
        ? Calendar.AddWorkingHours(new DateTimeOffset(startUtc, TimeSpan.Zero), hours).UtcDateTime
        : startUtc.AddHours(hours);

    public double HoursBetween(DateTime fromUtc, DateTime toUtc) => WorkingHours
        ? Calendar.WorkingHoursBetween(new DateTimeOffset(fromUtc, TimeSpan.Zero), new DateTimeOffset(toUtc, TimeSpan.Zero))
        : (toUtc - fromUtc).TotalHours;

    /// <summary>The response and resolve deadlines and the yellow point of a clock started at registration.</summary>
    public (DateTime ResponseDue, DateTime ResolveDue, DateTime Yellow) Start(DateTime registeredAt) =>
        (Deadline(registeredAt, ResponseHours), Deadline(registeredAt, ResolveHours), Deadline(registeredAt, YellowFraction * ResolveHours));

    /// <summary>The case with its resolve deadline and yellow point pushed later by <paramref name="hours"/> of limit time.</summary>
    public CaseSnapshot Extend(CaseSnapshot c, double hours) =>
        c.ResolveDueAt is null || hours <= 0 ? c : c with
        {
            ResolveDueAt = Deadline(c.ResolveDueAt.Value, hours),
            YellowAt = c.YellowAt is { } yellow ? Deadline(yellow, hours) : null,
        };
}
