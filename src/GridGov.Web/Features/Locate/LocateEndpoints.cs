using System.Globalization;
using GridGov.Domain.Geo;
using GridGov.Web.Hosting;

namespace GridGov.Web.Features.Locate;

/// <summary>Routes a point to its micro-grid, grid, community, street and district (and dedicated grids).</summary>
public static class LocateEndpoints
{
    public static void MapLocate(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/locate", Locate).WithTags("Routing").RequireAuthorization()
            .WithSummary("Which grid is this point in? lon/lat in WGS-84, or crs=gcj02 for Gaode/Tencent map coordinates");

    private static IResult Locate(string? lon, string? lat, string? crs, GridIndexHolder index)
    {
        if (!TryNumber(lon, out var x)) return Problems.Invalid("lon", "lon is required: a WGS-84 longitude in degrees, e.g. 104.0657.");
        if (!TryNumber(lat, out var y)) return Problems.Invalid("lat", "lat is required: a WGS-84 latitude in degrees, e.g. 30.6595.");
        var system = (crs ?? "wgs84").ToLowerInvariant();
        if (system is not ("wgs84" or "gcj02"))
            return Problems.Invalid("crs", "crs is wgs84 (GPS, the default) or gcj02 (Gaode/Tencent maps).");
        if (CoordinateCheck.Check(x, y) is { } problem)
            return Problems.Invalid(problem.Field, $"{problem.Message} {problem.Hint}");
        if (system == "gcj02") (x, y) = ChinaCoordinates.Gcj02ToWgs84(x, y);
        return Results.Ok(index.Current.Locate(x, y));
    }

    private static bool TryNumber(string? text, out double value)
    {
        value = double.NaN;
        if (string.IsNullOrWhiteSpace(text)) return false;
        // NaN/Infinity parse as numbers and are then refused by CoordinateCheck with a clearer message.
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
