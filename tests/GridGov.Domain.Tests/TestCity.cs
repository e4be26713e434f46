using System.Text.Json;
using GridGov.Domain.Areas;
using GridGov.Domain.Boundaries;
using GridGov.Domain.Demo;
using GridGov.Domain.Geo;
using NetTopologySuite.Geometries;

namespace GridGov.Domain.Tests;

/// <summary>
/// Shared test data: the real Chengdu division list and outlines, and the demo city generated for one district of it
/// (锦江区 510104: its real outline, 11 streets, 76 communities) at a small custom scale. Generated once; treat it as
/// read-only.
/// </summary>
internal static class TestCity
{
    public const string CityCode = "5101";
    public const string DistrictCode = "510104";
    public const int Seed = 5101;

    /// <summary>120 general grids, 480 micro-grids, 40 dedicated grids over the slice's 76 communities.</summary>
    public static readonly CityScale Scale = new("test", 120, 480, 40);

    public static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    private static readonly Lazy<string> RootLazy = new(FindRepoRoot);
    private static readonly Lazy<IReadOnlyList<Division>> ChengduLazy = new(ReadChengdu);
    private static readonly Lazy<IReadOnlyDictionary<string, Geometry>> OutlinesLazy = new(ReadOutlines);
    private static readonly Lazy<IReadOnlyList<AreaDraft>> AreasLazy = new(() => Generate(Seed));
    private static readonly Lazy<IReadOnlyDictionary<string, AreaDraft>> ByCodeLazy =
        new(() => Areas.ToDictionary(a => a.Code, StringComparer.Ordinal));

    /// <summary>The folder holding GridGov.slnx, found by walking up from the test binaries.</summary>
    public static string RepoRoot => RootLazy.Value;

    public static string ChengduCsvPath => Path.Combine(RepoRoot, "data", "divisions", "5101.csv");

    /// <summary>Every division of Chengdu from data/divisions/5101.csv.</summary>
    public static IReadOnlyList<Division> Chengdu => ChengduLazy.Value;

    /// <summary>The city row plus district 510104 锦江区 with its streets and communities.</summary>
    public static IReadOnlyList<Division> JinjiangSlice() =>
        Chengdu.Where(d => d.Kind == AreaKind.City || AreaCode.IsWithin(d.Code, DistrictCode)).ToList();

    /// <summary>The real outline of each of Chengdu's districts by code (WGS-84, repaired), as the seeder reads them.</summary>
    public static IReadOnlyDictionary<string, Geometry> DistrictOutlines => OutlinesLazy.Value;

    public static IReadOnlyList<AreaDraft> Generate(int seed) =>
        DemoCity.Generate(JinjiangSlice(), DistrictOutlines, Scale, seed).ToList();

    /// <summary>The slice's synthetic areas for <see cref="Seed"/>, in generation order.</summary>
    public static IReadOnlyList<AreaDraft> Areas => AreasLazy.Value;

    public static AreaDraft ByCode(string code) => ByCodeLazy.Value[code];

    public static List<AreaDraft> OfKind(AreaKind kind) => Areas.Where(a => a.Kind == kind).ToList();

    /// <summary>A Polygon, or a MultiPolygon where a district's exclave or a bay left a cell in pieces.</summary>
    public static Geometry Shape(AreaDraft area)
    {
        var shape = area.Boundary ?? throw new InvalidOperationException($"{area.Code} has no boundary");
        Assert.True(shape is Polygon or MultiPolygon, $"{area.Code} is a {shape.GeometryType}");
        return shape;
    }

    public static GridIndex BuildIndex(IEnumerable<AreaDraft> areas, double fallbackMeters = 2000) =>
        new(CityCode, areas.Select(a => new IndexedArea(a.Code, a.Kind, a.Boundary!)), fallbackMeters);

    /// <summary>Axis-aligned rectangle in lon/lat degrees.</summary>
    public static Polygon Rect(double minLon, double minLat, double maxLon, double maxLat) =>
        (Polygon)Factory.ToGeometry(new Envelope(minLon, maxLon, minLat, maxLat));

    /// <summary>A random point strictly inside <paramref name="polygon"/> (rejection sampling in its envelope).</summary>
    public static Coordinate RandomPointInside(Geometry polygon, Random rng)
    {
        var env = polygon.EnvelopeInternal;
        for (var attempt = 0; attempt < 10_000; attempt++)
        {
            var c = new Coordinate(env.MinX + rng.NextDouble() * env.Width, env.MinY + rng.NextDouble() * env.Height);
            if (polygon.Contains(Factory.CreatePoint(c))) return c;
        }
        return polygon.InteriorPoint.Coordinate;
    }

    /// <summary>Writes areas as a FeatureCollection with the domain's own writer.</summary>
    public static byte[] ToGeoJson(IEnumerable<AreaDraft> areas)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            GeoJsonBoundaryWriter.WriteStart(w);
            foreach (var a in areas) GeoJsonBoundaryWriter.WriteFeature(w, a);
            GeoJsonBoundaryWriter.WriteEnd(w);
        }
        return stream.ToArray();
    }

    /// <summary>A BoundaryFeature as the reader would produce it, for validator tests.</summary>
    public static BoundaryFeature Feature(int index, string code, AreaKind kind, string? parent, Geometry geometry) =>
        new(index, code, $"area {code}", kind, parent, geometry, Synthetic: false, DedicatedType: null);

    /// <summary>Square metres the validator would report for an area in square degrees at a latitude.</summary>
    public static double SquareMeters(double squareDegrees, double lat) =>
        GeoMath.DegreeAreaToSquareMeters(squareDegrees, lat);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GridGov.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"GridGov.slnx not found above {AppContext.BaseDirectory}");
    }

    private static IReadOnlyDictionary<string, Geometry> ReadOutlines()
    {
        var script = File.ReadAllText(Path.Combine(RepoRoot, "data", "outlines", "5101-echarts.js"));
        var (_, outlines) = EChartsOutlines.Read(script, Factory);
        return DistrictMatch.Of(Chengdu, outlines).Matched.ToDictionary(m => m.District.Code, m => m.Outline.Shape);
    }

    private static IReadOnlyList<Division> ReadChengdu()
    {
        using var reader = File.OpenText(ChengduCsvPath);
        return DivisionCsv.Read(reader);
    }
}
