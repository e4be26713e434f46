using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Domain.Areas;
using GridGov.Domain.People;
using GridGov.Web.Hosting.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.People;

/// <summary>What registering a resident came to: the new record, or the record that already holds the ID number.</summary>
public sealed record Registered(Person Person, bool Created);

/// <summary>
/// The registry's writes, shared by the API, the pages, imports and verification rounds: a resident's numbers are
/// encrypted, masked and hashed in one place, and moving in and out follows <see cref="ResidenceRules"/>. Callers check
/// the caller's area first; this class does not know who is asking.
/// </summary>
public sealed class PeopleRegistry(GridGovDb db, PersonalData pii, PeopleLookup lookup, TimeProvider time)
{
    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime.AddHours(8));

    /// <summary>
    /// Loads the keys that encrypting and hashing need. Call before opening a transaction: on a new database they are
    /// created on connections of their own, which SQLite would make wait for that transaction.
    /// </summary>
    public async Task PrepareAsync(CancellationToken ct)
    {
        pii.Warm();
        await lookup.WarmAsync(ct);
    }

    /// <summary>The record with this ID number, if any (exact, by keyed hash).</summary>
    public async Task<Person?> FindByIdNumberAsync(string idNumber, CancellationToken ct)
    {
        var hash = await lookup.IdAsync(idNumber, ct);
        return await db.People.FirstOrDefaultAsync(p => p.IdNumberHash == hash, ct);
    }

    /// <summary>Adds a resident in <paramref name="areaCode"/>, or returns the record that already has the ID number (not changed).</summary>
    public async Task<Registered> RegisterAsync(ValidResident r, string areaCode, CancellationToken ct)
    {
        if (r.IdNumber is { } id && await FindByIdNumberAsync(id.Value, ct) is { } existing) return new(existing, false);
        var now = time.GetUtcNow().UtcDateTime;
        var person = new Person
        {
            Name = r.Name,
            AreaCode = areaCode,
            DistrictCode = AreaCode.DistrictOf(areaCode)!,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await ApplyAsync(person, r, ct);
        db.People.Add(person);
        return new(person, true);
    }

    /// <summary>Writes a valid draft's values onto a record: name, numbers (encrypted, masked, hashed), registration and tags.</summary>
    public async Task ApplyAsync(Person person, ValidResident r, CancellationToken ct)
    {
        Apply(person, r, pii, await lookup.HashesAsync(ct));
        person.UpdatedAt = time.GetUtcNow().UtcDateTime;
    }

    /// <summary>The same for many records at once (imports, seeding): the hashes' key loaded once by the caller.</summary>
    public static void Apply(Person person, ValidResident r, PersonalData pii, PeopleHashes hashes)
    {
        person.Name = r.Name;
        if (r.IdNumber is { } id)
        {
            (person.IdNumberMasked, person.IdNumberCipher) = pii.ProtectIdCard(id.Value);
            person.IdNumberHash = hashes.Id(id.Value);
            person.IdBodyHash = hashes.Body(id.Body);
            person.BirthDate = id.BirthDate;
            person.Sex = id.Sex;
        }
        if (r.Document is { } doc) (person.DocumentMasked, person.DocumentCipher) = (MaskDocument(doc), pii.Protect(doc));
        SetPhone(person, r.Phone, pii, hashes);
        person.Registration = r.Registration;
        person.Tags = string.Join('|', r.Tags);
    }

    public async Task SetPhoneAsync(Person person, string? phone, CancellationToken ct) => SetPhone(person, phone, pii, await lookup.HashesAsync(ct));

    private static void SetPhone(Person person, string? phone, PersonalData pii, PeopleHashes hashes)
    {
        if (phone is null) (person.PhoneMasked, person.PhoneCipher, person.PhoneHash) = (null, null, null);
        else
        {
            (person.PhoneMasked, person.PhoneCipher) = pii.ProtectPhone(phone);
            person.PhoneHash = hashes.Phone(phone);
        }
    }

    /// <summary>
    /// Moves a person into a house from <paramref name="from"/>. Living somewhere (not working there) makes it their
    /// current home: their record moves to the house's area, so the community where they live keeps them.
    /// </summary>
    public async Task<(Residence? Link, ResidenceProblem? Problem)> MoveInAsync(Person person, House house, Relation relation, DateOnly from, CancellationToken ct)
    {
        var links = await db.Residences.Where(l => l.HouseId == house.Id && l.To == null).ToListAsync(ct);
        var candidate = new ResidenceLink(person.Id, house.Id, relation, from);
        if (ResidenceRules.CheckNew(links.Select(ToLink), candidate, Today) is { } problem) return (null, problem);
        var link = new Residence
        {
            PersonId = person.Id,
            HouseId = house.Id,
            Relation = relation,
            From = from,
            AreaCode = house.AreaCode,
            DistrictCode = house.DistrictCode,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Residences.Add(link);
        if (relation != Relation.Worker)
        {
            person.AreaCode = house.AreaCode;
            person.DistrictCode = house.DistrictCode;
            person.UpdatedAt = link.CreatedAt;
        }
        return (link, null);
    }

    /// <summary>Ends a link on <paramref name="day"/>; the person's record follows them to another home they still have.</summary>
    public async Task<ResidenceProblem?> MoveOutAsync(Residence link, DateOnly day, CancellationToken ct)
    {
        var (ended, problem) = ResidenceRules.End(ToLink(link), day, Today);
        if (problem is not null) return problem;
        link.To = ended!.To;
        var person = await db.People.FirstAsync(p => p.Id == link.PersonId, ct);
        var otherHome = await db.Residences.AsNoTracking()
            .Where(l => l.PersonId == person.Id && l.Id != link.Id && l.To == null && l.Relation != Relation.Worker)
            .OrderByDescending(l => l.From).FirstOrDefaultAsync(ct);
        if (otherHome is not null && person.AreaCode == link.AreaCode)
        {
            person.AreaCode = otherHome.AreaCode;
            person.DistrictCode = otherHome.DistrictCode;
        }
        person.UpdatedAt = time.GetUtcNow().UtcDateTime;
        return null;
    }

    public static ResidenceLink ToLink(Residence r) => new(r.PersonId, r.HouseId, r.Relation, r.From, r.To);

    // Passports and permits vary in length: keep the first two and last two characters.
    private static string MaskDocument(string doc) => doc.Length <= 4 ? "****" : doc[..2] + new string('*', doc.Length - 4) + doc[^2..];
}
