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

        var total = await Compute(db, visible, category, handler, start, end, now, ct);
        IReadOnlyDictionary<string, IndicatorSet>? children = null;
        if (breakdown == "children")
        {
            var childLength = area!.Length switch
            {
                AreaCode.CityLength => AreaCode.DistrictLength, AreaCode.DistrictLength => AreaCode.StreetLength,
                AreaCode.StreetLength => AreaCode.CommunityLength, AreaCode.CommunityLength => AreaCode.GridLength,
                _ => AreaCode.MicroGridLength,
            };
            var facts = (await Facts(db, visible, category, handler, start.UtcDateTime, end.UtcDateTime, ct)).Select(f => f.Facts);
            children = CaseIndicators.ComputeBy(facts, f => AreaCode.Truncate(f.AreaCode, childLength) ?? f.AreaCode, start, end);
        }
        return Results.Ok(new IndicatorReport(area!, category, handler, start, end, total, children));
    }

    /// <summary>
    /// The indicators of the areas over [start, end). Whole past China days of districts, streets and communities come
    /// from the pre-aggregated daily rows (merged: same day across areas, then adjacent days), today's completed hours
    /// from the hourly rows; the rest — the current hour, a partial first day, grids, category or handler filters — is
    /// computed from the cases. Both give the same numbers.
    /// </summary>
    public static async Task<IndicatorSet> Compute(GridGovDb db, IReadOnlyList<string> areas, string? category, long? handler,
        DateTimeOffset start, DateTimeOffset end, DateTimeOffset now, CancellationToken ct)
    {
        var todayStart = StatsDays.StartOffset(StatsDays.Day(now.UtcDateTime));
        var dayAligned = StatsDays.StartOffset(StatsDays.Day(start.UtcDateTime)) == start;
        var rollable = category is null && handler is null && dayAligned && start <= todayStart
                       && areas.All(a => a.Length is AreaCode.CityLength or AreaCode.DistrictLength or AreaCode.StreetLength or AreaCode.CommunityLength);
        if (!rollable)
        {
            var facts = await Facts(db, areas, category, handler, start.UtcDateTime, end.UtcDateTime, ct);
            return CaseIndicators.Compute(facts.Select(f => f.Facts), start, end);
        }
        var rollEnd = end < todayStart ? StatsDays.StartOffset(StatsDays.Day(end.UtcDateTime)) : todayStart;
        var keys = await RowKeys(db, areas, ct);
        // Null while nothing is covered yet (a period starting today, or ending inside its first day).
        var acc = rollEnd > start ? await FromRollups(db, keys, start, rollEnd, ct) : null;
        if (end > todayStart && rollEnd == todayStart && await StatsHourlyRollup.ThroughAsync(db, ct) is { } through && through > todayStart)
        {
            // Today up to the last 10-minute mark from the hourly rows (the current hour's row ends at through); only
            // the rest is live. A period ending before through ends its rows at the start of its last hour.
            var hoursEnd = end >= through ? through : StatsDays.HourStart(end);
            if (hoursEnd > todayStart && await FromHourRollups(db, keys, todayStart, hoursEnd, ct) is var (hours, reached) && hours is not null)
            {
                if (acc is null) acc = hours; else acc.Merge(hours);
                rollEnd = reached;
            }
        }
        if (end > rollEnd)
        {
            var live = new IndicatorAccumulator(rollEnd, end);
            live.AddRange((await Facts(db, areas, null, null, rollEnd.UtcDateTime, end.UtcDateTime, ct)).Select(f => f.Facts));
            if (acc is null) acc = live; else acc.Merge(live);
        }
        return acc!.Result();
    }

    /// <summary>The areas whose rows to sum: a city has no row of its own, its districts' rows are summed.</summary>
    private static async Task<List<string>> RowKeys(GridGovDb db, IReadOnlyList<string> areas, CancellationToken ct)
    {
        var keys = new List<string>();
        foreach (var a in areas)
            if (a.Length == AreaCode.CityLength)
                keys.AddRange(await db.Areas.AsNoTracking().Where(x => x.ParentCode == a).Select(x => x.Code).ToListAsync(ct));
            else keys.Add(a);
        return keys;
    }

    /// <summary>
    /// The hourly rows of [start, end) (today, end at an hour or at the rows' through instant), merged hour after hour, and
    /// how far they reach: to end, or to the start of an hour holding a row built further than end (a pass still writing
    /// on another node), from which the caller computes live. Null when that is the first hour.
    /// </summary>
    private static async Task<(IndicatorAccumulator? Rows, DateTimeOffset Reached)> FromHourRollups(GridGovDb db, List<string> keys,
        DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        var (first, last) = (StatsDays.Hour(start.UtcDateTime), StatsDays.HourBefore(end));
        var rows = await db.CaseStatsHourly.AsNoTracking()
            .Where(r => keys.Contains(r.AreaCode) && string.Compare(r.Hour, first) >= 0 && string.Compare(r.Hour, last) <= 0)
            .Select(r => r.Payload).ToListAsync(ct);
        var byHour = rows.Select(AccumulatorCodec.Read).ToLookup(a => a.PeriodStart);
        IndicatorAccumulator? total = null;
        for (var hour = start; hour < end; hour = hour.AddHours(1))
        {
            var acc = new IndicatorAccumulator(hour, StatsHourlyRollup.HourEnd(hour, end));
            foreach (var part in byHour[hour])
            {
                if (!StatsHourlyRollup.AlignTo(part, end)) return (total, hour);
                acc.Merge(part);
            }
            if (total is null) total = acc; else total.Merge(acc);
        }
        return (total, end);
    }

    private static async Task<IndicatorAccumulator> FromRollups(GridGovDb db, List<string> keys, DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        var first = StatsDays.Day(start.UtcDateTime);
        var last = StatsDays.Day(end.UtcDateTime); // exclusive
        var rows = await DailyRowCache.ReadAsync(db, keys, first, last, ct);
        var byDay = rows.ToLookup(r => r.Day, r => r.Row);
        IndicatorAccumulator? total = null;
        for (var day = start; day < end; day = day.AddDays(1))
        {
            var acc = new IndicatorAccumulator(day, day.AddDays(1));
            foreach (var row in byDay[StatsDays.Day(day.UtcDateTime)]) acc.Merge(row);
            if (total is null) total = acc; else total.Merge(acc);
        }
        return total ?? new IndicatorAccumulator(start, end);
    }

    /// <summary>Cases with an indicator instant in [from, to), as facts with the China days of their instants.</summary>
    public static async Task<List<(CaseFacts Facts, IReadOnlyList<string> Days)>> Facts(GridGovDb db, IReadOnlyList<string> areas,
        string? category, long? handler, DateTime from, DateTime to, CancellationToken ct)
    {
        var q = db.Cases.AsNoTracking().WithinAny(c => c.AreaCode, areas);
        if (category is { Length: 4 }) q = q.Where(c => c.CategoryCode == category);
        else if (category is not null) q = q.WithinAny(c => c.CategoryCode, [category]);
        if (handler is not null) q = q.Where(c => c.AssigneeUserId == handler);
        // One index range scan per instant column (an OR of six ranges would read the whole table), then the rows.
        // A registration in the period, or one whose 24-hour mark falls in it: two ranges, not one from `from` − 1 day
        // (for an hour that would read a whole day of registrations).
        var (markFrom, markTo) = (from.AddDays(-1), to.AddDays(-1) < from ? to.AddDays(-1) : from);
        var ids = new HashSet<long>();
        ids.UnionWith(await q.Where(c => c.ReportedAt >= from && c.ReportedAt < to).Select(c => c.Id).ToListAsync(ct));
        ids.UnionWith(await q.Where(c => c.RegisteredAt >= from && c.RegisteredAt < to).Select(c => c.Id).ToListAsync(ct));
        ids.UnionWith(await q.Where(c => c.RegisteredAt >= markFrom && c.RegisteredAt < markTo).Select(c => c.Id).ToListAsync(ct));
        ids.UnionWith(await q.Where(c => c.RespondedAt >= from && c.RespondedAt < to).Select(c => c.Id).ToListAsync(ct));
        ids.UnionWith(await q.Where(c => c.ResolveDueAt >= from && c.ResolveDueAt < to).Select(c => c.Id).ToListAsync(ct));
        ids.UnionWith(await q.Where(c => c.ClosedAt >= from && c.ClosedAt < to).Select(c => c.Id).ToListAsync(ct));
        // A handled instant only counts for a case due in the period, which the deadline or closing range already found.
        // Only the columns the formulas read: materialising whole cases costs more than the counting.
        var rows = new List<Case>(ids.Count);
        foreach (var chunk in ids.Chunk(5000))
            rows.AddRange(await db.Cases.AsNoTracking().Where(c => chunk.Contains(c.Id)).Select(c => new Case
            {
                Id = c.Id, TrackingNo = "", Description = "", AreaCode = c.AreaCode, DistrictCode = "", CategoryCode = c.CategoryCode,
                Source = c.Source, Status = c.Status, ReportedAt = c.ReportedAt, RegisteredAt = c.RegisteredAt, RespondedAt = c.RespondedAt,
                ResolveDueAt = c.ResolveDueAt, ClosedAt = c.ClosedAt, FeedbackAt = c.FeedbackAt, ReworkCount = c.ReworkCount, Rating = c.Rating,
                AssigneeUserId = c.AssigneeUserId, SelfResolved = c.SelfResolved,
            }).ToListAsync(ct));
        static DateTimeOffset? T(DateTime? d) => d is null ? null : new DateTimeOffset(DateTime.SpecifyKind(d.Value, DateTimeKind.Utc));
        return rows.Select(c => (new CaseFacts(c.Id, c.AreaCode, c.CategoryCode, c.Source, c.Status.Wire(), T(c.ReportedAt)!.Value,
            T(c.RegisteredAt), T(c.RespondedAt), T(c.ResolveDueAt), T(c.ClosedAt), c.Status == CaseStatus.Suspended, c.ReworkCount,
            c.Rating, T(c.FeedbackAt), c.AssigneeUserId?.ToString(System.Globalization.CultureInfo.InvariantCulture))
        { SelfResolved = c.SelfResolved }, (IReadOnlyList<string>)StatsDays.Of(c).Distinct().ToList())).ToList();
    }
}
