using GridGov.Domain.Geo;

namespace GridGov.Domain.Tests.Geo;

public class ChinaCoordinatesTests
{
    private const double Tolerance = 1e-6;

    // WGS-84 lon, lat, GCJ-02 lon, lat. The sources list lat first; reordered here to lon, lat.
    public static TheoryData<string, double, double, double, double> ReferencePairs => new()
    {
        // googollee/eviltransform go/transform_test.go (same table in c/test.c and csharp/EvilTransformUnitTest.cs, checked to 1e-6)
        { "Shanghai", 121.5272106, 31.1774276, 121.531541859215, 31.17530398364597 },
        { "Shenzhen", 113.912316, 22.543847, 113.9171764808363, 22.540796131694766 },
        { "Beijing", 116.377817, 39.911954, 116.38404722455657, 39.91334545536069 },
        // wandergis/coordtransform README.md, wgs84togcj02(116.404, 39.915)
        { "coordtransform README", 116.404, 39.915, 116.41024449916938, 39.91640428150164 },
        // hujiulong/gcoord test/unit/crs/WGS84.spec.ts, WGS84.to.GCJ02([123, 45]) (given to 8 decimals)
        { "gcoord WGS84 spec", 123, 45, 123.00607541, 45.00197815 },
    };

    [Theory]
    [MemberData(nameof(ReferencePairs))]
    public void Forward_matches_published_reference(string name, double wLon, double wLat, double gLon, double gLat)
    {
        var (lon, lat) = ChinaCoordinates.Wgs84ToGcj02(wLon, wLat);
        Assert.True(Math.Abs(lon - gLon) < Tolerance, $"{name} lon {lon} vs {gLon}");
        Assert.True(Math.Abs(lat - gLat) < Tolerance, $"{name} lat {lat} vs {gLat}");
    }

    // The sources' own inverses are approximate (eviltransform allows 0.5 m), so this checks the exact inverse
    // lands back on their WGS-84 input.
    [Theory]
    [MemberData(nameof(ReferencePairs))]
    public void Inverse_recovers_published_wgs84(string name, double wLon, double wLat, double gLon, double gLat)
    {
        var (lon, lat) = ChinaCoordinates.Gcj02ToWgs84(gLon, gLat);
        Assert.True(Math.Abs(lon - wLon) < Tolerance, $"{name} lon {lon} vs {wLon}");
        Assert.True(Math.Abs(lat - wLat) < Tolerance, $"{name} lat {lat} vs {wLat}");
    }

    [Fact]
    public void Inverse_matches_gcoord_reference()
    {
        // hujiulong/gcoord test/unit/crs/GCJ02.spec.ts, GCJ02.to.WGS84([123, 45]) (given to 8 decimals)
        var (lon, lat) = ChinaCoordinates.Gcj02ToWgs84(123, 45);
        Assert.Equal(122.99395597, lon, Tolerance);
        Assert.Equal(44.99804071, lat, Tolerance);
    }

    public static TheoryData<string, double, double> Cities => new()
    {
        { "Chengdu", 104.0657, 30.6595 },
        { "Beijing", 116.3975, 39.9087 },
        { "Shanghai", 121.4737, 31.2304 },
        { "Urumqi", 87.6168, 43.8256 },
        { "Harbin", 126.5350, 45.8038 },
        { "Sanya", 109.5119, 18.2528 },
    };

    [Theory]
    [MemberData(nameof(Cities))]
    public void Round_trip_is_sub_centimetre(string name, double lon, double lat)
    {
        var gcj = ChinaCoordinates.Wgs84ToGcj02(lon, lat);
        var back = ChinaCoordinates.Gcj02ToWgs84(gcj.Lon, gcj.Lat);
        Assert.True(Math.Abs(back.Lon - lon) < Tolerance && Math.Abs(back.Lat - lat) < Tolerance, name);
        Assert.True(HaversineMeters(lon, lat, back.Lon, back.Lat) < 0.01, name);

        // Also the other way: treat the city point as GCJ-02 (what Chinese map apps hand out).
        var wgs = ChinaCoordinates.Gcj02ToWgs84(lon, lat);
        var again = ChinaCoordinates.Wgs84ToGcj02(wgs.Lon, wgs.Lat);
        Assert.True(HaversineMeters(lon, lat, again.Lon, again.Lat) < 0.01, name);
    }

    [Theory]
    [InlineData(139.69, 35.69)] // Tokyo
    [InlineData(-0.1276, 51.5072)] // London
    public void Outside_china_is_unchanged(double lon, double lat)
    {
        Assert.True(ChinaCoordinates.IsOutsideChina(lon, lat));
        Assert.Equal((lon, lat), ChinaCoordinates.Wgs84ToGcj02(lon, lat));
        Assert.Equal((lon, lat), ChinaCoordinates.Gcj02ToWgs84(lon, lat));
    }

    [Fact]
    public void Chengdu_offset_is_a_few_hundred_metres()
    {
        var (lon, lat) = ChinaCoordinates.Wgs84ToGcj02(104.0657, 30.6595);
        var meters = HaversineMeters(104.0657, 30.6595, lon, lat);
        Assert.InRange(meters, 100, 1000);
    }

    private static double HaversineMeters(double lon1, double lat1, double lon2, double lat2)
    {
        const double R = 6_371_008.8;
        static double Rad(double d) => d * Math.PI / 180.0;
        var h = Math.Pow(Math.Sin(Rad(lat2 - lat1) / 2), 2)
              + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(Rad(lon2 - lon1) / 2), 2);
        return 2 * R * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
