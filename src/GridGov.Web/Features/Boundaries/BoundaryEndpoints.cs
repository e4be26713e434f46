using System.Text.Json;
using GridGov.Data;
using GridGov.Data.Seeding;
using GridGov.Domain.Areas;
using GridGov.Domain.Boundaries;
using GridGov.Domain.Security;
using GridGov.Web.Hosting;
using GridGov.Web.Hosting.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Boundaries;

/// <summary>GeoJSON import (all-or-nothing, every problem listed) and streamed export by area and kind.</summary>
public static class BoundaryEndpoints
{
    public static void MapBoundaries(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/boundaries").WithTags("Boundaries");
        g.MapPost("/import", Import).RequirePermission(Permission.BoundariesImport).WithSummary("Import a GeoJSON FeatureCollection (properties: code, name, kind, parent)")
            .Accepts<object>("application/geo+json", "application/json");
        g.MapGet("/export", Export).RequirePermission(Permission.AreasRead).WithSummary("Export boundaries inside an area as a GeoJSON FeatureCollection");
    }

    private static async Task<IResult> Import(HttpContext http, BoundaryImporter importer, GridGovOptions options, Caller caller, AuditWriter audit, CancellationToken ct)
    {
        var limit = options.MaxBoundaryUploadMegabytes * 1024L * 1024;
        if (http.Request.ContentLength > limit) return Problems.TooLarge(limit);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
            sizeFeature.MaxRequestBodySize = limit;

        using var body = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await http.Request.Body.ReadAsync(buffer, ct)) > 0)
        {
            if (body.Length + read > limit) return Problems.TooLarge(limit); // chunked uploads without a length
            body.Write(buffer, 0, read);
        }
        if (body.Length == 0) return Problems.Invalid("body", "Send a GeoJSON FeatureCollection as the request body.");

        var outcome = await importer.ImportAsync(body.GetBuffer().AsMemory(0, (int)body.Length), "http", caller.Name,
            code => caller.Covers(Permission.BoundariesImport, code), ct);
        if (outcome.Ok)
        {
            await audit.RecordAsync("import", "Boundaries", null, caller.Areas(Permission.BoundariesImport).FirstOrDefault(),
                $"{outcome.Inserted} inserted, {outcome.Updated} updated", null, ct);
            return Results.Ok(new { inserted = outcome.Inserted, updated = outcome.Updated });
        }
        return Results.Problem(
            statusCode: 400,
            title: "The GeoJSON was not imported",
            detail: $"{outcome.Problems.Count} problem(s); nothing was changed.",
            extensions: new Dictionary<string, object?>
            {
                ["problems"] = outcome.Problems.Select(p => new { feature = p.FeatureIndex, code = p.Code, reason = p.Reason }).ToList(),
            });
    }

    private static async Task<IResult> Export(HttpContext http, GridGovDb db, GridGovOptions options, Caller caller, CancellationToken ct,
        string? area = null, string? kind = null)
    {
        area ??= caller.Areas(Permission.AreasRead).Count == 1 ? caller.Areas(Permission.AreasRead)[0] : options.City;
        if (!AreaCode.IsWellFormed(area)) return Problems.Invalid("area", "An area code is 4, 6, 9, 12, 14 or 16 digits.");
        var kinds = new List<AreaKind>();
        foreach (var k in (kind ?? "district,street,community,grid,micro,dedicated").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!AreaKinds.TryParseWire(k, out var parsed) || parsed == AreaKind.City)
                return Problems.Invalid("kind", $"'{k}' is not one of district, street, community, grid, micro, dedicated.");
            kinds.Add(parsed);
        }
        var visible = caller.Within(Permission.AreasRead, area);
        if (visible.Count == 0 || !await db.Areas.AnyAsync(a => a.Code == area, ct)) return Problems.NotFound($"No area with code {area} in your scope.");

        http.Response.ContentType = "application/geo+json";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"boundaries-{area}.geojson\"";
        await using var w = new Utf8JsonWriter(http.Response.BodyWriter);
        GeoJsonBoundaryWriter.WriteStart(w);
        var rows = db.Areas.AsNoTracking().WithinAny(a => a.Code, visible).Where(a => kinds.Contains(a.Kind) && a.Boundary != null)
            .OrderBy(a => a.Code).AsAsyncEnumerable();
        var n = 0;
        await foreach (var a in rows.WithCancellation(ct))
        {
            GeoJsonBoundaryWriter.WriteFeature(w, AreaRows.ToDraft(a));
            if (++n % 500 == 0) await w.FlushAsync(ct);
        }
        GeoJsonBoundaryWriter.WriteEnd(w);
        await w.FlushAsync(ct);
        return Results.Empty;
    }
}
