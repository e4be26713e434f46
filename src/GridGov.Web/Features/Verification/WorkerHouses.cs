using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Domain.People;
using GridGov.Domain.Security;
using GridGov.Web.Features.People;
using GridGov.Web.Hosting.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Verification;

/// <summary>
/// The worker's houses to verify (我的待核验房屋) in open rounds, by building, unit and floor, each with its occupants
/// masked (王*英, 139****5678) so the list can be kept on the phone for offline visits; and one house with its
/// occupants' names for the doorstep.
/// </summary>
public sealed class WorkerHouses(GridGovDb db, Caller caller)
{
    public const int MaxHouses = 2000;

    public async Task<MyHouses> MineAsync(CancellationToken ct)
    {
        var posts = WorkerPosts.Of(caller);
        var items = await Items().Where(x => posts.Contains(x.Item.WorkerArea))
            .OrderBy(x => x.BuildingName).ThenBy(x => x.House.BuildingId).ThenBy(x => x.House.Unit).ThenByDescending(x => x.House.Floor)
            .ThenBy(x => x.House.Number).Take(MaxHouses).ToListAsync(ct);
        var houses = await ToDtoAsync(items, ct);
        return new MyHouses(houses.Count, houses.Count(h => h.State is "pending" or "returned"), houses);
    }

    /// <summary>An item of the caller's as the house page shows it, or null (not theirs, or no such item: 404).</summary>
    public async Task<HouseForVerification?> OneAsync(long itemId, CancellationToken ct)
    {
        var posts = WorkerPosts.Of(caller);
        var row = await Items().Where(x => x.Item.Id == itemId && posts.Contains(x.Item.WorkerArea)).FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var house = (await ToDtoAsync([row], ct))[0];
        var occupants = await (from l in db.Residences.AsNoTracking()
                               join p in db.People.AsNoTracking() on l.PersonId equals p.Id
                               where l.HouseId == row.House.Id && l.To == null
                               orderby l.Relation, l.From
                               select new { l, p.Name, p.IdNumberMasked, p.DocumentMasked, p.PhoneMasked }).ToListAsync(ct);
        return new HouseForVerification(house, occupants.Select(o => new OccupantDto(o.l.Id, o.l.PersonId, o.Name, o.l.Relation.Wire(),
            PeopleLabels.Of(o.l.Relation), o.IdNumberMasked ?? o.DocumentMasked, o.PhoneMasked, o.l.From)).ToList());
    }

    // Set by member initialisation (not a constructor) so that EF can still order and filter by its members.
    private sealed class ItemRow
    {
        public required VerificationItem Item { get; init; }
        public required VerificationRound Round { get; init; }
        public required House House { get; init; }
        public required string BuildingName { get; init; }
    }

    private IQueryable<ItemRow> Items() =>
        from i in db.VerificationItems.AsNoTracking()
        join r in db.VerificationRounds.AsNoTracking() on i.RoundId equals r.Id
        join h in db.Houses.AsNoTracking() on i.HouseId equals h.Id
        join b in db.Buildings.AsNoTracking() on h.BuildingId equals b.Id
        where r.ClosedAt == null
        select new ItemRow { Item = i, Round = r, House = h, BuildingName = b.Name };

    private async Task<List<HouseToVerify>> ToDtoAsync(List<ItemRow> rows, CancellationToken ct)
    {
        var houseIds = rows.Select(r => r.House.Id).ToList();
        var occupants = (await (from l in db.Residences.AsNoTracking()
                                join p in db.People.AsNoTracking() on l.PersonId equals p.Id
                                where houseIds.Contains(l.HouseId) && l.To == null
                                orderby l.Relation, l.From
                                select new { l.Id, l.HouseId, l.PersonId, l.Relation, p.Name, p.PhoneMasked }).ToListAsync(ct))
            .ToLookup(o => o.HouseId);
        var returned = rows.Where(r => r.Item.State == VerificationState.Returned).Select(r => r.Item.Id).ToList();
        var notes = returned.Count == 0 ? [] : (await db.VerificationReports.AsNoTracking()
                .Where(x => returned.Contains(x.ItemId) && x.Decision == ReviewDecision.Rejected)
                .Select(x => new { x.ItemId, x.Id, x.DecisionNote }).ToListAsync(ct))
            .GroupBy(x => x.ItemId).ToDictionary(g => g.Key, g => g.OrderByDescending(x => x.Id).First().DecisionNote);
        return rows.Select(r => new HouseToVerify(r.Item.Id, r.Round.Id, r.Round.Name, r.Round.DueOn, r.House.Id, r.House.BuildingId,
            r.BuildingName, r.House.Unit, r.House.Floor, r.House.Number, r.House.Address, r.House.Use.Wire(), PeopleLabels.Of(r.House.Use),
            r.Item.State.Wire(), VerificationLabels.Of(r.Item.State), notes.GetValueOrDefault(r.Item.Id),
            occupants[r.House.Id].Select(o => new MaskedOccupant(o.Id, o.PersonId, MaskName(o.Name), o.Relation.Wire(),
                PeopleLabels.Of(o.Relation), o.PhoneMasked)).ToList())).ToList();
    }

    /// <summary>王秀英 → 王*英, 李四 → 李*: enough to recognise at the door, not to identify from a lost phone.</summary>
    public static string MaskName(string name) => name.Length switch
    {
        <= 1 => name,
        2 => name[..1] + "*",
        _ => name[..1] + new string('*', name.Length - 2) + name[^1..],
    };
}
