using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Domain.Areas;
using GridGov.Domain.Cases;
using GridGov.Domain.Security;
using GridGov.Web.Features.Cases;
using GridGov.Web.Features.Categories;
using GridGov.Web.Hosting;
using GridGov.Web.Hosting.Security;
using GridGov.Web.Ui;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Dashboard;

/// <summary>
/// GET /api/dashboard/overview: for an area the caller oversees, the cases reported in the last days by major category
/// (the largest ones, the rest as 其他) and by source, and the latest cases for the live events list, all by name.
/// </summary>
public static class OverviewEndpoint
{
    /// <summary>Pie slices by category: the largest ones by name; the rest together, so a pie stays readable from afar.</summary>
    public const int CategorySlices = 6;

    public static void MapOverview(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/dashboard/overview", Get).WithTags("Dashboard").RequirePermission(Permission.CasesRead)
            .WithSummary("The big screen's pies (cases reported in the last days by category and by source) and its latest cases, by name");

    private static async Task<IResult> Get(GridGovDb db, Caller caller, CaseClock clock, CategoryCache categories, GridGovOptions options,
        CancellationToken ct, string? area = null, int days = 30, int events = 20)
    {
        var roots = caller.Areas(Permission.CasesRead);
        area ??= roots.Count == 1 ? roots[0] : options.City;
        var errors = new Dictionary<string, string[]>();
        if (!AreaCode.IsWellFormed(area)) errors["area"] = [UiText.Z($"区域编码格式不对：{area}", $"area is an area code, not {area}.")];
        if (days is < 1 or > 366) errors["days"] = [UiText.Z($"统计天数应在 1 到 366 之间（收到 {days}）", $"days is between 1 and 366, not {days}.")];
        if (events is < 0 or > 100) errors["events"] = [UiText.Z($"事件条数应在 0 到 100 之间（收到 {events}）", $"events is between 0 and 100, not {events}.")];
        if (errors.Count > 0) return Problems.Invalid(errors);
        // The whole area or nothing: a screen never shows a part of an area as if it were all of it.
        if (!caller.Covers(Permission.CasesRead, area)) return Problems.NotFound($"No area {area} in your scope.");
        var overview = await BuildAsync(db, categories, area, days, events, clock.Now, ct);
        return overview is null ? Problems.NotFound($"No area {area}.") : Results.Ok(overview);
    }

    /// <summary>The overview of an area the caller was checked to cover; null when the area does not exist.</summary>
    public static async Task<DashboardOverview?> BuildAsync(GridGovDb db, CategoryCache categories, string area, int days, int events,
        DateTime now, CancellationToken ct)
    {
        var self = await db.Areas.AsNoTracking().Where(a => a.Code == area).Select(a => new { a.Code, a.Name }).FirstOrDefaultAsync(ct);
        if (self is null) return null;
        var from = now.AddDays(-days);
        var inArea = db.Cases.AsNoTracking().WithinAny(c => c.AreaCode, [area]);
        var counts = await inArea.Where(c => c.ReportedAt >= from && c.ReportedAt < now)
            .GroupBy(c => new { c.CategoryCode, c.Source })
            .Select(g => new { g.Key.CategoryCode, g.Key.Source, Count = g.LongCount() }).ToListAsync(ct);
        var all = await categories.AllAsync(ct);
        string Name(string code) => all.GetValueOrDefault(code) is { } c ? (UiText.IsEnglish && c.NameEn is { } en ? en : c.Name) : code;

        var byMajor = counts.GroupBy(c => c.CategoryCode[..Math.Min(2, c.CategoryCode.Length)])
            .Select(g => new NamedCount(g.Key, Name(g.Key), g.Sum(x => x.Count)))
            .OrderByDescending(x => x.Count).ThenBy(x => x.Key, StringComparer.Ordinal).ToList();
        var byCategory = byMajor.Take(CategorySlices).ToList();
        if (byMajor.Count > CategorySlices)
            byCategory.Add(new NamedCount("other", UiText.Z("其他", "Other"), byMajor.Skip(CategorySlices).Sum(x => x.Count)));
        var bySource = counts.GroupBy(c => c.Source)
            .Select(g => new NamedCount(g.Key, UiText.SourceLabel(g.Key), g.Sum(x => x.Count)))
            .OrderByDescending(x => x.Count).ThenBy(x => x.Key, StringComparer.Ordinal).ToList();

        // Only what a line shows and its clock needs (no free text, no personal data).
        var latest = events == 0 ? new List<Case>() : await inArea.OrderByDescending(c => c.ReportedAt).ThenByDescending(c => c.Id).Take(events)
            .Select(c => new Case
            {
                Id = c.Id, TrackingNo = c.TrackingNo, Description = "", AreaCode = c.AreaCode, DistrictCode = "", CategoryCode = c.CategoryCode,
                Source = c.Source, Status = c.Status, ReportedAt = c.ReportedAt, ResolveDueAt = c.ResolveDueAt, YellowAt = c.YellowAt,
                ClosedAt = c.ClosedAt, SuspendedAt = c.SuspendedAt,
            }).ToListAsync(ct);
        var places = await PlaceNamesAsync(db, area, self.Name, latest.Select(c => c.AreaCode), ct);
        var list = latest.Select(c => Event(c, Name(c.CategoryCode), places[c.AreaCode], now)).ToList();
        return new DashboardOverview(area, self.Name, new DateTimeOffset(from, TimeSpan.Zero), new DateTimeOffset(now, TimeSpan.Zero),
            counts.Sum(c => c.Count), byCategory, bySource, list);
    }

    public static ScreenEvent Event(Case c, string categoryName, string placeName, DateTime now)
    {
        var colour = CaseClock.Colour(c, now);
        return new ScreenEvent(c.Id, c.TrackingNo, categoryName, placeName, UiText.SourceLabel(c.Source), c.Status.Wire(), UiText.StatusLabel(c.Status),
            colour, colour == "red", c.ReportedAt);
    }

    /// <summary>
    /// The length of the codes one level below an area (district → streets, …, grid → micro-grids); a micro-grid has
    /// none below it and names its own cases.
    /// </summary>
    public static int ChildLength(string area) => area.Length switch
    {
        AreaCode.CityLength => AreaCode.DistrictLength,
        AreaCode.DistrictLength => AreaCode.StreetLength,
        AreaCode.StreetLength => AreaCode.CommunityLength,
        AreaCode.CommunityLength => AreaCode.GridLength,
        _ => AreaCode.MicroGridLength,
    };

    /// <summary>Each case area's place on this screen: the child area holding it, or the screen's own area.</summary>
    private static async Task<Dictionary<string, string>> PlaceNamesAsync(GridGovDb db, string area, string areaName, IEnumerable<string> codes,
        CancellationToken ct)
    {
        var length = ChildLength(area);
        var codeList = codes.Distinct().ToList();
        var childOf = codeList.ToDictionary(c => c, c => c.Length > area.Length ? AreaCode.Truncate(c, length) : null);
        var wanted = childOf.Values.OfType<string>().Distinct().ToList();
        var names = await db.Areas.AsNoTracking().Where(a => wanted.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Name, ct);
        return codeList.ToDictionary(c => c, c => childOf[c] is { } child && names.TryGetValue(child, out var n) ? n : areaName);
    }
}
