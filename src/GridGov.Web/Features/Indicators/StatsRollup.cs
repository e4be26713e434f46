using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Domain.Areas;
using GridGov.Domain.Indicators;
using GridGov.Web.Features.Cases;
using GridGov.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Indicators;

/// <summary>
/// Keeps case_stats_daily fresh: writes that touch a case mark the (community, day) rows of its instants dirty
/// (before and after the change), and <see cref="RebuildAsync"/> recomputes those community rows from the cases,
/// then their street and district rows by merging children. Rebuilding a row twice gives the same row, so several
/// nodes may run it at once.
/// </summary>
public sealed class StatsRollup(GridGovDb db, TimeProvider time)
{
    /// <summary>The case engine's in-transaction event: the rows of the case's days (before and after) are stale.</summary>
    public sealed class OnCaseSaving : IEventHandler<CaseSaving>
    {
        public Task HandleAsync(CaseSaving e, CancellationToken ct)
        {
            MarkDirty(e.Db, e.Case, e.Before is null ? null : StatsDays.Of(e.Before).ToList());
            return Task.CompletedTask;
        }
    }

    public static void MarkDirty(GridGovDb db, Case c, IEnumerable<string>? daysBefore = null)
    {
        var community = AreaCode.Truncate(c.AreaCode, AreaCode.CommunityLength);
        if (community is null) return; // the city's unassigned queue has no community row; it is computed live
        var today = StatsDays.Day(DateTime.UtcNow);
        foreach (var day in StatsDays.Of(c).Concat(daysBefore ?? []).Distinct())
        {
            db.CaseStatsDirty.Add(new CaseStatsDirty { AreaCode = community, Day = day });
            // An instant today (before or after the change): today's hourly rows of the community are stale too.
            if (day == today) db.CaseStatsHourDirty.Add(new CaseStatsHourDirty { AreaCode = community, Day = today });
        }
    }

    public async Task<int> RebuildAsync(CancellationToken ct)
    {
        var today = StatsDays.Day(time.GetUtcNow().UtcDateTime);
        var dirty = await db.CaseStatsDirty.AsNoTracking().Where(d => string.Compare(d.Day, today) < 0)
            .OrderBy(d => d.Id).Take(20_000).ToListAsync(ct);
        if (dirty.Count == 0) return 0;
        var maxId = dirty.Max(d => d.Id);
        var pairs = dirty.Select(d => (d.AreaCode, d.Day)).Distinct().ToList();
        foreach (var community in pairs.GroupBy(p => p.AreaCode))
            await RebuildCommunityAsync(community.Key, community.Select(p => p.Day).ToHashSet(), ct);
        foreach (var (street, day) in pairs.Select(p => (p.AreaCode[..AreaCode.StreetLength], p.Day)).Distinct())
            await RebuildParentAsync(street, day, AreaCode.CommunityLength, ct);
        foreach (var (district, day) in pairs.Select(p => (p.AreaCode[..AreaCode.DistrictLength], p.Day)).Distinct())
            await RebuildParentAsync(district, day, AreaCode.StreetLength, ct);
        await db.CaseStatsDirty.Where(d => d.Id <= maxId && string.Compare(d.Day, today) < 0).ExecuteDeleteAsync(ct);
        return pairs.Count;
    }

    /// <summary>Rebuilds every past day of every community from scratch (after an import or for benchmarks).</summary>
    public async Task<int> RebuildAllAsync(CancellationToken ct)
    {
        var today = StatsDays.Day(time.GetUtcNow().UtcDateTime);
        var started = DateTime.UtcNow;
        var communities = await db.Cases.AsNoTracking().Select(c => c.AreaCode.Substring(0, AreaCode.CommunityLength)).Distinct().ToListAsync(ct);
        var rows = 0;
        foreach (var community in communities.Where(c => c.Length == AreaCode.CommunityLength))
        {
            var days = await DaysWithCases(community, ct);
            days.RemoveWhere(d => string.CompareOrdinal(d, today) >= 0);
            await RebuildCommunityAsync(community, days, ct);
            rows += days.Count;
        }
        // Rows this rebuild did not write are stale (their cases moved away or were removed): communities' first, so that
        // no parent sums them, then the parents that no child row feeds any more.
        await db.CaseStatsDaily.Where(r => r.AreaCode.Length == AreaCode.CommunityLength && string.Compare(r.Day, today) < 0 && r.UpdatedAt < started)
            .ExecuteDeleteAsync(ct);
        var written = await db.CaseStatsDaily.AsNoTracking().Where(r => r.AreaCode.Length == AreaCode.CommunityLength)
            .Select(r => new { r.AreaCode, r.Day }).ToListAsync(ct);
        foreach (var (street, day) in written.Select(r => (r.AreaCode[..AreaCode.StreetLength], r.Day)).Distinct())
            await RebuildParentAsync(street, day, AreaCode.CommunityLength, ct);
        foreach (var (district, day) in written.Select(r => (r.AreaCode[..AreaCode.DistrictLength], r.Day)).Distinct())
            await RebuildParentAsync(district, day, AreaCode.StreetLength, ct);
        await db.CaseStatsDaily.Where(r => r.AreaCode.Length < AreaCode.CommunityLength && string.Compare(r.Day, today) < 0 && r.UpdatedAt < started)
            .ExecuteDeleteAsync(ct); // the parents no child row feeds any more
        await new StatsHourlyRollup(db, time).RebuildAsync(everything: true, ct);
        return rows;
    }

    private async Task<HashSet<string>> DaysWithCases(string community, CancellationToken ct)
    {
        var cases = await db.Cases.AsNoTracking().WithinAny(c => c.AreaCode, [community]).ToListAsync(ct);
        return cases.SelectMany(StatsDays.Of).ToHashSet();
    }

    private async Task RebuildCommunityAsync(string community, HashSet<string> days, CancellationToken ct)
    {
        if (days.Count == 0) return;
        var ordered = days.Order(StringComparer.Ordinal).ToList();
        var from = StatsDays.StartUtc(ordered[0]);
        var to = StatsDays.StartUtc(ordered[^1]).AddDays(1);
        var facts = await IndicatorEndpoints.Facts(db, [community], null, null, from, to, ct);
        var accumulators = ordered.ToDictionary(d => d, d => new IndicatorAccumulator(StatsDays.StartOffset(d), StatsDays.StartOffset(d).AddDays(1)));
        foreach (var (fact, caseDays) in facts)
            foreach (var d in caseDays)
                if (accumulators.TryGetValue(d, out var acc)) acc.Add(fact);
        foreach (var (day, acc) in accumulators) await Upsert(community, day, acc, ct);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private async Task RebuildParentAsync(string parent, string day, int childLength, CancellationToken ct)
    {
        var upper = AreaCode.UpperBound(parent)!;
        var children = await db.CaseStatsDaily.AsNoTracking()
            .Where(r => r.Day == day && r.AreaCode.Length == childLength && string.Compare(r.AreaCode, parent) > 0 && string.Compare(r.AreaCode, upper) < 0)
            .Select(r => r.Payload).ToListAsync(ct);
        var acc = new IndicatorAccumulator(StatsDays.StartOffset(day), StatsDays.StartOffset(day).AddDays(1));
        foreach (var payload in children) acc.Merge(AccumulatorCodec.Read(payload));
        await Upsert(parent, day, acc, ct);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private async Task Upsert(string area, string day, IndicatorAccumulator acc, CancellationToken ct)
    {
        var payload = AccumulatorCodec.Write(acc);
        var row = await db.CaseStatsDaily.FirstOrDefaultAsync(r => r.AreaCode == area && r.Day == day, ct);
        if (row is null) db.CaseStatsDaily.Add(new CaseStatsDaily { AreaCode = area, Day = day, Payload = payload, UpdatedAt = DateTime.UtcNow });
        else { row.Payload = payload; row.UpdatedAt = DateTime.UtcNow; }
    }
}
