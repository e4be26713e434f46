using GridGov.Domain.Geo;

namespace GridGov.Domain.Tests.Geo;

/// <summary>The committed Chengdu district outlines (data/outlines/5101-echarts.js), decoded once; read-only.</summary>
internal static class ChengduOutlines
{
    public static string FilePath => Path.Combine(TestCity.RepoRoot, "data", "outlines", "5101-echarts.js");

    private static readonly Lazy<(string? Name, IReadOnlyList<EChartsFeature> Features)> RawLazy = new(() =>
    {
        var (name, json) = EChartsMapScript.Extract(File.ReadAllText(FilePath));
        return (name, EChartsGeoDecoder.Decode(json, cellCentres: true));
    });

    private static readonly Lazy<IReadOnlyList<EChartsFeature>> Wgs84Lazy = new(() =>
        Raw.Select(f => f.Map(p =>
        {
            var (lon, lat) = ChinaCoordinates.Gcj02ToWgs84(p.Lon, p.Lat);
            return new LonLat(lon, lat);
        })).ToList());

    public static string? MapName => RawLazy.Value.Name;

    /// <summary>As stored: GCJ-02 (see docs/real-outlines.md), at the centres of ECharts' quantization cells.</summary>
    public static IReadOnlyList<EChartsFeature> Raw => RawLazy.Value.Features;

    /// <summary>Converted to WGS-84, the datum GridGov stores.</summary>
    public static IReadOnlyList<EChartsFeature> Wgs84 => Wgs84Lazy.Value;
}
