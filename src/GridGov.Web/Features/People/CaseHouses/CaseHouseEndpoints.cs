using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Domain.Security;
using GridGov.Web.Features.Cases;
using GridGov.Web.Hosting;
using GridGov.Web.Hosting.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.People.CaseHouses;

public sealed record CaseHouseLink(long? HouseId);

/// <summary>The house a case is about, seen from the case: the caller must see the case and hold the registry there.</summary>
public sealed record CaseHouseDto(long CaseId, HouseDto House, DateTime LinkedAt);

/// <summary>
/// Linking a case to the house it is about, so the case page shows the door and who lives behind it. Needs the case
/// (CaseAccess) and the registry of the house's area; a case or house outside them is a 404. Unlinking keeps nothing:
/// the link is a pointer, the case's own history is where what happened is told.
/// </summary>
public static class CaseHouseEndpoints
{
    public static void MapCaseHouses(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api").WithTags("People and homes");
        g.MapGet("/cases/{id:long}/house", Get).RequirePermission(Permission.RegistryRead).WithSummary("The house a case is about, with its occupants");
        g.MapPut("/cases/{id:long}/house", Link).RequirePermission(Permission.RegistryWrite).WithSummary("Link a case to the house it is about");
        g.MapDelete("/cases/{id:long}/house", Unlink).RequirePermission(Permission.RegistryWrite).WithSummary("Remove a case's house link");
    }

    internal static async Task<IResult> Get(long id, GridGovDb db, Caller caller, CaseAccess access, CancellationToken ct)
    {
        if (await VisibleCase(id, db, access, ct) is null) return Problems.NotFound($"No case {id} in your area.");
        var link = await db.CaseHouses.AsNoTracking().FirstOrDefaultAsync(l => l.CaseId == id, ct);
        if (link is null || !caller.Covers(Permission.RegistryRead, link.AreaCode)) return Problems.NotFound($"Case {id} is not linked to a house in your area.");
        var house = await db.Houses.AsNoTracking().FirstAsync(h => h.Id == link.HouseId, ct);
        return Results.Ok(new CaseHouseDto(id, await BuildingEndpoints.HouseAsync(house, db, ct), link.LinkedAt));
    }

    internal static async Task<IResult> Link(long id, CaseHouseLink body, GridGovDb db, Caller caller, CaseAccess access, CancellationToken ct)
    {
        if (await VisibleCase(id, db, access, ct) is null) return Problems.NotFound($"No case {id} in your area.");
        var house = body.HouseId is { } hid ? await db.Houses.AsNoTracking().FirstOrDefaultAsync(h => h.Id == hid, ct) : null;
        if (house is null || !caller.Covers(Permission.RegistryWrite, house.AreaCode))
            return Problems.Invalid("houseId", "houseId must be a house in your area.");
        var link = await db.CaseHouses.FirstOrDefaultAsync(l => l.CaseId == id, ct);
        if (link is not null && !caller.Covers(Permission.RegistryWrite, link.AreaCode))
            return Problems.Conflict("The case is linked to a house outside your area; ask that community to change it.");
        if (link is null) db.CaseHouses.Add(link = new CaseHouse { CaseId = id, HouseId = house.Id, AreaCode = house.AreaCode, DistrictCode = house.DistrictCode });
        (link.HouseId, link.AreaCode, link.DistrictCode, link.LinkedAt, link.LinkedByUserId) = (house.Id, house.AreaCode, house.DistrictCode, DateTime.UtcNow, caller.UserId);
        await db.SaveChangesAsync(ct);
        return Results.Ok(new CaseHouseDto(id, await BuildingEndpoints.HouseAsync(house, db, ct), link.LinkedAt));
    }

    internal static async Task<IResult> Unlink(long id, GridGovDb db, Caller caller, CaseAccess access, CancellationToken ct)
    {
        if (await VisibleCase(id, db, access, ct) is null) return Problems.NotFound($"No case {id} in your area.");
        var link = await db.CaseHouses.FirstOrDefaultAsync(l => l.CaseId == id, ct);
        if (link is null || !caller.Covers(Permission.RegistryWrite, link.AreaCode)) return Problems.NotFound($"Case {id} is not linked to a house in your area.");
        db.CaseHouses.Remove(link);
        await db.SaveChangesAsync(ct);
        return Results.NoContent();
    }

    private static async Task<Case?> VisibleCase(long id, GridGovDb db, CaseAccess access, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return c is not null && access.CanSee(c) ? c : null;
    }
}
