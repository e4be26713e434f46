using GridGov.Data.Entities;
using GridGov.Domain.Calendar;

namespace GridGov.Web.Features.Cases;

/// <summary>Deadlines and clock colours for cases, on the working calendar (working hours) or plain calendar hours.</summary>
public sealed class CaseClock(GridGov.Web.Hosting.CalendarHolder holder, TimeProvider time)
{
    private WorkingCalendar calendar => holder.Current;

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    public DateTime Deadline(DateTime startUtc, double hours, bool workingHours) => workingHours
        ? calendar.AddWorkingHours(new DateTimeOffset(startUtc, TimeSpan.Zero), hours).UtcDateTime
        : startUtc.AddHours(hours);

    public double HoursBetween(DateTime fromUtc, DateTime toUtc, bool workingHours) => workingHours
        ? calendar.WorkingHoursBetween(new DateTimeOffset(fromUtc, TimeSpan.Zero), new DateTimeOffset(toUtc, TimeSpan.Zero))
        : (toUtc - fromUtc).TotalHours;

    /// <summary>Sets the response and resolve deadlines and the yellow point (80% of the resolve limit) from registration.</summary>
    public void Start(Case c, Category category, DateTime registeredAt)
    {
        c.ResponseDueAt = Deadline(registeredAt, category.ResponseHours ?? 24, category.WorkingHours);
        c.ResolveDueAt = Deadline(registeredAt, category.ResolveHours ?? 72, category.WorkingHours);
        c.YellowAt = Deadline(registeredAt, 0.8 * (category.ResolveHours ?? 72), category.WorkingHours);
    }

    /// <summary>Pushes the resolve deadline (and the yellow point) later by limit hours, e.g. an approved extension or a suspension.</summary>
    public void Extend(Case c, double hours, bool workingHours)
    {
        if (c.ResolveDueAt is null || hours <= 0) return;
        c.ResolveDueAt = Deadline(c.ResolveDueAt.Value, hours, workingHours);
        if (c.YellowAt is not null) c.YellowAt = Deadline(c.YellowAt.Value, hours, workingHours);
    }

    public static string Colour(Case c, DateTime now)
    {
        if (c.Status is Domain.Cases.CaseStatus.Closed or Domain.Cases.CaseStatus.Rejected or Domain.Cases.CaseStatus.Merged)
            return c.ClosedAt is not null && c.ResolveDueAt is not null && c.ClosedAt > c.ResolveDueAt ? "late" : "done";
        if (c.ResolveDueAt is null) return "none";
        // A suspended case's clock is stopped where it stood.
        var at = c.Status == Domain.Cases.CaseStatus.Suspended && c.SuspendedAt is not null ? c.SuspendedAt.Value : now;
        if (at > c.ResolveDueAt) return "red";
        return at >= c.YellowAt ? "yellow" : "green";
    }
}
