using NetTopologySuite.Geometries;

namespace GridGov.Domain.Geo;

/// <summary>Longitude and latitude in degrees, in the source's datum (convert with <see cref="EChartsFeature.Map"/>).</summary>
public readonly record struct LonLat(double Lon, double Lat);

/// <summary>
/// One region of an ECharts map file: its name, its id (ECharts files carry the division code there; DataV-style
/// files put it in <c>properties.adcode</c>) and its polygons. Each polygon is a list of rings, the first the outer
/// ring and any others holes, as in GeoJSON; a GeoJSON Polygon gives one polygon, a MultiPolygon several.
/// </summary>
public sealed record EChartsFeature(string Name, string? Id, IReadOnlyList<IReadOnlyList<LonLat[]>> Polygons)
{
    /// <summary>The same feature with every position passed through <paramref name="convert"/> (e.g. GCJ-02 → WGS-84).</summary>
    public EChartsFeature Map(Func<LonLat, LonLat> convert) =>
        this with
        {
            Polygons = Polygons
                .Select(p => (IReadOnlyList<LonLat[]>)p.Select(r => Array.ConvertAll(r, c => convert(c))).ToList())
                .ToList(),
        };

    /// <summary>A Polygon for one part, otherwise a MultiPolygon; rings must be closed (the decoder checks this).</summary>
    public Geometry ToGeometry(GeometryFactory factory)
    {
        var polygons = Polygons.Select(p => factory.CreatePolygon(
            Ring(p[0]), p.Skip(1).Select(Ring).ToArray())).ToArray();
        return polygons.Length == 1 ? polygons[0] : factory.CreateMultiPolygon(polygons);

        LinearRing Ring(LonLat[] ring) => factory.CreateLinearRing(Array.ConvertAll(ring, c => new Coordinate(c.Lon, c.Lat)));
    }
}
