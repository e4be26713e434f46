using GridGov.Data;
using GridGov.Domain.Areas;
using GridGov.Domain.Security;
using GridGov.Web.Hosting.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Cases;

/// <summary>Areas by name for people: the names of cases' areas, and the areas a user may filter by.</summary>
internal static class AreaLabels
{
    /// <summary>Each code's name (the code itself where the area is unknown, e.g. the city's unassigned queue).</summary>
    public static async Task<Dictionary<string, string>> NamesAsync(GridGovDb db, IEnumerable<string> codes, CancellationToken ct)
    {
        var wanted = codes.Distinct().ToList();
        var found = await db.Areas.AsNoTracking().Where(a => wanted.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Name, ct);
        return wanted.ToDictionary(c => c, c => found.GetValueOrDefault(c, c));
    }

    /// <summary>
    /// The areas the actor reads cases in and those under them, down to communities (or to micro-grids for someone
    /// whose area is a grid), in tree order, with their depth for indentation: the list page's area picker.
    /// </summary>
    public static async Task<List<(string Code, string Name, int Depth)>> PickerAsync(GridGovDb db, Actor actor, CancellationToken ct)
    {
        var roots = actor.Areas(Permission.CasesRead);
        var result = new List<(string, string, int)>();
        foreach (var root in roots.Take(20))
        {
            var deepest = root.Length >= AreaCode.CommunityLength ? AreaCode.MicroGridLength : AreaCode.CommunityLength;
            var rows = await db.Areas.AsNoTracking().WithinAny(a => a.Code, [root])
                .Where(a => a.Code.Length <= deepest)
                .OrderBy(a => a.Code).Take(800).Select(a => new { a.Code, a.Name }).ToListAsync(ct);
            foreach (var r in rows) result.Add((r.Code, r.Name, Depth(r.Code) - Depth(root)));
        }
        return result;
    }

    private static int Depth(string code) => code.Length switch { 4 => 0, 6 => 1, 9 => 2, 12 => 3, 14 => 4, _ => 5 };
}
