using GridGov.Domain.Geo;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace GridGov.Domain.Demo;

/// <summary>Clips power cells to the parent: by hand when it is convex, else by a snap-rounded overlay.</summary>
internal sealed class CellCutter(Geometry parent, LocalFrame frame)
{
    private readonly IPreparedGeometry _prepared = PreparedGeometryFactory.Prepare(parent);

    // Cut from convex cells, most grids are convex up to the snapping; a concavity that shallow changes nothing.
    private readonly List<(double X, double Y)>? _convex =
        parent is Polygon { NumInteriorRings: 0 } p && p.ConvexHull().Area <= p.Area * (1 + 1e-9)
            ? p.Shell.Coordinates.SkipLast(1).Select(frame.ToLocal).ToList()
            : null;

    public IReadOnlyList<Geometry>? Pieces(PowerCells cells)
    {
        var box = Box();
        var result = new List<Geometry>(cells.Count);
        for (var k = 0; k < cells.Count; k++)
        {
            var piece = _convex is not null
                ? Polygon(cells.Clip(k, _convex))
                : Clipped(Polygon(cells.Clip(k, box)));
            if (piece is null) return null;
            result.Add(piece);
        }
        return result;
    }

    /// <summary>Most cells lie wholly inside the parent; only those crossing its edge need an overlay.</summary>
    private Geometry? Clipped(Polygon? cell) =>
        cell is null ? null
        : _prepared.Covers(cell) ? cell
        : Polygonal(OverlayNG.Overlay(cell, parent, SpatialFunction.Intersection, BoundaryGrid.Precision));

    private Polygon? Polygon(List<(double X, double Y)> ring)
    {
        if (ring.Count < 3) return null;
        var closed = ring.Select(frame.ToWorld).Append(frame.ToWorld(ring[0])).ToArray();
        var coords = CoordinateArrays.RemoveRepeatedPoints(closed);
        if (coords.Length < 4) return null;
        var polygon = parent.Factory.CreatePolygon(coords);
        return polygon.Area > 0 ? polygon : null;
    }

    /// <summary>The parent's envelope with a margin, in the local frame: what the cells are cut from.</summary>
    private List<(double X, double Y)> Box()
    {
        var env = parent.EnvelopeInternal;
        var (minX, minY) = frame.ToLocal(new Coordinate(env.MinX, env.MinY));
        var (maxX, maxY) = frame.ToLocal(new Coordinate(env.MaxX, env.MaxY));
        var m = Math.Max(maxX - minX, maxY - minY);
        return [(minX - m, minY - m), (maxX + m, minY - m), (maxX + m, maxY + m), (minX - m, maxY + m)];
    }

    private static Geometry? Polygonal(Geometry g)
    {
        var polygons = PolygonExtracter.GetPolygons(g).Cast<Polygon>().Where(p => p.Area > 0).ToArray();
        return polygons.Length switch
        {
            0 => null,
            1 => polygons[0],
            _ => g.Factory.CreateMultiPolygon(polygons),
        };
    }
}

/// <summary>
/// Degrees of longitude shrunk by cos(latitude) around the envelope's centre, so distances are nearly isotropic
/// and cells come out round rather than stretched east–west.
/// </summary>
internal sealed class LocalFrame(Envelope env)
{
    private readonly double _x0 = env.Centre.X;
    private readonly double _y0 = env.Centre.Y;

    public double Scale { get; } = Math.Cos(env.Centre.Y * Math.PI / 180);

    public (double X, double Y) ToLocal(Coordinate c) => ((c.X - _x0) * Scale, c.Y - _y0);

    public Coordinate ToWorld((double X, double Y) p) => BoundaryGrid.Snap(p.X / Scale + _x0, p.Y + _y0);
}
