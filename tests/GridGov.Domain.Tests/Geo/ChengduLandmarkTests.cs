using GridGov.Domain.Geo;

namespace GridGov.Domain.Tests.Geo;

/// <summary>
/// Known places fall in the right district once the outlines are converted from GCJ-02 to WGS-84. Each landmark is
/// at least 500 m inside its district, well beyond the outline's own error (≈ 30 m median against AMap's current
/// outline, see docs/real-outlines.md) and the GCJ-02 offset (≈ 350 m here), so a pass does not hang on the datum.
/// </summary>
public class ChengduLandmarkTests
{
    // WGS-84 longitude, latitude and where each comes from. Wikipedia coordinates are meant to be WGS-84; some cite
    // Google Maps, whose map layer in China is GCJ-02, so they may carry the ≈ 350 m offset: the 500 m margin covers it.
    public static TheoryData<string, double, double, string> Landmarks => new()
    {
        // en.wikipedia "Qingyang, Chengdu" infobox (read on a mirror, review.clateway.com), 30.6854 N 103.9929 E.
        // (天府广场, 30.6575 N 104.0658 E on ru.wikipedia via perceptiopt.com, lies within 150 m of the 锦江区/青羊区
        // line and is not used.)
        { "青羊区 (district infobox point)", 103.9929, 30.6854, "青羊区" },
        // en.wikipedia "Jinjiang, Chengdu" infobox, 30.6083 N 104.1158 E (no WGS-84 source was found for 春熙路).
        { "锦江区 (district infobox point)", 104.1158, 30.6083, "锦江区" },
        // en.wikipedia "Chengdu East railway station", 30.6311 N 104.1390 E.
        { "成都东站", 104.1390, 30.6311, "成华区" },
        // en.wikipedia "Sichuan Gymnasium station" (metro; read on a mirror, sagapedia.com), 30.6326 N 104.06111 E
        // (used for 武侯区: no WGS-84 source was found for 武侯祠).
        { "省体育馆站", 104.06111, 30.6326, "武侯区" },
        // en.wikipedia "Chengdu Shuangliu International Airport", 30.57833 N 103.94694 E.
        { "双流国际机场", 103.94694, 30.57833, "双流区" },
        // Wikipedia "Dujiangyan Irrigation System" (the World Heritage site's point; read on mirrors, piglix.com and
        // hmong.in.th), 31.00167 N 103.60528 E.
        { "都江堰水利工程", 103.60528, 31.00167, "都江堰市" },
        // Wikipedia "Longquanyi, Chengdu" infobox (read on a mirror, hmong.in.th), 30.5900 N 104.3066 E.
        { "龙泉驿区 (district infobox point)", 104.3066, 30.5900, "龙泉驿区" },
        // en.wikipedia "Pidu, Chengdu" infobox, 30.805 N 103.881 E.
        { "郫都区 (district infobox point)", 103.881, 30.805, "郫都区" },
        // 成都欢乐谷: AMap's GCJ-02 position 104.034720, 30.721467 (as geocoded to "四川省成都市金牛区西华街道成都
        // 欢乐谷" in an AMap demo in a public repository), converted here. 成都站 (30.69917 N 104.07083 E, en.wikipedia "Chengdu
        // railway station") is in 金牛区 too, but only ≈ 110 m from its edge, so it is not used.
        { "成都欢乐谷", 104.032297, 30.723927, "金牛区" },
        // en.wikipedia "Wenjiang District" infobox (read on mirrors, wikiclassic.com and nzt.eth.link),
        // 30.6854 N 103.8325 E.
        { "温江区 (district infobox point)", 103.8325, 30.6854, "温江区" },
    };

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
