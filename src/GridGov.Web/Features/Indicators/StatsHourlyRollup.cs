using System.Globalization;
using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Data.Indicators;
using GridGov.Domain.Areas;
using GridGov.Domain.Indicators;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Indicators;

/// <summary>
/// Keeps case_stats_hourly fresh for today up to the last 10-minute mark, so an indicator query computes only the last
/// few minutes from the cases: the daily rows cover past days, these rows today up to the "through" instant (one row
/// per area and hour; the current hour's row covers [hour, through)). Each pass rebuilds every hour of today of the
/// communities that (a) were marked dirty (a case with an instant today changed) or (b) hold a case with an instant in
/// the slices completed since the last pass (a deadline passing writes nothing), then their streets and districts by
/// merging. A row left from an earlier pass ends before "through": nothing happened in its area since it was built,
/// so it is read as ending at "through" (<see cref="IndicatorAccumulator.ExtendTo"/>). Like the daily rows,
/// rebuilding is idempotent, so several nodes may run it at once.
/// </summary>
public sealed class StatsHourlyRollup(GridGovDb db, TimeProvider time)
{
    public async Task<int> RebuildAsync(bool everything, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = StatsDays.Day(now.UtcDateTime);
        var todayStart = StatsDays.StartOffset(today);
        var completed = StatsDays.SliceStart(now);
        // One pass at a time across nodes, in one transaction: a pass must not overwrite rows that a pass further on wrote
        // (a row ending too early would be read as quiet to "through"), and readers see one pass's rows and through together.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await HourlyRollupSql.TryLockPassAsync(db, ct)) return 0; // another node is running the pass
        var through = await ThroughAsync(db, ct);
        if (!everything && through > completed) return 0; // another node's clock is further on: it keeps the rows

        var marks = await db.CaseStatsHourDirty.AsNoTracking().Where(d => d.Day == today).OrderBy(d => d.Id).Take(20_000).ToListAsync(ct);
        var communities = marks.Select(m => m.AreaCode).ToHashSet();
        var since = everything || through is null || through < todayStart ? todayStart : through.Value;
        // One slice further back than the last pass reached: a case written with an earlier instant but committed after
        // that pass read its slice (a report queued while the slice closed) is found now. New reports write no hourly
        // marker, so this is how a late one gets into the rows.
        var scanFrom = since - StatsDays.Slice < todayStart ? todayStart : since - StatsDays.Slice;
        if (completed > since) communities.UnionWith(await TouchedCommunitiesAsync(scanFrom, completed, ct));

        if (completed > todayStart)
        {
            // One read of today's facts per 200 communities (one range scan per instant column), not one per community.
            foreach (var chunk in communities.Order(StringComparer.Ordinal).Chunk(200)) await RebuildCommunitiesAsync(chunk, todayStart, completed, ct);
            foreach (var street in communities.Select(c => c[..AreaCode.StreetLength]).Distinct())
                await RebuildParentAsync(street, AreaCode.CommunityLength, todayStart, completed, ct);
            foreach (var district in communities.Select(c => c[..AreaCode.DistrictLength]).Distinct())
                await RebuildParentAsync(district, AreaCode.StreetLength, todayStart, completed, ct);
        }

        var ids = marks.Select(m => m.Id).ToList();
        foreach (var chunk in ids.Chunk(5000)) await db.CaseStatsHourDirty.Where(d => chunk.Contains(d.Id)).ExecuteDeleteAsync(ct);
        await db.CaseStatsHourDirty.Where(d => string.Compare(d.Day, today) < 0).ExecuteDeleteAsync(ct);
        var firstHour = StatsDays.Hour(todayStart.UtcDateTime);
        await db.CaseStatsHourly.Where(r => r.AreaCode != CaseStatsHourly.ThroughArea && string.Compare(r.Hour, firstHour) < 0).ExecuteDeleteAsync(ct);
        if (through is null || completed > through || everything) await Put(CaseStatsHourly.ThroughArea, CaseStatsHourly.ThroughHour, completed.ToString("O", CultureInfo.InvariantCulture), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return communities.Count;
    }

    /// <summary>Up to when today's hourly rows are built (null: never, or not today).</summary>
    public static async Task<DateTimeOffset?> ThroughAsync(GridGovDb db, CancellationToken ct)
    {
        var row = await db.CaseStatsHourly.AsNoTracking()
            .Where(r => r.AreaCode == CaseStatsHourly.ThroughArea && r.Hour == CaseStatsHourly.ThroughHour).Select(r => r.Payload).FirstOrDefaultAsync(ct);
        return row is null ? null : DateTimeOffset.Parse(row, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
    }

    /// <summary>Communities holding a case with an indicator instant in [from, to): one index range scan per instant column.</summary>
    private async Task<HashSet<string>> TouchedCommunitiesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var (f, t) = (from.UtcDateTime, to.UtcDateTime);
        var (rf, rt) = (f.AddDays(-1), t.AddDays(-1)); // the 24-hour response mark
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var q = db.Cases.AsNoTracking();
        codes.UnionWith(await q.Where(c => c.ReportedAt >= f && c.ReportedAt < t).Select(c => c.AreaCode).Distinct().ToListAsync(ct));
        codes.UnionWith(await q.Where(c => (c.RegisteredAt >= f && c.RegisteredAt < t) || (c.RegisteredAt >= rf && c.RegisteredAt < rt)).Select(c => c.AreaCode).Distinct().ToListAsync(ct));
        codes.UnionWith(await q.Where(c => c.RespondedAt >= f && c.RespondedAt < t).Select(c => c.AreaCode).Distinct().ToListAsync(ct));
        // A handled instant counts only for a case due in the period, which the deadline or closing range finds (as in Facts).
        codes.UnionWith(await q.Where(c => c.ResolveDueAt >= f && c.ResolveDueAt < t).Select(c => c.AreaCode).Distinct().ToListAsync(ct));
        codes.UnionWith(await q.Where(c => c.ClosedAt >= f && c.ClosedAt < t).Select(c => c.AreaCode).Distinct().ToListAsync(ct));
        return codes.Select(c => AreaCode.Truncate(c, AreaCode.CommunityLength)).OfType<string>().ToHashSet();
    }

    private async Task RebuildCommunitiesAsync(string[] communities, DateTimeOffset todayStart, DateTimeOffset completed, CancellationToken ct)
    {
        var facts = await IndicatorEndpoints.Facts(db, communities, null, null, todayStart.UtcDateTime, completed.UtcDateTime, ct);
        var byCommunity = facts.ToLookup(f => AreaCode.Truncate(f.Facts.AreaCode, AreaCode.CommunityLength));
        foreach (var community in communities)
        {
            var hours = new SortedDictionary<DateTimeOffset, IndicatorAccumulator>();
            foreach (var (fact, _) in byCommunity[community])
                foreach (var hour in Instants(fact).Where(i => i >= todayStart && i < completed).Select(StatsDays.HourStart).Distinct())
                {
                    if (!hours.TryGetValue(hour, out var acc)) hours[hour] = acc = new IndicatorAccumulator(hour, HourEnd(hour, completed));
                    acc.Add(fact);
                }
            await ReplaceAsync(community, todayStart, hours, ct);
        }
    }

    private async Task RebuildParentAsync(string parent, int childLength, DateTimeOffset todayStart, DateTimeOffset completed, CancellationToken ct)
    {
        var (first, last) = (StatsDays.Hour(todayStart.UtcDateTime), StatsDays.HourBefore(completed));
        var upper = AreaCode.UpperBound(parent)!;
        var children = await db.CaseStatsHourly.AsNoTracking()
            .Where(r => r.AreaCode.Length == childLength && string.Compare(r.AreaCode, parent) > 0 && string.Compare(r.AreaCode, upper) < 0
                        && string.Compare(r.Hour, first) >= 0 && string.Compare(r.Hour, last) <= 0)
            .Select(r => new { r.Hour, r.Payload }).ToListAsync(ct);
        var hours = new SortedDictionary<DateTimeOffset, IndicatorAccumulator>();
        foreach (var child in children)
        {
            var acc = AccumulatorCodec.Read(child.Payload);
            if (!AlignTo(acc, completed)) return; // a child built by a node further on than this one: that node rebuilds the parent
            if (hours.TryGetValue(acc.PeriodStart, out var sum)) sum.Merge(acc); else hours[acc.PeriodStart] = acc;
        }
        await ReplaceAsync(parent, todayStart, hours, ct);
    }

    /// <summary>The end of an hour's row built up to <paramref name="through"/>: the hour's end, or through inside the current hour.</summary>
    public static DateTimeOffset HourEnd(DateTimeOffset hour, DateTimeOffset through) => hour.AddHours(1) < through ? hour.AddHours(1) : through;

    /// <summary>
    /// Reads an hour's row as reaching <paramref name="through"/> (or its hour's end): a row left from an earlier pass is of
    /// an area quiet since it was built. False for a row built further on than that (a pass still writing on another node).
    /// </summary>
    public static bool AlignTo(IndicatorAccumulator row, DateTimeOffset through)
    {
        var end = HourEnd(row.PeriodStart, through);
        if (row.PeriodEnd > end) return false;
        row.ExtendTo(end);
        return true;
    }

    /// <summary>The area's rows for today become exactly these hours (an hour that lost its last case loses its row).</summary>
    private async Task ReplaceAsync(string area, DateTimeOffset todayStart, SortedDictionary<DateTimeOffset, IndicatorAccumulator> hours, CancellationToken ct)
    {
        var first = StatsDays.Hour(todayStart.UtcDateTime);
        var existing = await db.CaseStatsHourly.Where(r => r.AreaCode == area && string.Compare(r.Hour, first) >= 0).ToListAsync(ct);
        var byHour = existing.ToDictionary(r => r.Hour);
        foreach (var (start, acc) in hours)
        {
            var key = StatsDays.Hour(start.UtcDateTime);
            var payload = AccumulatorCodec.Write(acc);
            if (byHour.Remove(key, out var row)) { row.Payload = payload; row.UpdatedAt = DateTime.UtcNow; }
            else db.CaseStatsHourly.Add(new CaseStatsHourly { AreaCode = area, Hour = key, Payload = payload, UpdatedAt = DateTime.UtcNow });
        }
        db.CaseStatsHourly.RemoveRange(byHour.Values);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private async Task Put(string area, string hour, string payload, CancellationToken ct)
    {
        var row = await db.CaseStatsHourly.FirstOrDefaultAsync(r => r.AreaCode == area && r.Hour == hour, ct);
        if (row is null) db.CaseStatsHourly.Add(new CaseStatsHourly { AreaCode = area, Hour = hour, Payload = payload, UpdatedAt = DateTime.UtcNow });
        else { row.Payload = payload; row.UpdatedAt = DateTime.UtcNow; }
    }

    private static IEnumerable<DateTimeOffset> Instants(CaseFacts f)
    {
        yield return f.ReportedAt;
        if (f.RegisteredAt is { } reg) { yield return reg; yield return reg.AddHours(24); }
        if (f.RespondedAt is { } resp) yield return resp;
        if (f.FeedbackAt is { } fb) yield return fb;
        if (f.ResolveDueAt is { } due) yield return due;
        if (f.ClosedAt is { } closed) yield return closed;
    }
}
