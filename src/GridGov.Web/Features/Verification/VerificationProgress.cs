using GridGov.Data;
using GridGov.Domain.Areas;
using GridGov.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Verification;

/// <summary>
/// 核验率 and overdue houses of rounds in an area and in each area one level below it, read from the tallies (a few
/// rows per grid) rather than the items: for a district in a round over a million houses this sums some thousands of
/// rows. The caller has checked that the area is theirs; the dashboard uses this too.
/// </summary>
public sealed class VerificationProgress(GridGovDb db)
{
    /// <summary>Progress of the given rounds (their houses inside <paramref name="area"/>), or null when the area does not exist.</summary>
    public async Task<(AreaProgress Area, IReadOnlyList<AreaProgress> Children)?> ComputeAsync(string area, IReadOnlyList<(long Id, DateOnly DueOn)> rounds,
        DateOnly today, CancellationToken ct)
    {
        var self = await db.Areas.AsNoTracking().Where(a => a.Code == area).Select(a => a.Name).FirstOrDefaultAsync(ct);
        if (self is null) return null;
        var childLength = ChildLength(area);
        var ids = rounds.Select(r => r.Id).ToList();
        var rows = await db.VerificationTallies.AsNoTracking()
            .Where(t => ids.Contains(t.RoundId)).WithinAny(t => t.AreaCode, [area])
            .GroupBy(t => new { t.RoundId, Code = t.AreaCode.Substring(0, childLength), t.State })
            .Select(g => new Row(g.Key.RoundId, g.Key.Code, g.Key.State, g.Sum(x => x.Houses)))
            .ToListAsync(ct);
        var overdueRounds = rounds.Where(r => VerificationRounds.IsOverdue(r.DueOn, today)).Select(r => r.Id).ToHashSet();

        var codes = rows.Select(r => r.Code).Distinct().ToList();
        var names = await db.Areas.AsNoTracking().Where(a => codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Name, ct);
        var children = childLength == area.Length ? [] : rows.GroupBy(r => r.Code)
            .Select(g => Sum(g.Key, names.GetValueOrDefault(g.Key) ?? g.Key, g, overdueRounds))
            .OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
        return (Sum(area, self, rows, overdueRounds), children);
    }

    /// <summary>The open rounds whose houses lie in <paramref name="area"/> (over it, or inside it).</summary>
    public async Task<IReadOnlyList<(long Id, DateOnly DueOn)>> OpenRoundsAsync(string area, CancellationToken ct)
    {
        var above = RoundRows.Ancestors(area).Append(area).ToList();
        var rounds = await db.VerificationRounds.AsNoTracking().Where(r => r.ClosedAt == null)
            .Where(CodeScope.Predicate<Data.Entities.VerificationRound>(r => r.AreaCode, [area]).Or(r => above.Contains(r.AreaCode)))
            .Select(r => new { r.Id, r.DueOn }).ToListAsync(ct);
        return rounds.Select(r => (r.Id, r.DueOn)).ToList();
    }

    /// <summary>The code length one level down (district → streets … grid → micro-grids); a micro-grid is its own bottom.</summary>
    public static int ChildLength(string area) => area.Length switch
    {
        AreaCode.CityLength => AreaCode.DistrictLength,
        AreaCode.DistrictLength => AreaCode.StreetLength,
        AreaCode.StreetLength => AreaCode.CommunityLength,
        AreaCode.CommunityLength => AreaCode.GridLength,
        _ => AreaCode.MicroGridLength,
    };

    private sealed record Row(long RoundId, string Code, VerificationState State, int Houses);

    private static AreaProgress Sum(string code, string name, IEnumerable<Row> rows, HashSet<long> overdueRounds)
    {
        var list = rows.ToList();
        long Count(VerificationState s) => list.Where(r => r.State == s).Sum(r => (long)r.Houses);
        var houses = list.Sum(r => (long)r.Houses);
        var verified = Count(VerificationState.Verified);
        var overdue = list.Where(r => overdueRounds.Contains(r.RoundId) && r.State != VerificationState.Verified).Sum(r => (long)r.Houses);
        return new AreaProgress(code, name, houses, verified, Count(VerificationState.Submitted), Count(VerificationState.Returned),
            Count(VerificationState.Pending), VerificationRounds.Rate(verified, houses), overdue);
    }
}
