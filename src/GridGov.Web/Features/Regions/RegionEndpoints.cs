using GridGov.Data;
using GridGov.Domain.Areas;
using GridGov.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Regions;

/// <summary>The area tree: the city, then any area with its direct children.</summary>
public static class RegionEndpoints
{
    public static void MapRegions(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/regions").WithTags("Regions");
        g.MapGet("/", async (GridGovDb db, GridGovOptions options, CancellationToken ct) =>
            await WithChildren(db, options.City, ct) ?? Problems.NotFound($"City {options.City} is not loaded."))
            .WithSummary("The city and its districts");
        g.MapGet("/{code}", async (string code, GridGovDb db, CancellationToken ct) =>
            !AreaCode.IsWellFormed(code)
                ? Problems.Invalid("code", "An area code is 4, 6, 9, 12, 14 or 16 digits.")
                : await WithChildren(db, code, ct) ?? Problems.NotFound($"No area with code {code}."))
            .WithSummary("One area and its direct children (streets of a district, grids of a community…)");
    }

    private static async Task<IResult?> WithChildren(GridGovDb db, string code, CancellationToken ct)
    {
        var area = await db.Areas.AsNoTracking().FirstOrDefaultAsync(a => a.Code == code, ct);
        if (area is null) return null;
        var children = await db.Areas.AsNoTracking().Where(a => a.ParentCode == code)
            .OrderBy(a => a.Code).ToListAsync(ct);
        return Results.Ok(new AreaWithChildren(AreaDto.From(area), children.Select(AreaDto.From).ToList()));
    }
}
