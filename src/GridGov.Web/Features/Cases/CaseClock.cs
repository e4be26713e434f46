using GridGov.Data.Entities;
using GridGov.Domain.Calendar;
using GridGov.Domain.Cases;

namespace GridGov.Web.Features.Cases;

/// <summary>Deadlines and clock colours for cases, on the current working calendar (working hours) or plain calendar hours.</summary>
public sealed class CaseClock(GridGov.Web.Hosting.CalendarHolder holder, TimeProvider time)
{
    private WorkingCalendar calendar => holder.Current;

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>The category's limits on today's calendar: what <see cref="CaseEffects"/> computes deadlines with.</summary>
    public CaseLimits Limits(Category category) =>
        new(calendar, category.ResponseHours ?? 24, category.ResolveHours ?? 72, category.WorkingHours);

    public DateTime Deadline(DateTime startUtc, double hours, bool workingHours) =>
        new CaseLimits(calendar, 0, 0, workingHours).Deadline(startUtc, hours);

    /// <summary>Sets the response and resolve deadlines and the yellow point (80% of the resolve limit) from registration.</summary>
    public void Start(Case c, Category category, DateTime registeredAt) =>
        (c.ResponseDueAt, c.ResolveDueAt, c.YellowAt) = Limits(category).Start(registeredAt);

    public static string Colour(Case c, DateTime now)
    {
        // A rejected or merged case was never handled here: it carries no on-time badge.
        if (c.Status is CaseStatus.Rejected or CaseStatus.Merged) return "none";
        if (c.Status is CaseStatus.Closed)
            return c.ClosedAt is not null && c.ResolveDueAt is not null && c.ClosedAt > c.ResolveDueAt ? "late" : "done";
        if (c.ResolveDueAt is null) return "none";
        // A suspended case's clock is stopped where it stood.
        var at = c.Status == CaseStatus.Suspended && c.SuspendedAt is not null ? c.SuspendedAt.Value : now;
        if (at > c.ResolveDueAt) return "red";
        return at >= c.YellowAt ? "yellow" : "green";
    }
}
