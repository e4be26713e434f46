namespace GridGov.Domain.Geo;

/// <summary>Small spherical helpers; accurate to well under 1% at city scale, which is all routing needs.</summary>
public static class GeoMath
{
    public const double EarthRadiusMeters = 6_371_008.8;
    /// <summary>Metres per degree of latitude on the same sphere as <see cref="HaversineMeters"/>, so boxes and distances agree.</summary>
    public const double MetersPerDegreeLat = EarthRadiusMeters * Math.PI / 180.0;

    public static double HaversineMeters(double lon1, double lat1, double lon2, double lat2)
    {
        static double Rad(double d) => d * Math.PI / 180.0;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
              + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>Degrees of longitude spanning <paramref name="meters"/> at latitude <paramref name="lat"/>.</summary>
    public static double MetersToLonDegrees(double meters, double lat) =>
        meters / (MetersPerDegreeLat * Math.Max(0.01, Math.Cos(lat * Math.PI / 180.0)));

    public static double MetersToLatDegrees(double meters) => meters / MetersPerDegreeLat;

    /// <summary>Height of a latitude row in degrees (≈ 111 m): the index key that makes a small box a few tight scans.</summary>
    public const double LatRowDegrees = 0.001;

    /// <summary>
    /// The latitude row holding <paramref name="lat"/>: floor(lat / 0.001), exactly as the database computes the
    /// stored column <c>lat_row</c> (IEEE division and floor agree), so a box's rows are LatRow(min)…LatRow(max).
    /// </summary>
    public static int LatRow(double lat) => (int)Math.Floor(lat / LatRowDegrees);

    /// <summary>The latitude rows a box from <paramref name="minLat"/> to <paramref name="maxLat"/> touches (monotonic: none is missed).</summary>
    public static int[] LatRows(double minLat, double maxLat)
    {
        var (first, last) = (LatRow(minLat), LatRow(maxLat));
        var rows = new int[last - first + 1];
        for (var i = 0; i < rows.Length; i++) rows[i] = first + i;
        return rows;
    }

    /// <summary>Approximate area in square metres of a lon/lat polygon area (local equirectangular scale).</summary>
    public static double DegreeAreaToSquareMeters(double degreeArea, double lat) =>
        degreeArea * MetersPerDegreeLat * MetersPerDegreeLat * Math.Cos(lat * Math.PI / 180.0);
}
