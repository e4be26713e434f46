using System.Diagnostics;
using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Domain.Areas;
using GridGov.Domain.Demo;
using GridGov.Domain.People;
using GridGov.Web.Hosting;
using GridGov.Web.Hosting.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.People;

/// <summary>
/// Writes <see cref="DemoHomes"/> into an empty registry: compounds, buildings and households in every micro-grid of
/// the demo street (锦官驿街道, where the demo accounts work). Numbers go through the same encryption and keyed hashes
/// as real ones. Written on a context without the audit interceptor: seed data is not a person's change.
/// </summary>
public sealed class DemoHomesSeeder(Database database, PersonalData pii, PeopleLookup lookup, GridGovOptions options, TimeProvider time, ILogger<DemoHomesSeeder> log)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        if (options.DemoHomesArea is not { Length: > 0 } area) return;
        await using var db = DbSetup.Create(database.Provider, database.ConnectionString);
        if (await db.Compounds.AnyAsync(ct)) return;
        var clock = Stopwatch.StartNew();
        var upper = AreaCode.UpperBound(area) ?? "~";
        var micros = await db.Areas.AsNoTracking()
            .Where(a => a.Kind == AreaKind.MicroGrid && string.Compare(a.Code, area) >= 0 && string.Compare(a.Code, upper) < 0)
            .OrderBy(a => a.Code).Select(a => new { a.Code, a.Name }).ToListAsync(ct);
        if (micros.Count == 0) return;
        var prefixes = micros.SelectMany(m => new[] { m.Code[..AreaCode.DistrictLength], m.Code[..AreaCode.StreetLength], m.Code[..AreaCode.CommunityLength] }).Distinct().ToList();
        var names = await db.Areas.AsNoTracking().Where(a => prefixes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => HouseAddresses.PlaceName(a.Name), ct);
        string Prefix(string code) => names.GetValueOrDefault(code[..AreaCode.DistrictLength]) + names.GetValueOrDefault(code[..AreaCode.StreetLength])
            + names.GetValueOrDefault(code[..AreaCode.CommunityLength]);

        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now.AddHours(8));
        var compounds = DemoHomes.Generate(micros.Select(m => (m.Code, Prefix(m.Code) + "建设路", m.Code[..AreaCode.DistrictLength])).ToList(), today);
        var hashes = await lookup.HashesAsync(ct);
        pii.Warm(); // the key ring is written on its own connection: before this transaction, not inside it
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (houses, people) = (0, 0);
        foreach (var c in compounds)
        {
            var district = c.AreaCode[..AreaCode.DistrictLength];
            var compound = new Compound
            {
                Name = c.Name, AreaCode = c.AreaCode, DistrictCode = district, Address = c.Address, PropertyCompany = c.PropertyCompany,
                PropertyContact = c.PropertyContact, SelfGovernance = c.SelfGovernance, CreatedAt = now,
            };
            db.Compounds.Add(compound);
            await db.SaveChangesAsync(ct);
            foreach (var b in c.Buildings)
            {
                var building = new Building
                {
                    Name = b.Name, AreaCode = c.AreaCode, DistrictCode = district, CompoundId = compound.Id, Units = b.Units, Floors = b.Floors,
                    HousesPerFloor = b.HousesPerFloor, CreatedAt = now,
                };
                db.Buildings.Add(building);
                await db.SaveChangesAsync(ct);
                var rows = new List<(House House, DemoHouse Demo)>();
                foreach (var h in b.Houses)
                {
                    var number = HouseAddresses.Number(h.Floor, h.Door);
                    var house = new House
                    {
                        BuildingId = building.Id, AreaCode = c.AreaCode, DistrictCode = district, Unit = h.Unit, Floor = h.Floor, Number = number,
                        Address = HouseAddresses.Full(Prefix(c.AreaCode), c.Name, b.Name, h.Unit, number), Use = h.Use, FloorArea = h.FloorArea,
                        VerifiedAt = h.VerifiedDaysAgo is { } d ? now.AddDays(-d) : null, CreatedAt = now,
                    };
                    rows.Add((house, h));
                    db.Houses.Add(house);
                }
                await db.SaveChangesAsync(ct);
                var links = new List<(Person Person, House House, DemoResident Demo)>();
                foreach (var (house, h) in rows)
                    foreach (var r in h.Residents)
                    {
                        var person = new Person { Name = r.Name, AreaCode = c.AreaCode, DistrictCode = district, CreatedAt = now, UpdatedAt = now };
                        PeopleRegistry.Apply(person, new ValidResident(r.Name, r.IdNumber, null, r.IdNumber.BirthDate, r.IdNumber.Sex, r.Phone,
                            r.Registration, r.Tags), pii, hashes);
                        db.People.Add(person);
                        links.Add((person, house, r));
                    }
                await db.SaveChangesAsync(ct);
                foreach (var (person, house, r) in links)
                {
                    db.Residences.Add(new Residence
                    {
                        PersonId = person.Id, HouseId = house.Id, Relation = r.Relation, From = r.From, AreaCode = house.AreaCode,
                        DistrictCode = house.DistrictCode, CreatedAt = now,
                    });
                    if (r.Relation == Relation.Head && house.Use == HouseUse.OwnerOccupied) house.OwnerPersonId = person.Id;
                    db.Entry(house).Property(x => x.OwnerPersonId).IsModified = house.OwnerPersonId is not null;
                }
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                houses += rows.Count;
                people += links.Count;
            }
        }
        await tx.CommitAsync(ct);
        log.LogInformation("Demo homes: {Compounds} compounds, {Houses} houses, {People} residents in {Seconds:0.0} s",
            compounds.Count, houses, people, clock.Elapsed.TotalSeconds);
    }
}
