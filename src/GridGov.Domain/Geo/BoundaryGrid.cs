using NetTopologySuite.Geometries;
using NetTopologySuite.Precision;

namespace GridGov.Domain.Geo;

/// <summary>
/// The grid generated and converted boundaries are snapped to: 1e-9° (about 0.1 mm). Neighbours cut from the same
/// parent then share their edges vertex for vertex, instead of differing in the last bits of a double, which is what
/// trips overlay operations (TopologyException) and leaves hairline gaps.
/// </summary>
public static class BoundaryGrid
{
    public static readonly PrecisionModel Precision = new(1e9);

    public static Geometry Snap(Geometry g) => GeometryPrecisionReducer.Reduce(g, Precision);

    public static Coordinate Snap(double x, double y) => new(Precision.MakePrecise(x), Precision.MakePrecise(y));
}
