using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Domain.Areas;
using GridGov.Domain.Cases;
using GridGov.Domain.Indicators;
using GridGov.Domain.Security;
using GridGov.Web.Features.Cases;
using GridGov.Web.Hosting;
using GridGov.Web.Hosting.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Indicators;

public sealed record IndicatorReport(string Area, string? Category, long? Handler, DateTimeOffset From, DateTimeOffset To, IndicatorSet Indicators,
    IReadOnlyDictionary<string, IndicatorSet>? Children);

/// <summary>
/// The loop's indicators (formulas in README "Indicators") for an area of yours, optionally one category (2 or 4
/// digits) and one handler, over a period; with breakdown=children, the same for each child area (drill-down).
/// </summary>
public static class IndicatorEndpoints
{
    public static void MapIndicators(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/indicators", Get).WithTags("Indicators").RequirePermission(Permission.CasesRead)
            .WithSummary("24-hour response rate, on-time handling, 结案率, 按期结案率, rework, satisfaction, durations, counts by source and status");

    private static async Task<IResult> Get(GridGovDb db, Caller caller, CaseClock clock, GridGovOptions options, CancellationToken ct,
        string? area = null, string? category = null, long? handler = null, DateTimeOffset? from = null, DateTimeOffset? to = null, string? breakdown = null)
    {
        var errors = new Dictionary<string, string[]>();
        var roots = caller.Areas(Permission.CasesRead);
        area ??= roots.Count == 1 ? roots[0] : options.City;
        if (!AreaCode.IsWellFormed(area)) errors["area"] = ["area is an area code."];
        if (category is not null && (category.Length is not (2 or 4) || !category.All(char.IsAsciiDigit))) errors["category"] = ["category is a 2- or 4-digit code."];
        var now = new DateTimeOffset(clock.Now, TimeSpan.Zero);
        // Default period: this month so far, in China time.
        var china = now.ToOffset(TimeSpan.FromHours(8));
        var start = from ?? new DateTimeOffset(china.Year, china.Month, 1, 0, 0, 0, TimeSpan.FromHours(8));
        var end = to ?? now;
        if (end <= start) errors["to"] = ["to must be after from."];
        if ((end - start).TotalDays > 1100) errors["to"] = ["A period is at most three years."];
        if (breakdown is not (null or "children")) errors["breakdown"] = ["breakdown is 'children' or absent."];
        if (errors.Count > 0) return Problems.Invalid(errors);
        var visible = caller.Within(Permission.CasesRead, area!);
        if (visible.Count == 0) return Problems.NotFound($"No area {area} in your scope.");

        var facts = await Facts(db, visible, category, handler, start.UtcDateTime, end.UtcDateTime, now.UtcDateTime, ct);
        var total = CaseIndicators.Compute(facts, start, end);
        IReadOnlyDictionary<string, IndicatorSet>? children = null;
        if (breakdown == "children")
        {
            var childLength = area!.Length switch
            {
                AreaCode.CityLength => AreaCode.DistrictLength, AreaCode.DistrictLength => AreaCode.StreetLength,
                AreaCode.StreetLength => AreaCode.CommunityLength, AreaCode.CommunityLength => AreaCode.GridLength,
                _ => AreaCode.MicroGridLength,
            };
            children = CaseIndicators.ComputeBy(facts, f => AreaCode.Truncate(f.AreaCode, childLength) ?? f.AreaCode, start, end);
        }
        return Results.Ok(new IndicatorReport(area!, category, handler, start, end, total, children));
    }

    /// <summary>Cases that have any event in the period (or are still open), as indicator facts.</summary>
    public static async Task<List<CaseFacts>> Facts(GridGovDb db, IReadOnlyList<string> areas, string? category, long? handler,
        DateTime from, DateTime to, DateTime now, CancellationToken ct)
    {
        var q = db.Cases.AsNoTracking().WithinAny(c => c.AreaCode, areas).Where(c => c.ReportedAt < to);
        if (category is { Length: 4 }) q = q.Where(c => c.CategoryCode == category);
        else if (category is not null) q = q.WithinAny(c => c.CategoryCode, [category]);
        if (handler is not null) q = q.Where(c => c.AssigneeUserId == handler);
        var dayBefore = from.AddDays(-1);
        q = q.Where(c => c.ReportedAt >= dayBefore || c.ClosedAt == null || c.ClosedAt >= from || c.ResolveDueAt >= from
                         || c.RespondedAt >= from);
        var rows = await q.Select(c => new
        {
            c.Id, c.AreaCode, c.CategoryCode, c.Source, c.Status, c.ReportedAt, c.RegisteredAt, c.RespondedAt, c.ResolveDueAt,
            c.ClosedAt, c.ReworkCount, c.Rating, c.FeedbackAt, c.AssigneeUserId, c.SelfResolved,
        }).ToListAsync(ct);
        static DateTimeOffset? T(DateTime? d) => d is null ? null : new DateTimeOffset(DateTime.SpecifyKind(d.Value, DateTimeKind.Utc));
        return rows.Select(c => new CaseFacts(c.Id, c.AreaCode, c.CategoryCode, c.Source, c.Status.Wire(), T(c.ReportedAt)!.Value,
            T(c.RegisteredAt), T(c.RespondedAt), T(c.ResolveDueAt), T(c.ClosedAt), c.Status == CaseStatus.Suspended, c.ReworkCount,
            c.Rating, T(c.FeedbackAt), c.AssigneeUserId?.ToString(System.Globalization.CultureInfo.InvariantCulture))
        { SelfResolved = c.SelfResolved }).ToList();
    }
}
