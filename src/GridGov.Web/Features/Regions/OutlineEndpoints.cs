using System.Globalization;
using System.Text.Json;
using GridGov.Domain.Boundaries;
using GridGov.Web.Hosting;
using GridGov.Web.Hosting.Security;

namespace GridGov.Web.Features.Regions;

/// <summary>The base map's outlines for a box and a level, as GeoJSON: every map draws the city from our own data.</summary>
public static class OutlineEndpoints
{
    public const int MaxFeatures = 2000;

    public const int MaxPlaces = 10;

    public static void MapOutlines(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/map/outlines", Outlines).WithTags("Regions").AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Public)
            .WithSummary("Outlines with names of one level (district, street, community: public; grid, micro_grid: signed in) inside bbox=minLon,minLat,maxLon,maxLat");
        app.MapGet("/api/map/places", Places).WithTags("Regions").AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Public)
            .WithSummary("Places by name (q, at least 2 characters): communities, streets and districts for everyone, grids for signed-in staff; each with a point to pin");
    }

    /// <summary>A place found by name, with a point inside it to put a pin on.</summary>
    public sealed record Place(string Code, string Name, string Level, double Lon, double Lat);

    private static async Task<IResult> Places(HttpContext http, OutlineCache cache, CancellationToken ct, string? q = null)
    {
        var text = q?.Trim() ?? "";
        if (text.Length is < 2 or > 40) return Problems.Invalid("q", "q is 2 to 40 characters of a place name (e.g. 水井坊).");
        var signedIn = http.User.Identity?.IsAuthenticated == true;
        var found = new List<Place>();
        // Smaller places first: a worker looking for "第1网格" means the grid, not the district.
        foreach (var level in new[] { OutlineLevel.MicroGrid, OutlineLevel.Grid, OutlineLevel.Community, OutlineLevel.Street, OutlineLevel.District })
        {
            if (!OutlineLevels.IsPublic(level) && !signedIn) continue;
            foreach (var o in await cache.LevelAsync(level, ct))
            {
                if (found.Count >= MaxPlaces) break;
                if (o.Name.Contains(text, StringComparison.Ordinal))
                    found.Add(new Place(o.Code, o.Name, level.ToString(), Math.Round(o.LabelLon, 6), Math.Round(o.LabelLat, 6)));
            }
        }
        // Exact and prefix matches first, then by length (the most specific name).
        return Results.Ok(found.OrderBy(p => p.Name == text ? 0 : p.Name.StartsWith(text, StringComparison.Ordinal) ? 1 : 2).ThenBy(p => p.Name.Length).ToList());
    }

    private static async Task<IResult> Outlines(HttpContext http, OutlineCache cache, CancellationToken ct, string? bbox = null, string? level = null)
    {
        var errors = new Dictionary<string, string[]>();
        var lvl = OutlineLevels.Parse(level);
        if (lvl is null) errors["level"] = ["level is district, street, community, grid or micro_grid."];
        var box = ParseBox(bbox);
        if (box is null) errors["bbox"] = ["bbox is minLon,minLat,maxLon,maxLat (WGS-84), at most 2 degrees wide."];
        if (errors.Count > 0) return Problems.Invalid(errors);
        if (!OutlineLevels.IsPublic(lvl!.Value) && http.User.Identity?.IsAuthenticated != true)
            return Results.Problem(statusCode: 401, title: "Sign in", detail: "Grid outlines are shown to signed-in staff.");
        var (minLon, minLat, maxLon, maxLat) = box!.Value;
        var env = new NetTopologySuite.Geometries.Envelope(minLon, maxLon, minLat, maxLat);
        var hits = (await cache.LevelAsync(lvl.Value, ct)).Where(o => o.Envelope.Intersects(env)).Take(MaxFeatures + 1).ToList();
        return Results.Stream(async body =>
        {
            await using var w = new Utf8JsonWriter(body);
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteBoolean("truncated", hits.Count > MaxFeatures);
            w.WriteStartArray("features");
            foreach (var o in hits.Take(MaxFeatures))
            {
                w.WriteStartObject();
                w.WriteString("type", "Feature");
                w.WriteStartObject("properties");
                w.WriteString("code", o.Code);
                w.WriteString("name", o.Name);
                w.WriteString("level", level);
                w.WriteBoolean("synthetic", o.Synthetic);
                w.WriteNumber("labelLon", Math.Round(o.LabelLon, 6));
                w.WriteNumber("labelLat", Math.Round(o.LabelLat, 6));
                w.WriteEndObject();
                w.WritePropertyName("geometry");
                GeoJsonBoundaryWriter.WriteGeometry(w, o.Shape);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            await w.FlushAsync(ct);
        }, "application/geo+json");
    }

    private static (double, double, double, double)? ParseBox(string? bbox)
    {
        var parts = bbox?.Split(',');
        if (parts is not { Length: 4 }) return null;
        var v = new double[4];
        for (var i = 0; i < 4; i++)
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out v[i]) || !double.IsFinite(v[i])) return null;
        if (v[0] >= v[2] || v[1] >= v[3] || v[2] - v[0] > 2 || v[3] - v[1] > 2 || v[1] < -90 || v[3] > 90) return null;
        return (v[0], v[1], v[2], v[3]);
    }
}
