using GridGov.Data;
using GridGov.Domain.Areas;
using GridGov.Domain.Security;
using GridGov.Web.Features.Categories;
using GridGov.Web.Features.Cases;
using GridGov.Web.Features.Locate;
using GridGov.Web.Hosting.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Field;

/// <summary>The caller's own area with a point inside it: where the pin starts when the phone has no GPS fix.</summary>
public sealed record FieldHome(string Code, string Name, double Lon, double Lat);

/// <summary>What the field app needs before the first report: the worker's area and the categories to show first.</summary>
public sealed record FieldStartInfo(FieldHome? Home, IReadOnlyList<string> TopCategories);

/// <summary>
/// The worker's area (the most specific area they may report in) and the dozen categories to offer as tiles: the
/// ones workers reported most (at least twice) in the worker's community over the last 30 days, filled up from a fixed list of what
/// grid workers meet most on patrol (garbage, piled goods, flyposting, street vending, parking, fire lanes, e-bike
/// charging, street lights, manhole covers, road damage, neighbour disputes) when there is little or no usage.
/// </summary>
public sealed class FieldStart(GridGovDb db, Caller caller, CategoryCache categories, CaseClock clock)
{
    public const int Tiles = 12;

    public const int UsageDays = 30;

    public static readonly string[] Common =
        ["0101", "0104", "0201", "0501", "0505", "0504", "0801", "0804", "1302", "1301", "1303", "0601"];

    public async Task<FieldStartInfo> GetAsync(CancellationToken ct)
    {
        var areas = caller.Areas(Permission.CasesReport);
        var code = areas.OrderByDescending(a => a.Length).ThenBy(a => a, StringComparer.Ordinal).FirstOrDefault();
        var area = code is null ? null : await db.Areas.AsNoTracking().FirstOrDefaultAsync(a => a.Code == code, ct);
        var point = area is null ? null : AddressLocator.RepresentativePoint(area);
        var home = area is null || point is null ? null
            : new FieldHome(area.Code, area.Name, Math.Round(point.Value.Lon, 6), Math.Round(point.Value.Lat, 6));
        return new FieldStartInfo(home, await TopAsync(code, ct));
    }

    private async Task<IReadOnlyList<string>> TopAsync(string? area, CancellationToken ct)
    {
        var all = await categories.AllAsync(ct);
        bool Usable(string c) => c.Length == 4 && all.TryGetValue(c, out var x) && x.Active;
        var used = new List<string>();
        // Usage is counted over a community (a micro-grid alone sees too few cases); wider areas get the fixed list.
        if (area is not null && area.Length >= AreaCode.CommunityLength)
        {
            var community = area[..AreaCode.CommunityLength];
            var since = clock.Now.AddDays(-UsageDays);
            used = await db.Cases.AsNoTracking().WithinAny(c => c.AreaCode, [community])
                .Where(c => c.ReportedAt >= since && c.Source == "patrol")
                .GroupBy(c => c.CategoryCode).Select(g => new { Code = g.Key, Count = g.Count() })
                .Where(x => x.Count >= 2) // one report is chance, not a habit
                .OrderByDescending(x => x.Count).ThenBy(x => x.Code).Take(Tiles * 2).Select(x => x.Code).ToListAsync(ct);
        }
        return used.Concat(Common).Where(Usable).Distinct().Take(Tiles).ToList();
    }
}
