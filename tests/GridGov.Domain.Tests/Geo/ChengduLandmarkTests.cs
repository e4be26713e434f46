using GridGov.Domain.Geo;

namespace GridGov.Domain.Tests.Geo;

/// <summary>
/// Known places fall in the right district once the outlines are converted from GCJ-02 to WGS-84. Each landmark is
/// at least 500 m inside its district, well beyond the outline's own error (≈ 30 m median against AMap's current
/// outline, see docs/real-outlines.md) and the GCJ-02 offset (≈ 350 m here), so a pass does not hang on the datum.
/// </summary>
public class ChengduLandmarkTests
{
    public static TheoryData<string, double, double, string> Landmarks
    {
        get
        {
            var data = new TheoryData<string, double, double, string>();
            foreach (var (name, lon, lat, district) in ChengduLandmarks.All) data.Add(name, lon, lat, district);
            return data;
        }
    }

    private static readonly Lazy<List<(string Name, PolygonRings Rings)>> Districts = new(() =>
        ChengduOutlines.Wgs84.Select(f => (f.Name, new PolygonRings(f.ToGeometry(TestCity.Factory)))).ToList());

    [Theory]
    [MemberData(nameof(Landmarks))]
    public void A_landmark_lies_in_its_district_and_no_other(string landmark, double lon, double lat, string district)
    {
        var hits = Districts.Value.Where(d => d.Rings.Contains(lon, lat)).Select(d => d.Name);

        Assert.Equal([district], hits);
        var rings = Districts.Value.Single(d => d.Name == district).Rings;
        Assert.False(rings.IsOnBoundary(lon, lat, GeoMath.MetersToLatDegrees(500)), $"{landmark} is within 500 m of the edge");
    }

    [Fact]
    public void The_converted_huanlegu_position_is_the_amap_one_converted()
    {
        var (lon, lat) = ChinaCoordinates.Gcj02ToWgs84(104.034720, 30.721467);

        Assert.Equal(104.032297, lon, 6);
        Assert.Equal(30.723927, lat, 6);
    }

    [Fact]
    public void Every_outline_position_survives_the_round_trip_to_wgs84_within_half_a_metre()
    {
        var worst = 0.0;
        foreach (var (raw, wgs) in ChengduOutlines.Raw.Zip(ChengduOutlines.Wgs84))
            foreach (var (a, b) in raw.Polygons.SelectMany(p => p).SelectMany(r => r)
                         .Zip(wgs.Polygons.SelectMany(p => p).SelectMany(r => r)))
            {
                var (lon, lat) = ChinaCoordinates.Wgs84ToGcj02(b.Lon, b.Lat);
                worst = Math.Max(worst, GeoMath.HaversineMeters(a.Lon, a.Lat, lon, lat));
            }

        Assert.InRange(worst, 0, 0.5);
    }
}
