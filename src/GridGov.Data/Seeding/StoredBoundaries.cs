using GridGov.Domain.Areas;
using GridGov.Domain.Boundaries;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace GridGov.Data.Seeding;

/// <summary>The validator's view of stored areas, read on demand and cached for one import.</summary>
public sealed class StoredBoundaries(GridGovDb db) : IExistingBoundaries
{
    private readonly Dictionary<string, (bool Exists, Geometry? Shape)> _areas = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string, AreaKind, Geometry)>> _children = new(StringComparer.Ordinal);

    public bool Exists(string code) => Load(code).Exists;

    public Geometry? BoundaryOf(string code) => Load(code).Shape;

    public IEnumerable<(string Code, AreaKind Kind, Geometry Boundary)> ChildrenOf(string parentCode)
    {
        if (!_children.TryGetValue(parentCode, out var list))
        {
            list = db.Areas.AsNoTracking().Where(a => a.ParentCode == parentCode && a.Boundary != null)
                .Select(a => new { a.Code, a.Kind, a.Boundary }).AsEnumerable()
                .Select(a => (a.Code, a.Kind, AreaRows.Shape(a.Boundary)!)).ToList();
            _children[parentCode] = list;
        }
        return list;
    }

    private (bool Exists, Geometry? Shape) Load(string code)
    {
        if (_areas.TryGetValue(code, out var hit)) return hit;
        var row = db.Areas.AsNoTracking().Where(a => a.Code == code).Select(a => new { a.Boundary }).FirstOrDefault();
        hit = row is null ? (false, null) : (true, AreaRows.Shape(row.Boundary));
        _areas[code] = hit;
        return hit;
    }
}
