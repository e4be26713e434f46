using System.Globalization;
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
/// Residents (实有人口) in the caller's area: registered with a valid ID number (or a passport for someone from abroad),
/// found by ID number, phone or name, shown masked. The full numbers need a stated reason (查询事由) and are audited.
/// </summary>
public static class PersonEndpoints
{
    public static void MapPeople(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api").WithTags("People and homes");
        g.MapPost("/people", Create).RequirePermission(Permission.RegistryWrite).WithSummary("Register a resident, optionally moving them into a house");
        g.MapGet("/people", Search).RequirePermission(Permission.RegistryRead)
            .WithSummary("Find residents in your area by ID number (exact), phone (exact) or name (beginning); results masked");
        g.MapGet("/people/{id:long}", Get).RequirePermission(Permission.RegistryRead).WithSummary("A resident (numbers masked) and their homes");
        g.MapPatch("/people/{id:long}", Change).RequirePermission(Permission.RegistryWrite).WithSummary("Correct a resident's name, phone, registration or tags");
        g.MapGet("/people/{id:long}/profile", Profile).RequirePermission(Permission.PeopleUnmask)
            .WithSummary("A resident's full numbers; requires a reason and is audited");
        g.MapGet("/people/tags", (PeopleOptions options) => Results.Ok(options.Tags)).RequirePermission(Permission.RegistryRead)
            .WithSummary("The tags residents may carry (configured per city)");
    }

    internal static async Task<IResult> Create(NewPerson body, GridGovDb db, Caller caller, PeopleRegistry registry, PeopleOptions options, CancellationToken ct)
    {
        await registry.PrepareAsync(ct);
        var (resident, draftErrors) = new ResidentDraft(body.Name, body.IdNumber, body.Document, body.Phone, body.Registration, body.Tags)
            .Build(registry.Today, options.Tags);
        var errors = draftErrors.GroupBy(e => ResidentDraft.FieldKey(e.Field)).ToDictionary(g => g.Key, g => g.Select(ResidentDraft.English).ToArray());

        House? house = null;
        Relation? relation = null;
        if (body.HouseId is { } hid)
        {
            house = await db.Houses.FirstOrDefaultAsync(h => h.Id == hid, ct);
            if (house is null || !caller.Covers(Permission.RegistryWrite, house.AreaCode)) errors["houseId"] = ["houseId must be a house in your area."];
            relation = PeopleNames.Parse<Relation>(body.Relation);
            if (relation is null) errors["relation"] = ["relation must be one of head, family_member, tenant, lodger, worker (or 户主、家庭成员、租户、借住、工作)."];
        }
        else if (body.AreaCode is null || AreaCode.KindOf(body.AreaCode) is not { } kind || kind < AreaKind.Community
                 || !caller.Covers(Permission.RegistryWrite, body.AreaCode) || !await db.Areas.AnyAsync(a => a.Code == body.AreaCode, ct))
            errors["areaCode"] = ["Give houseId (where they live), or areaCode: a community, grid or micro-grid in your area."];
        var from = body.From ?? registry.Today;
        if (from > registry.Today) errors["from"] = ["from must not be after today."];
        if (errors.Count > 0) return Problems.Invalid(errors);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var registered = await registry.RegisterAsync(resident!, house?.AreaCode ?? body.AreaCode!, ct);
        if (!registered.Created)
            return Problems.Conflict(caller.Covers(Permission.RegistryRead, registered.Person.AreaCode)
                ? $"This ID number is already registered as resident {registered.Person.Id}; open that record to change it."
                : "This ID number is already registered in another area; ask that community to move the resident to you.");
        await db.SaveChangesAsync(ct);
        if (house is not null)
        {
            var (_, problem) = await registry.MoveInAsync(registered.Person, house, relation!.Value, from, ct);
            if (problem is { } p) return Problems.Invalid(p == ResidenceProblem.FromInFuture ? "from" : "relation", ResidenceRules.English(p));
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return Results.Created($"/api/people/{registered.Person.Id}", await PeopleRows.PersonAsync(registered.Person, db, registry.Today, ct));
    }

    private static async Task<IResult> Get(long id, GridGovDb db, Caller caller, PeopleRegistry registry, CancellationToken ct)
    {
        var person = await PeopleRows.FindVisibleAsync(id, db, caller, Permission.RegistryRead, ct);
        return person is null ? Problems.NotFound($"No resident {id} in your area.") : Results.Ok(await PeopleRows.PersonAsync(person, db, registry.Today, ct));
    }

    internal static async Task<IResult> Change(long id, PersonChange body, GridGovDb db, Caller caller, PeopleRegistry registry, PeopleOptions options, CancellationToken ct)
    {
        var visible = await PeopleRows.FindVisibleAsync(id, db, caller, Permission.RegistryWrite, ct);
        if (visible is null) return Problems.NotFound($"No resident {id} in your area.");
        var person = await db.People.FirstAsync(p => p.Id == id, ct);
        var errors = new Dictionary<string, string[]>();
        var name = body.Name?.Trim();
        if (body.Name is not null && (name!.Length == 0 || name.Length > ResidentDraft.MaxName || name.Any(char.IsAsciiDigit)))
            errors["name"] = [$"name is 1–{ResidentDraft.MaxName} characters without digits."];
        string? phone = null;
        if (!string.IsNullOrWhiteSpace(body.Phone) && (phone = PersonalNumbers.NormalizeMobile(body.Phone)) is null)
            errors["phone"] = ["phone must be an 11-digit mainland mobile number (or empty to remove it)."];
        var registration = body.Registration is null ? null : PeopleNames.Parse<RegistrationType>(body.Registration);
        if (body.Registration is not null && registration is null) errors["registration"] = ["registration must be registered, floating or foreign."];
        var tags = body.Tags?.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToList();
        if (tags is not null && (tags.Count > ResidentDraft.MaxTags || tags.Any(t => !options.Tags.Contains(t))))
            errors["tags"] = [$"At most {ResidentDraft.MaxTags} tags, each from GET /api/people/tags."];
        if (errors.Count > 0) return Problems.Invalid(errors);

        if (name is not null) person.Name = name;
        if (body.Phone is not null) await registry.SetPhoneAsync(person, phone, ct);
        if (registration is { } r) person.Registration = r;
        if (tags is not null) person.Tags = string.Join('|', tags);
        person.UpdatedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(ct);
        return Results.Ok(await PeopleRows.PersonAsync(person, db, registry.Today, ct));
    }

    internal static async Task<IResult> Profile(long id, string? reason, GridGovDb db, Caller caller, PersonalData pii, AuditWriter audit, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 2 || reason.Length > 200)
            return Problems.Invalid("reason", "Say why you need the full numbers (查询事由, 2–200 characters); it is recorded.");
        var person = await PeopleRows.FindVisibleAsync(id, db, caller, Permission.PeopleUnmask, ct);
        if (person is null) return Problems.NotFound($"No resident {id} in your area.");
        await audit.RecordAsync("unmask", nameof(Person), id.ToString(CultureInfo.InvariantCulture), person.AreaCode,
            $"{person.Name}: id {person.IdNumberMasked ?? person.DocumentMasked ?? "-"}, phone {person.PhoneMasked ?? "-"}", reason.Trim(), ct);
        return Results.Ok(new PersonProfile(person.Id, person.Name, pii.Reveal(person.IdNumberCipher), pii.Reveal(person.DocumentCipher), pii.Reveal(person.PhoneCipher)));
    }

    /// <summary>
    /// One way to find people at a time: an ID number or a phone finds the one record (exact, by keyed hash) living in
    /// or linked to a house in your area; a name finds the people living in your area whose names begin with it (the
    /// whole of your areas, or the one given).
    /// </summary>
    internal static async Task<IResult> Search(string? idNumber, string? phone, string? name, string? area, string? tag, int? limit,
        GridGovDb db, Caller caller, PeopleLookup lookup, PeopleRegistry registry, CancellationToken ct)
    {
        var take = limit ?? 50;
        if (take is < 1 or > 200) return Problems.Invalid("limit", "limit is from 1 to 200.");
        if (BuildingEndpoints.Scope(area, caller) is not { } areas) return Problems.NotFound($"No area {area} in yours.");
        // An exact number finds the record wherever it is linked in the caller's area; a name or tag lists who lives there.
        var exact = !string.IsNullOrWhiteSpace(idNumber) || !string.IsNullOrWhiteSpace(phone);
        var people = exact ? PeopleRows.Visible(db, caller, Permission.RegistryRead) : PeopleRows.LivingIn(db, caller, Permission.RegistryRead);
        if (area is not null) people = people.WithinAny(p => p.AreaCode, areas);
        if (!string.IsNullOrWhiteSpace(idNumber))
        {
            var (id, problem) = IdNumber.Parse(idNumber, registry.Today);
            if (problem is { } p) return Problems.Invalid("idNumber", "idNumber: " + IdNumber.English(p));
            var hash = await lookup.IdAsync(id!.Value.Value, ct);
            people = people.Where(x => x.IdNumberHash == hash);
        }
        else if (!string.IsNullOrWhiteSpace(phone))
        {
            var mobile = PersonalNumbers.NormalizeMobile(phone);
            if (mobile is null) return Problems.Invalid("phone", "phone must be an 11-digit mainland mobile number.");
            var hash = await lookup.PhoneAsync(mobile, ct);
            people = people.Where(x => x.PhoneHash == hash);
        }
        else if (!string.IsNullOrWhiteSpace(name))
        {
            var n = name.Trim();
            if (n.Length > ResidentDraft.MaxName) return Problems.Invalid("name", $"name is at most {ResidentDraft.MaxName} characters.");
            people = people.Where(x => x.Name.StartsWith(n));
        }
        else if (string.IsNullOrWhiteSpace(tag))
            return Problems.Invalid("name", "Give one of idNumber, phone, name or tag to search by.");
        if (!string.IsNullOrWhiteSpace(tag))
        {
            var t = tag.Trim();
            people = people.Where(x => ("|" + x.Tags + "|").Contains("|" + t + "|"));
        }
        var rows = await people.OrderBy(x => x.Name).ThenBy(x => x.Id).Take(take).ToListAsync(ct);
        return Results.Ok(rows.Select(p => PeopleRows.ToDto(p, registry.Today, [])).ToList());
    }
}
