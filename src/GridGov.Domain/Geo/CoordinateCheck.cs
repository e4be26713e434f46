namespace GridGov.Domain.Geo;

/// <summary>Why a submitted point cannot be used, with a hint the submitter can act on.</summary>
public sealed record CoordinateProblem(string Field, string Message, string Hint);

/// <summary>
/// Catches the usual input mistakes before a point reaches the grid index: non-numbers, out-of-range
/// values and, most often in practice, lon/lat given in the wrong order.
/// </summary>
public static class CoordinateCheck
{
    private const string ExpectHint = "GridGov serves points in China and expects WGS-84 lon/lat in decimal degrees, longitude first.";

    public static CoordinateProblem? Check(double lon, double lat)
    {
        if (!double.IsFinite(lon))
            return new("lon", "Longitude is not a finite number.", ExpectHint);
        if (!double.IsFinite(lat))
            return new("lat", "Latitude is not a finite number.", ExpectHint);

        // Swapped Chinese points usually have lat > 90, so the swap hint matters for range errors too.
        var hint = SwapHint(lon, lat) ?? ExpectHint;
        if (lon is < -180 or > 180)
            return new("lon", Invariant($"Longitude {lon} is outside [-180, 180]."), hint);
        if (lat is < -90 or > 90)
            return new("lat", Invariant($"Latitude {lat} is outside [-90, 90]."), hint);
        if (ChinaCoordinates.IsOutsideChina(lon, lat))
            return new("lon,lat", Invariant($"Point lon={lon}, lat={lat} is outside China's service area."), hint);
        return null;
    }

    private static string? SwapHint(double lon, double lat) =>
        ChinaCoordinates.IsOutsideChina(lat, lon)
            ? null
            : Invariant($"Longitude and latitude look swapped: did you mean lon={lat}, lat={lon}?");

    private static string Invariant(FormattableString s) => FormattableString.Invariant(s);
}
