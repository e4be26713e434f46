using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Domain.Areas;
using GridGov.Domain.People;
using GridGov.Domain.Security;
using GridGov.Web.Hosting;
using GridGov.Web.Hosting.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.People.Import;

/// <summary>
/// The review queue of possible duplicates from committed imports, in the caller's area. A person decides: the same
/// person (the registered record is updated from the row, its ID number kept) or a different one (a new record from
/// the row). Each decision is one audited write (the record, the link, the item).
/// </summary>
public static class ReviewEndpoints
{
    public static void MapImportReviews(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/people/reviews").WithTags("People import");
        g.MapGet("/", List).RequirePermission(Permission.RegistryWrite)
            .WithSummary("Possible duplicates waiting for a decision in an area of yours (status=open by default; all, same_person, different_person)");
        g.MapPost("/{id:long}/same-person", Same).RequirePermission(Permission.RegistryWrite)
            .WithSummary("The row is the registered person: update that record from the row");
        g.MapPost("/{id:long}/different-person", Different).RequirePermission(Permission.RegistryWrite)
            .WithSummary("The row is someone else: register them as a new record");
    }

    private static async Task<IResult> List(string? area, string? status, long? batch, GridGovDb db, Caller caller, CancellationToken ct)
    {
        var areas = area is null ? caller.Areas(Permission.RegistryWrite) : AreaCode.IsWellFormed(area) ? caller.Within(Permission.RegistryWrite, area) : [];
        if (areas.Count == 0) return Problems.NotFound($"No area {area} in yours.");
        var query = db.PeopleImportReviews.AsNoTracking().WithinAny(r => r.AreaCode, areas);
        if ((status ?? "open") != "all")
        {
            var wanted = Enum.GetValues<ReviewStatus>().Where(s => s.Wire() == (status ?? "open")).Cast<ReviewStatus?>().FirstOrDefault();
            if (wanted is null) return Problems.Invalid("status", "status is one of open, same_person, different_person, all.");
            query = query.Where(r => r.Status == wanted);
        }
        if (batch is { } b) query = query.Where(r => r.BatchId == b);
        var items = await query.OrderBy(r => r.Id).Take(200).ToListAsync(ct);
        return Results.Ok(await ViewsAsync(items, db, ct));
    }

    private static async Task<List<ReviewDto>> ViewsAsync(List<PeopleImportReview> items, GridGovDb db, CancellationToken ct)
    {
        var rowIds = items.Select(i => i.RowId).ToList();
        var rows = await db.PeopleImportRows.AsNoTracking().Where(r => rowIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var personIds = items.Select(i => i.PersonId).ToList();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var homes = await (from l in db.Residences.AsNoTracking()
                           join h in db.Houses.AsNoTracking() on l.HouseId equals h.Id
                           where l.To == null && personIds.Contains(l.PersonId)
                           select new { l.PersonId, h.Address }).ToListAsync(ct);
        var houseIds = rows.Values.Where(r => r.HouseId is not null).Select(r => r.HouseId!.Value).ToList();
        var addresses = await db.Houses.AsNoTracking().Where(h => houseIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Address, ct);
        return items.Select(i =>
        {
            var r = rows[i.RowId];
            var p = people[i.PersonId];
            return new ReviewDto(i.Id, i.BatchId, r.RowNumber, i.Status.Wire(), i.Reason.Wire(), i.Reason.Chinese(),
                new ReviewSide(null, r.Name, r.IdNumberMasked ?? r.DocumentMasked, r.BirthDate, r.PhoneMasked,
                    r.HouseId is { } h ? addresses.GetValueOrDefault(h) : null),
                new ReviewSide(p.Id, p.Name, p.IdNumberMasked ?? p.DocumentMasked, p.BirthDate, p.PhoneMasked,
                    homes.FirstOrDefault(x => x.PersonId == p.Id)?.Address),
                i.ResultPersonId, i.ResolvedByName, i.ResolvedAt);
        }).ToList();
    }

    private static async Task<PeopleImportReview?> FindAsync(long id, GridGovDb db, Caller caller, CancellationToken ct)
    {
        var item = await db.PeopleImportReviews.FirstOrDefaultAsync(r => r.Id == id, ct);
        return item is not null && caller.Covers(Permission.RegistryWrite, item.AreaCode) ? item : null;
    }

    private static async Task<IResult> Same(long id, GridGovDb db, Caller caller, PeopleRegistry registry, CancellationToken ct)
    {
        if (await FindAsync(id, db, caller, ct) is not { } item) return Problems.NotFound($"No review item {id} in your area.");
        if (item.Status != ReviewStatus.Open) return Problems.Conflict($"已处理 (review item {id} is already {item.Status.Wire()}).");
        var row = await db.PeopleImportRows.AsNoTracking().FirstAsync(r => r.Id == item.RowId, ct);
        var columns = await db.PeopleImports.AsNoTracking().Where(b => b.Id == item.BatchId).Select(b => b.Columns).FirstAsync(ct);
        var person = await db.People.FirstAsync(p => p.Id == item.PersonId, ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        person.Name = row.Name!;
        person.Registration = row.Registration!.Value;
        if ((columns & (1 << (int)ImportColumn.Phone)) != 0) (person.PhoneMasked, person.PhoneCipher, person.PhoneHash) = (row.PhoneMasked, row.PhoneCipher, row.PhoneHash);
        if ((columns & (1 << (int)ImportColumn.Tags)) != 0) person.Tags = row.Tags ?? "";
        person.UpdatedAt = DateTime.UtcNow;
        if (await MoveInAsync(person, row, db, registry, ct) is { } refused) return refused;
        Resolve(item, ReviewStatus.SamePerson, person.Id, caller);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Results.Ok((await ViewsAsync([item], db, ct))[0]);
    }

    private static async Task<IResult> Different(long id, GridGovDb db, Caller caller, PeopleRegistry registry, CancellationToken ct)
    {
        if (await FindAsync(id, db, caller, ct) is not { } item) return Problems.NotFound($"No review item {id} in your area.");
        if (item.Status != ReviewStatus.Open) return Problems.Conflict($"已处理 (review item {id} is already {item.Status.Wire()}).");
        var row = await db.PeopleImportRows.AsNoTracking().FirstAsync(r => r.Id == item.RowId, ct);
        if (row.IdNumberCipher is null && row.IdNumberMasked is not null)
            return Problems.Invalid("decision", "该行身份证号校验位有误，不能作为新人登记：请在表中更正后重新导入，或选择“同一人” (the row's ID number has a wrong check character).");
        if (row.IdNumberHash is { } hash && await db.People.AnyAsync(p => p.IdNumberHash == hash, ct))
            return Problems.Conflict("此身份证号已经登记 (this ID number is already registered): choose same person, or check the record.");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = DateTime.UtcNow;
        var person = new Person
        {
            Name = row.Name!, AreaCode = row.AreaCode!, DistrictCode = row.AreaCode![..AreaCode.DistrictLength],
            IdNumberMasked = row.IdNumberMasked, IdNumberCipher = row.IdNumberCipher, IdNumberHash = row.IdNumberHash, IdBodyHash = row.IdBodyHash,
            DocumentMasked = row.DocumentMasked, DocumentCipher = row.DocumentCipher, BirthDate = row.BirthDate, Sex = row.Sex,
            PhoneMasked = row.PhoneMasked, PhoneCipher = row.PhoneCipher, PhoneHash = row.PhoneHash, Registration = row.Registration!.Value,
            Tags = row.Tags ?? "", CreatedAt = now, UpdatedAt = now,
        };
        db.People.Add(person);
        await db.SaveChangesAsync(ct);
        if (await MoveInAsync(person, row, db, registry, ct) is { } refused) return refused;
        Resolve(item, ReviewStatus.DifferentPerson, person.Id, caller);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Results.Ok((await ViewsAsync([item], db, ct))[0]);
    }

    /// <summary>The row's house, if it names one and the person does not live there yet (a second head is refused).</summary>
    private static async Task<IResult?> MoveInAsync(Person person, PeopleImportRow row, GridGovDb db, PeopleRegistry registry, CancellationToken ct)
    {
        if (row.HouseId is not { } houseId || row.Relation is not { } relation) return null;
        if (await db.Residences.AnyAsync(l => l.PersonId == person.Id && l.HouseId == houseId && l.To == null, ct)) return null;
        var house = await db.Houses.FirstAsync(h => h.Id == houseId, ct);
        var (_, problem) = await registry.MoveInAsync(person, house, relation, row.MovedIn ?? registry.Today, ct);
        return problem is { } p ? Problems.Conflict($"{ResidenceRules.Chinese(p)} ({ResidenceRules.English(p)})") : null;
    }

    private static void Resolve(PeopleImportReview item, ReviewStatus status, long personId, Caller caller)
    {
        item.Status = status;
        item.ResultPersonId = personId;
        item.ResolvedByUserId = caller.UserId;
        item.ResolvedByName = caller.Name;
        item.ResolvedAt = DateTime.UtcNow;
    }
}
