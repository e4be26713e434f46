using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Data.Seeding;
using GridGov.Domain.Areas;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Locate;

/// <summary>
/// Places a report that came with an address instead of a point (Open311 address_string, the resident form's
/// address): the most specific community or grid whose name the text contains, and a representative point inside
/// it. Approximate by nature; callers record that the location was inferred.
/// </summary>
public static class AddressLocator
{
    private static readonly AreaKind[] Named = [AreaKind.Community, AreaKind.GeneralGrid, AreaKind.MicroGrid, AreaKind.DedicatedGrid];

    /// <summary>The community or grid inside <paramref name="withinArea"/> named in the text, or null.</summary>
    public static async Task<Area?> MatchNameAsync(GridGovDb db, string text, string withinArea, CancellationToken ct)
    {
        var names = await db.Areas.AsNoTracking().InArea(withinArea).Where(a => Named.Contains(a.Kind))
            .Select(a => new { a.Code, a.Name }).ToListAsync(ct);
        // Communities are stored by their committee's name ("水井坊社区居委会"); people write "水井坊社区".
        var match = names.Select(a => new { a.Code, Name = DivisionNames.Short(a.Name) })
            .Where(a => a.Name.Length > 1 && text.Contains(a.Name, StringComparison.Ordinal))
            .OrderByDescending(a => a.Code.Length).ThenByDescending(a => a.Name.Length).FirstOrDefault();
        return match is null ? null : await db.Areas.AsNoTracking().FirstAsync(a => a.Code == match.Code, ct);
    }

    /// <summary>A point guaranteed inside the area's boundary, or null when it has none.</summary>
    public static (double Lon, double Lat)? RepresentativePoint(Area area) =>
        AreaRows.Shape(area.Boundary)?.InteriorPoint is { IsEmpty: false } p ? (p.X, p.Y) : null;
}
