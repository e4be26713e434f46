using System.Text.Json;
using GridGov.Data;
using GridGov.Data.Seeding;
using GridGov.Domain.Areas;
using GridGov.Domain.Boundaries;
using GridGov.Web.Features.Regions;
using GridGov.Domain.Security;
using GridGov.Web.Hosting;
using GridGov.Web.Hosting.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Grids;

public sealed record GridPage(IReadOnlyList<AreaDto> Items, string? NextCursor);

/// <summary>Grids by area with keyset paging (the cursor is the last code seen), one grid, its boundary.</summary>
public static class GridEndpoints
{
    public const int MaxPageSize = 500;

    public static void MapGrids(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/grids").WithTags("Grids").RequirePermission(Permission.AreasRead);
        g.MapGet("/", List).WithSummary("Grids inside an area, in code order, paged by cursor");
        g.MapGet("/{code}", One).WithSummary("One grid");
        app.MapGet("/api/areas/{code}/boundary", Boundary).WithTags("Regions").RequirePermission(Permission.AreasRead)
            .WithSummary("An area's boundary as a GeoJSON Feature");
    }

    private static async Task<IResult> List(
        GridGovDb db, GridGovOptions options, Caller caller, CancellationToken ct,
        string? area = null, string? kind = null, string? cursor = null, int? limit = null)
    {
        var errors = new Dictionary<string, string[]>();
        area ??= caller.Areas(Permission.AreasRead).Count == 1 ? caller.Areas(Permission.AreasRead)[0] : options.City;
        if (!AreaCode.IsWellFormed(area)) errors["area"] = ["An area code is 4, 6, 9, 12, 14 or 16 digits."];
        var kinds = new List<AreaKind>();
        foreach (var k in (kind ?? "grid,micro,dedicated").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (AreaKinds.TryParseWire(k, out var parsed) && parsed.IsGrid()) kinds.Add(parsed);
            else errors["kind"] = [$"'{k}' is not a grid kind: use grid, micro or dedicated (comma-separated)."];
        }
        if (cursor is not null && !AreaCode.IsWellFormed(cursor)) errors["cursor"] = ["The cursor is the nextCursor of the previous page."];
        var size = limit ?? 100;
        if (size is < 1 or > MaxPageSize) errors["limit"] = [$"limit must be between 1 and {MaxPageSize}."];
        if (errors.Count > 0) return Problems.Invalid(errors);
        // The part of the area the caller may see: the area itself, or their own areas inside it.
        var visible = caller.Within(Permission.AreasRead, area!);
        if (visible.Count == 0 || !await db.Areas.AnyAsync(a => a.Code == area, ct))
            return Problems.NotFound($"No area with code {area} in your scope.");

        var after = cursor is not null && string.CompareOrdinal(cursor, area) > 0 ? cursor : "";
        var rows = await db.Areas.AsNoTracking().WithinAny(a => a.Code, visible)
            .Where(a => string.Compare(a.Code, after) > 0 && kinds.Contains(a.Kind))
            .OrderBy(a => a.Code).Take(size + 1).ToListAsync(ct);
        var page = rows.Take(size).Select(AreaDto.From).ToList();
        return Results.Ok(new GridPage(page, rows.Count > size ? page[^1].Code : null));
    }

    private static async Task<IResult> One(string code, GridGovDb db, Caller caller, CancellationToken ct)
    {
        var kind = AreaCode.KindOf(code);
        if (kind is null || !kind.Value.IsGrid())
            return Problems.Invalid("code", "A grid code is 14 digits (general or dedicated grid) or 16 digits (micro-grid).");
        var grid = caller.Covers(Permission.AreasRead, code) ? await db.Areas.AsNoTracking().FirstOrDefaultAsync(a => a.Code == code, ct) : null;
        return grid is null ? Problems.NotFound($"No grid with code {code}.") : Results.Ok(AreaDto.From(grid));
    }

    private static async Task<IResult> Boundary(string code, GridGovDb db, Caller caller, CancellationToken ct)
    {
        if (!AreaCode.IsWellFormed(code)) return Problems.Invalid("code", "An area code is 4, 6, 9, 12, 14 or 16 digits.");
        // Outlines of the areas above yours are shown as map context; siblings' are not.
        var area = caller.CanNavigate(Permission.AreasRead, code) ? await db.Areas.AsNoTracking().FirstOrDefaultAsync(a => a.Code == code, ct) : null;
        if (area is null) return Problems.NotFound($"No area with code {code}.");
        if (area.Boundary is null) return Problems.NotFound($"Area {code} has no boundary yet.");
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        await using (var w = new Utf8JsonWriter(buffer))
            GeoJsonBoundaryWriter.WriteFeature(w, AreaRows.ToDraft(area));
        return Results.Bytes(buffer.WrittenMemory.ToArray(), "application/geo+json");
    }
}
