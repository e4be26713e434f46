namespace GridGov.Domain.Geo;

/// <summary>
/// WGS-84 ⇄ GCJ-02 ("Mars coordinates"), the offset datum Chinese web maps (Amap, Tencent, Google .cn) use.
/// This is the widely published reverse-engineered transform (Krasovsky 1940 ellipsoid); it is not an official algorithm.
/// The constants and series are those of googollee/eviltransform (transform.go) and wandergis/coordtransform, whose
/// published pairs the tests check against.
/// </summary>
public static class ChinaCoordinates
{
    private const double A = 6378245.0;
    private const double Ee = 0.00669342162296594323;
    private const double InverseTolerance = 1e-7;
    private const int MaxIterations = 30;

    /// <summary>The rough rectangle the published transform uses; outside it the offset is not applied.</summary>
    public static bool IsOutsideChina(double lon, double lat) =>
        lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;

    public static (double Lon, double Lat) Wgs84ToGcj02(double lon, double lat)
    {
        if (IsOutsideChina(lon, lat)) return (lon, lat);
        var (dLon, dLat) = Delta(lon, lat);
        return (lon + dLon, lat + dLat);
    }

    /// <summary>
    /// There is no closed-form inverse; the offset varies slowly, so fixed-point iteration converges in
    /// 2-3 steps to far below a centimetre (the common one-step version is only good to a few metres).
    /// </summary>
    public static (double Lon, double Lat) Gcj02ToWgs84(double lon, double lat)
    {
        if (IsOutsideChina(lon, lat)) return (lon, lat);
        double wLon = lon, wLat = lat;
        for (var i = 0; i < MaxIterations; i++)
        {
            var (dLon, dLat) = Delta(wLon, wLat);
            double errLon = wLon + dLon - lon, errLat = wLat + dLat - lat;
            wLon -= errLon;
            wLat -= errLat;
            // The correction is applied before stopping, so the final error is well under the tolerance.
            if (Math.Abs(errLon) < InverseTolerance && Math.Abs(errLat) < InverseTolerance) break;
        }
        return (wLon, wLat);
    }

    private static (double DLon, double DLat) Delta(double lon, double lat)
    {
        double x = lon - 105.0, y = lat - 35.0;
        var radLat = lat / 180.0 * Math.PI;
        var magic = 1 - Ee * Math.Sin(radLat) * Math.Sin(radLat);
        var sqrtMagic = Math.Sqrt(magic);
        var dLat = TransformLat(x, y) * 180.0 / (A * (1 - Ee) / (magic * sqrtMagic) * Math.PI);
        var dLon = TransformLon(x, y) * 180.0 / (A / sqrtMagic * Math.Cos(radLat) * Math.PI);
        return (dLon, dLat);
    }

    private static double TransformLat(double x, double y)
    {
        var ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.Sqrt(Math.Abs(x));
        ret += (20.0 * Math.Sin(6.0 * x * Math.PI) + 20.0 * Math.Sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.Sin(y * Math.PI) + 40.0 * Math.Sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (160.0 * Math.Sin(y / 12.0 * Math.PI) + 320.0 * Math.Sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return ret;
    }

    private static double TransformLon(double x, double y)
    {
        var ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.Sqrt(Math.Abs(x));
        ret += (20.0 * Math.Sin(6.0 * x * Math.PI) + 20.0 * Math.Sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.Sin(x * Math.PI) + 40.0 * Math.Sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (150.0 * Math.Sin(x / 12.0 * Math.PI) + 300.0 * Math.Sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return ret;
    }
}
