using GridGov.Data;
using GridGov.Domain.Areas;
using GridGov.Domain.Security;
using GridGov.Web.Hosting;
using GridGov.Web.Hosting.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Regions;

/// <summary>The area tree: the city, then any area with its direct children.</summary>
public static class RegionEndpoints
{
    public static void MapRegions(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/regions").WithTags("Regions").RequirePermission(Permission.AreasRead);
        g.MapGet("/", Root).WithSummary("The city with the caller's top areas (the districts, for city-wide roles)");
        g.MapGet("/{code}", (string code, GridGovDb db, Caller caller, CancellationToken ct) =>
            !AreaCode.IsWellFormed(code)
                ? Task.FromResult(Problems.Invalid("code", "An area code is 4, 6, 9, 12, 14 or 16 digits."))
                : WithChildren(db, caller, code, ct))
            .WithSummary("One area of yours (or on the way down to yours) and its direct children you may see");
    }

    private static async Task<IResult> Root(GridGovDb db, GridGovOptions options, Caller caller, CancellationToken ct)
    {
        if (caller.Covers(Permission.AreasRead, options.City)) return await WithChildren(db, caller, options.City, ct);
        var city = await db.Areas.AsNoTracking().FirstOrDefaultAsync(a => a.Code == options.City, ct);
        var roots = caller.Areas(Permission.AreasRead);
        var areas = await db.Areas.AsNoTracking().Where(a => roots.Contains(a.Code)).OrderBy(a => a.Code).ToListAsync(ct);
        return city is null ? Problems.NotFound($"City {options.City} is not loaded.")
            : Results.Ok(new AreaWithChildren(AreaDto.From(city), areas.Select(AreaDto.From).ToList()));
    }

    private static async Task<IResult> WithChildren(GridGovDb db, Caller caller, string code, CancellationToken ct)
    {
        var area = caller.CanNavigate(Permission.AreasRead, code)
            ? await db.Areas.AsNoTracking().FirstOrDefaultAsync(a => a.Code == code, ct) : null;
        if (area is null) return Problems.NotFound($"No area with code {code} in your scope.");
        var children = await db.Areas.AsNoTracking().Where(a => a.ParentCode == code).OrderBy(a => a.Code).ToListAsync(ct);
        return Results.Ok(new AreaWithChildren(AreaDto.From(area),
            children.Where(c => caller.CanNavigate(Permission.AreasRead, c.Code)).Select(AreaDto.From).ToList()));
    }
}
