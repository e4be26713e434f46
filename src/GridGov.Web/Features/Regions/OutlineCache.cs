using GridGov.Data;
using GridGov.Data.Seeding;
using GridGov.Domain.Areas;
using GridGov.Domain.Geo;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.Simplify;

namespace GridGov.Web.Features.Regions;

/// <summary>One area's outline as a base map draws it: simplified for its level, with a point for its name.</summary>
public sealed record Outline(string Code, string Name, AreaKind Kind, bool Synthetic, Envelope Envelope, Geometry Shape, double LabelLon, double LabelLat);

/// <summary>
/// Outlines of every level, simplified once for the zoom they are drawn at, so maps show the city's own geography
/// (district, street, community, grid names) without any tile server. Rebuilt when the routing index is replaced,
/// which happens after every boundary import.
/// </summary>
public sealed class OutlineCache(IServiceScopeFactory scopes, GridIndexHolder index)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (GridIndex Built, Dictionary<OutlineLevel, List<Outline>> Levels)? _current;

    public async Task<IReadOnlyList<Outline>> LevelAsync(OutlineLevel level, CancellationToken ct)
    {
        var built = index.Current;
        if (_current is { } c && ReferenceEquals(c.Built, built)) return c.Levels[level];
        await _gate.WaitAsync(ct);
        try
        {
            if (_current is { } again && ReferenceEquals(again.Built, built)) return again.Levels[level];
            var levels = await LoadAsync(ct);
            _current = (built, levels);
            return levels[level];
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<Dictionary<OutlineLevel, List<Outline>>> LoadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GridGovDb>();
        var rows = await db.Areas.AsNoTracking().Where(a => a.Kind != AreaKind.City && a.Boundary != null)
            .Select(a => new { a.Code, a.Name, a.Kind, a.Synthetic, a.Boundary }).ToListAsync(ct);
        var levels = Enum.GetValues<OutlineLevel>().ToDictionary(l => l, _ => new List<Outline>());
        foreach (var r in rows)
        {
            var level = OutlineLevels.Of(r.Kind);
            if (AreaRows.Shape(r.Boundary) is not { IsEmpty: false } shape) continue;
            // Simplified to about a pixel at the zoom the level is drawn at; topology kept so rings stay valid.
            var simple = TopologyPreservingSimplifier.Simplify(shape, OutlineLevels.Tolerance(level));
            var label = shape.InteriorPoint;
            levels[level].Add(new Outline(r.Code, r.Name, r.Kind, r.Synthetic, shape.EnvelopeInternal, simple, label.X, label.Y));
        }
        return levels;
    }
}

/// <summary>What a base map shows at a zoom: the level of areas whose outlines and names are readable there.</summary>
public enum OutlineLevel { District, Street, Community, Grid, MicroGrid }

public static class OutlineLevels
{
    public static OutlineLevel Of(AreaKind kind) => kind switch
    {
        AreaKind.District => OutlineLevel.District,
        AreaKind.Street => OutlineLevel.Street,
        AreaKind.Community => OutlineLevel.Community,
        AreaKind.MicroGrid => OutlineLevel.MicroGrid,
        _ => OutlineLevel.Grid, // general and dedicated grids
    };

    public static double Tolerance(OutlineLevel level) => level switch
    {
        OutlineLevel.District => 0.002,
        OutlineLevel.Street => 0.0008,
        OutlineLevel.Community => 0.0003,
        _ => 0.00008,
    };

    public static OutlineLevel? Parse(string? wire) => wire switch
    {
        "district" => OutlineLevel.District,
        "street" => OutlineLevel.Street,
        "community" => OutlineLevel.Community,
        "grid" => OutlineLevel.Grid,
        "micro_grid" => OutlineLevel.MicroGrid,
        _ => null,
    };

    /// <summary>Grids are staff geography; districts, streets and communities are public.</summary>
    public static bool IsPublic(OutlineLevel level) => level <= OutlineLevel.Community;
}
