using GridGov.Data;
using GridGov.Data.Seeding;
using GridGov.Domain.Areas;
using GridGov.Domain.Boundaries;
using GridGov.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Residents;

/// <summary>Anonymous, rate-limited reads of what may be published: one case's public timeline, and the public map.</summary>
public static class PublicEndpoints
{
    public static void MapPublicCases(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/public").WithTags("Public").AllowAnonymous().RequireRateLimiting(ResidentEndpoints.PublicRateLimit);
        g.MapGet("/cases/{trackingNo}", async (string trackingNo, PublicCases cases, CancellationToken ct) =>
        {
            var found = trackingNo.Length <= 40 ? await cases.FindAsync(trackingNo, ct) : null;
            return found is null ? Problems.NotFound($"没有编号为 {Short(trackingNo)} 的公开诉求 (no public case with this number)") : Results.Ok(found);
        }).WithSummary("The public timeline of a case by its tracking number (public categories only, no personal data)");
        g.MapGet("/cases", async (string? bbox, string? service, string? status, int? days, int? limit,
            PublicMapQuery query, GridGovOptions options, CancellationToken ct) =>
        {
            var (filter, errors) = PublicMapQuery.Parse(bbox, service, status, days, limit, options.City);
            if (filter is null) return Problems.Invalid(errors);
            var (items, truncated) = await query.RunAsync(filter, ct);
            return Results.Json(PublicMapQuery.ToGeoJson(items, truncated), contentType: "application/geo+json");
        }).WithSummary("GeoJSON of open and recently closed public cases for the public map (bbox, service, status, days, limit)");
        g.MapGet("/districts", DistrictsAsync).WithSummary("The city's district outlines (GeoJSON), for the public map");
    }

    /// <summary>The city's district outlines (public geography), so the public map has context without map tiles.</summary>
    private static async Task DistrictsAsync(HttpContext http, GridGovDb db, GridGovOptions options, CancellationToken ct)
    {
        var rows = await db.Areas.AsNoTracking().Where(a => a.ParentCode == options.City && a.Kind == AreaKind.District)
            .OrderBy(a => a.Code).Select(a => new { a.Code, a.Name, a.Boundary }).ToListAsync(ct);
        http.Response.ContentType = "application/geo+json";
        http.Response.Headers.CacheControl = "public, max-age=3600";
        await using var w = new System.Text.Json.Utf8JsonWriter(http.Response.Body);
        GeoJsonBoundaryWriter.WriteStart(w);
        foreach (var r in rows)
        {
            if (AreaRows.Shape(r.Boundary) is not { IsEmpty: false } shape) continue;
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WriteStartObject("properties");
            w.WriteString("code", r.Code);
            w.WriteString("name", r.Name);
            w.WriteEndObject();
            w.WritePropertyName("geometry");
            GeoJsonBoundaryWriter.WriteGeometry(w, shape);
            w.WriteEndObject();
        }
        GeoJsonBoundaryWriter.WriteEnd(w);
        await w.FlushAsync(ct);
    }

    private static string Short(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
