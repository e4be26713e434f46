using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Domain.Areas;
using GridGov.Domain.People;
using GridGov.Domain.Security;
using GridGov.Web.Hosting;
using GridGov.Web.Hosting.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.People;

/// <summary>
/// Compounds (小区/院落), buildings (楼栋) and their houses (房屋) in the caller's area. A building is registered with its
/// units, floors and doors per floor, and its houses are created with it, one per door, numbered as doors are
/// (floor × 100 + door: 502). Another area's compound, building or house is a 404.
/// </summary>
public static class BuildingEndpoints
{
    public const int MaxUnits = 30, MaxFloors = 120, MaxPerFloor = 30, MaxHouses = 3000;

    public static void MapBuildings(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api").WithTags("People and homes");
        g.MapPost("/compounds", CreateCompound).RequirePermission(Permission.RegistryWrite).WithSummary("Register a compound (小区/院落) in a grid or micro-grid of yours");
        g.MapGet("/compounds", ListCompounds).RequirePermission(Permission.RegistryRead).WithSummary("Compounds in an area of yours");
        g.MapPost("/buildings", CreateBuilding).RequirePermission(Permission.RegistryWrite).WithSummary("Register a building and create its houses");
        g.MapGet("/buildings", ListBuildings).RequirePermission(Permission.RegistryRead).WithSummary("Buildings in an area of yours");
        g.MapGet("/buildings/{id:long}", GetBuilding).RequirePermission(Permission.RegistryRead).WithSummary("A building with every house (its grid view)");
        g.MapGet("/houses/{id:long}", GetHouse).RequirePermission(Permission.RegistryRead).WithSummary("A house with who lives there now and who did");
        g.MapPatch("/houses/{id:long}", ChangeHouse).RequirePermission(Permission.RegistryWrite).WithSummary("Correct a house's use, floor area or owner");
        g.MapGet("/houses", SearchHouses).RequirePermission(Permission.RegistryRead).WithSummary("Houses whose address contains the words, in an area of yours");
    }

    internal static async Task<IResult> CreateCompound(NewCompound body, GridGovDb db, Caller caller, PersonalData pii, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var name = body.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100) errors["name"] = ["name is required, at most 100 characters."];
        if (!await IsGridOfCaller(body.AreaCode, db, caller, ct)) errors["areaCode"] = ["areaCode must be a grid or micro-grid in your area."];
        Limit(errors, "address", body.Address, 200);
        Limit(errors, "propertyCompany", body.PropertyCompany, 100);
        Limit(errors, "propertyContact", body.PropertyContact, 50);
        Limit(errors, "selfGovernance", body.SelfGovernance, 100);
        string? phone = null;
        if (!string.IsNullOrWhiteSpace(body.PropertyPhone) && (phone = PersonalNumbers.NormalizeMobile(body.PropertyPhone)) is null
            && (phone = Landline(body.PropertyPhone)) is null)
            errors["propertyPhone"] = ["propertyPhone must be a mobile number or a landline such as 028-86001234."];
        CheckPoint(errors, body.Lon, body.Lat);
        if (errors.Count > 0) return Problems.Invalid(errors);

        var compound = new Compound
        {
            Name = name!, AreaCode = body.AreaCode!, DistrictCode = body.AreaCode![..AreaCode.DistrictLength],
            Address = Clean(body.Address), PropertyCompany = Clean(body.PropertyCompany), PropertyContact = Clean(body.PropertyContact),
            SelfGovernance = Clean(body.SelfGovernance), Lon = body.Lon, Lat = body.Lat, CreatedAt = DateTime.UtcNow,
        };
        if (phone is not null) (compound.PropertyPhoneMasked, compound.PropertyPhoneCipher) = pii.ProtectPhone(phone);
        db.Compounds.Add(compound);
        await db.SaveChangesAsync(ct);
        return Results.Created($"/api/compounds/{compound.Id}", ToDto(compound, 0));
    }

    private static async Task<IResult> ListCompounds(string? area, GridGovDb db, Caller caller, CancellationToken ct)
    {
        if (Scope(area, caller) is not { } areas) return Problems.NotFound($"No area {area} in yours.");
        var rows = await db.Compounds.AsNoTracking().WithinAny(c => c.AreaCode, areas).OrderBy(c => c.AreaCode).ThenBy(c => c.Name).Take(500)
            .Select(c => new { c, Buildings = db.Buildings.Count(b => b.CompoundId == c.Id) }).ToListAsync(ct);
        return Results.Ok(rows.Select(r => ToDto(r.c, r.Buildings)).ToList());
    }

    internal static async Task<IResult> CreateBuilding(NewBuilding body, GridGovDb db, Caller caller, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var name = body.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 50) errors["name"] = ["name is required, at most 50 characters (e.g. 5栋)."];
        Compound? compound = null;
        if (body.CompoundId is { } cid)
        {
            compound = await db.Compounds.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cid, ct);
            if (compound is null || !caller.Covers(Permission.RegistryWrite, compound.AreaCode))
                errors["compoundId"] = ["compoundId must be a compound in your area."];
        }
        var areaCode = body.AreaCode ?? compound?.AreaCode;
        if (!await IsGridOfCaller(areaCode, db, caller, ct)) errors["areaCode"] = ["areaCode must be a grid or micro-grid in your area."];
        else if (compound is not null && compound.AreaCode != areaCode) errors["areaCode"] = ["areaCode must be the compound's own area."];
        Range(errors, "units", body.Units, MaxUnits);
        Range(errors, "floors", body.Floors, MaxFloors);
        Range(errors, "housesPerFloor", body.HousesPerFloor, MaxPerFloor);
        if (body.Units * body.Floors * body.HousesPerFloor > MaxHouses) errors["housesPerFloor"] = [$"A building has at most {MaxHouses} houses."];
        CheckPoint(errors, body.Lon, body.Lat);
        if (errors.Count == 0 && await db.Buildings.AnyAsync(b => b.AreaCode == areaCode && b.CompoundId == body.CompoundId && b.Name == name, ct))
            return Problems.Conflict($"{name} is already registered here.");
        if (errors.Count > 0) return Problems.Invalid(errors);

        var building = new Building
        {
            Name = name!, AreaCode = areaCode!, DistrictCode = areaCode![..AreaCode.DistrictLength], CompoundId = compound?.Id,
            Units = body.Units!.Value, Floors = body.Floors!.Value, HousesPerFloor = body.HousesPerFloor!.Value,
            Lon = body.Lon ?? compound?.Lon, Lat = body.Lat ?? compound?.Lat, CreatedAt = DateTime.UtcNow,
        };
        var prefix = await AddressPrefix(areaCode, compound, db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Buildings.Add(building);
        await db.SaveChangesAsync(ct);
        foreach (var house in HousesOf(building, prefix)) db.Houses.Add(house);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Results.Created($"/api/buildings/{building.Id}", await BuildingAsync(building, compound?.Name, db, ct));
    }

    /// <summary>One house per door: units × floors × doors per floor, numbered floor × 100 + door.</summary>
    internal static IEnumerable<House> HousesOf(Building b, string addressPrefix)
    {
        for (var unit = 1; unit <= b.Units; unit++)
            for (var floor = 1; floor <= b.Floors; floor++)
                for (var door = 1; door <= b.HousesPerFloor; door++)
                {
                    var number = HouseAddresses.Number(floor, door);
                    yield return new House
                    {
                        BuildingId = b.Id, AreaCode = b.AreaCode, DistrictCode = b.DistrictCode, Unit = unit, Floor = floor, Number = number,
                        Address = HouseAddresses.Full(addressPrefix, null, b.Name, unit, number), Use = HouseUse.OwnerOccupied, CreatedAt = b.CreatedAt,
                    };
                }
    }

    private static async Task<IResult> ListBuildings(string? area, GridGovDb db, Caller caller, CancellationToken ct)
    {
        if (Scope(area, caller) is not { } areas) return Problems.NotFound($"No area {area} in yours.");
        var rows = await (from b in db.Buildings.AsNoTracking().WithinAny(b => b.AreaCode, areas)
                          join c in db.Compounds.AsNoTracking() on b.CompoundId equals c.Id into cs
                          from c in cs.DefaultIfEmpty()
                          orderby b.AreaCode, c!.Name, b.Name
                          select new { b, CompoundName = c == null ? null : c.Name }).Take(500).ToListAsync(ct);
        return Results.Ok(rows.Select(r => ToDto(r.b, r.CompoundName, [])).ToList());
    }

    private static async Task<IResult> GetBuilding(long id, GridGovDb db, Caller caller, CancellationToken ct)
    {
        var b = await db.Buildings.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (b is null || !caller.Covers(Permission.RegistryRead, b.AreaCode)) return Problems.NotFound($"No building {id} in your area.");
        var compound = b.CompoundId is { } cid ? await db.Compounds.AsNoTracking().Where(c => c.Id == cid).Select(c => c.Name).FirstOrDefaultAsync(ct) : null;
        return Results.Ok(await BuildingAsync(b, compound, db, ct));
    }

    internal static async Task<BuildingDto> BuildingAsync(Building b, string? compoundName, GridGovDb db, CancellationToken ct)
    {
        var houses = await db.Houses.AsNoTracking().Where(h => h.BuildingId == b.Id)
            .Select(h => new { h, Occupants = db.Residences.Count(l => l.HouseId == h.Id && l.To == null && l.Relation != Relation.Worker) })
            .ToListAsync(ct);
        var cells = houses.OrderBy(x => x.h.Unit).ThenByDescending(x => x.h.Floor).ThenBy(x => x.h.Number, StringComparer.Ordinal)
            .Select(x => new HouseCell(x.h.Id, x.h.Unit, x.h.Floor, x.h.Number, x.h.Use.Wire(), PeopleRows.Label(x.h.Use), x.Occupants, x.h.VerifiedAt))
            .ToList();
        return ToDto(b, compoundName, cells);
    }

    internal static async Task<IResult> GetHouse(long id, GridGovDb db, Caller caller, CancellationToken ct)
    {
        var h = await db.Houses.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (h is null || !caller.Covers(Permission.RegistryRead, h.AreaCode)) return Problems.NotFound($"No house {id} in your area.");
        return Results.Ok(await HouseAsync(h, db, ct));
    }

    internal static async Task<HouseDto> HouseAsync(House h, GridGovDb db, CancellationToken ct)
    {
        var building = await db.Buildings.AsNoTracking().Where(b => b.Id == h.BuildingId).Select(b => b.Name).FirstAsync(ct);
        var links = await PeopleRows.LinksAsync(db, db.Residences.AsNoTracking().Where(l => l.HouseId == h.Id), ct);
        return new HouseDto(h.Id, h.BuildingId, building, h.AreaCode, h.Unit, h.Floor, h.Number, h.Address, h.Use.Wire(), PeopleRows.Label(h.Use),
            h.FloorArea, h.OwnerPersonId, h.VerifiedAt, links.Where(l => l.To is null).ToList(), links.Where(l => l.To is not null).ToList());
    }

    internal static async Task<IResult> ChangeHouse(long id, HouseChange body, GridGovDb db, Caller caller, CancellationToken ct)
    {
        var h = await db.Houses.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (h is null || !caller.Covers(Permission.RegistryWrite, h.AreaCode)) return Problems.NotFound($"No house {id} in your area.");
        var errors = new Dictionary<string, string[]>();
        HouseUse? use = body.Use is null ? null : PeopleNames.Parse<HouseUse>(body.Use);
        if (body.Use is not null && use is null) errors["use"] = ["use must be one of owner_occupied, rented, vacant, business, other (or 自住、出租、空置、经营、其他)."];
        if (body.FloorArea is { } area && (area <= 0 || area > 100_000 || double.IsNaN(area))) errors["floorArea"] = ["floorArea is in square metres, above 0 and at most 100,000."];
        if (body.OwnerPersonId is { } owner && await PeopleRows.FindVisibleAsync(owner, db, caller, Permission.RegistryRead, ct) is null)
            errors["ownerPersonId"] = ["ownerPersonId must be a resident in your area."];
        if (errors.Count > 0) return Problems.Invalid(errors);
        if (use is { } u) h.Use = u;
        if (body.FloorArea is { } a) h.FloorArea = Math.Round(a, 2);
        if (body.OwnerPersonId is { } o) h.OwnerPersonId = o;
        await db.SaveChangesAsync(ct);
        return Results.Ok(await HouseAsync(h, db, ct));
    }

    internal static async Task<IResult> SearchHouses(string? q, string? area, GridGovDb db, Caller caller, CancellationToken ct)
    {
        var words = q?.Trim();
        if (string.IsNullOrEmpty(words) || words.Length > 50) return Problems.Invalid("q", "q is the words of the address to find (1–50 characters).");
        if (Scope(area, caller) is not { } areas) return Problems.NotFound($"No area {area} in yours.");
        var rows = await db.Houses.AsNoTracking().WithinAny(h => h.AreaCode, areas).Where(h => h.Address.Contains(words))
            .OrderBy(h => h.Address).Take(50)
            .Select(h => new { h, Occupants = db.Residences.Count(l => l.HouseId == h.Id && l.To == null && l.Relation != Relation.Worker) })
            .ToListAsync(ct);
        return Results.Ok(rows.Select(r => new HouseHit(r.h.Id, r.h.Address, r.h.Use.Wire(), PeopleRows.Label(r.h.Use), r.Occupants)).ToList());
    }

    /// <summary>The caller's registry areas inside <paramref name="area"/> (all of them when null); null when none.</summary>
    internal static IReadOnlyList<string>? Scope(string? area, Caller caller)
    {
        if (area is null) return caller.Areas(Permission.RegistryRead);
        if (!AreaCode.IsWellFormed(area)) return null;
        var within = caller.Within(Permission.RegistryRead, area);
        return within.Count == 0 ? null : within;
    }

    private static async Task<bool> IsGridOfCaller(string? code, GridGovDb db, Caller caller, CancellationToken ct) =>
        code is not null && AreaCode.KindOf(code) is { } kind && kind.IsGrid() && caller.Covers(Permission.RegistryWrite, code)
        && await db.Areas.AnyAsync(a => a.Code == code, ct);

    /// <summary>The address up to the building: district, street and community names, then the compound.</summary>
    private static async Task<string> AddressPrefix(string areaCode, Compound? compound, GridGovDb db, CancellationToken ct)
    {
        string[] codes = [areaCode[..AreaCode.DistrictLength], areaCode[..AreaCode.StreetLength], areaCode[..AreaCode.CommunityLength]];
        var names = await db.Areas.AsNoTracking().Where(a => codes.Contains(a.Code)).OrderBy(a => a.Code).Select(a => a.Name).ToListAsync(ct);
        return string.Concat(names.Select(HouseAddresses.PlaceName)) + (compound?.Name ?? "");
    }

    private static void Limit(Dictionary<string, string[]> errors, string field, string? value, int max)
    {
        if (value is not null && value.Trim().Length > max) errors[field] = [$"{field} is at most {max} characters."];
    }

    private static void Range(Dictionary<string, string[]> errors, string field, int? value, int max)
    {
        if (value is not { } v || v < 1 || v > max) errors[field] = [$"{field} is a whole number from 1 to {max}."];
    }

    private static void CheckPoint(Dictionary<string, string[]> errors, double? lon, double? lat)
    {
        if (lon is null != lat is null) errors["lon"] = ["Give both lon and lat, or neither."];
        else if (lon is { } x && lat is { } y && (x is < 73 or > 136 || y is < 3 or > 54)) errors["lon"] = ["lon/lat must be a point in China (WGS-84)."];
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    // 028-86001234, 02886001234, 86001234: digits and one dash, 7–12 digits.
    private static string? Landline(string text)
    {
        var t = text.Trim();
        var digits = t.Count(char.IsAsciiDigit);
        return digits is >= 7 and <= 12 && t.All(c => char.IsAsciiDigit(c) || c == '-') && t.Count(c => c == '-') <= 1 ? t : null;
    }

    private static CompoundDto ToDto(Compound c, int buildings) =>
        new(c.Id, c.Name, c.AreaCode, c.Address, c.PropertyCompany, c.PropertyContact, c.PropertyPhoneMasked, c.SelfGovernance, c.Lon, c.Lat, buildings);

    private static BuildingDto ToDto(Building b, string? compoundName, IReadOnlyList<HouseCell> houses) =>
        new(b.Id, b.Name, b.AreaCode, b.CompoundId, compoundName, b.Units, b.Floors, b.HousesPerFloor, b.Lon, b.Lat, houses);
}
