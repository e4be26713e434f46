using System.Collections.Concurrent;
using GridGov.Data;
using GridGov.Domain.Indicators;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Indicators;

/// <summary>
/// Decoded daily rows, kept per process and checked against the row's updated_at on every use: a query reads only
/// (area, day, updated_at) of its rows, then fetches and decodes just the payloads it does not hold or that were rebuilt
/// since. Past days rarely change, so a 365-day query stops moving and parsing 365 JSON payloads (tens of kB each)
/// every time. Cached accumulators are only ever merged from, never into. Bounded: emptied when it would exceed
/// <see cref="MaxEntries"/>.
/// </summary>
public static class DailyRowCache
{
    public const int MaxEntries = 100_000;

    private static readonly ConcurrentDictionary<(string Db, string Area, string Day), (DateTime UpdatedAt, IndicatorAccumulator Row)> Rows = new();

    public static async Task<List<(string Day, IndicatorAccumulator Row)>> ReadAsync(GridGovDb db, List<string> keys, string first, string last, CancellationToken ct)
    {
        var source = db.Database.GetConnectionString() ?? "";
        var stamps = await db.CaseStatsDaily.AsNoTracking()
            .Where(r => keys.Contains(r.AreaCode) && string.Compare(r.Day, first) >= 0 && string.Compare(r.Day, last) < 0)
            .Select(r => new { r.AreaCode, r.Day, r.UpdatedAt }).ToListAsync(ct);
        var result = new List<(string Day, IndicatorAccumulator Row)>(stamps.Count);
        var missing = new HashSet<(string Area, string Day)>();
        foreach (var s in stamps)
            if (Rows.TryGetValue((source, s.AreaCode, s.Day), out var hit) && hit.UpdatedAt == s.UpdatedAt) result.Add((s.Day, hit.Row));
            else missing.Add((s.AreaCode, s.Day));
        if (missing.Count == 0) return result;

        if (Rows.Count + missing.Count > MaxEntries) Rows.Clear();
        var areas = missing.Select(m => m.Area).Distinct().ToList();
        var days = missing.Select(m => m.Day).Distinct().ToList();
        var fetched = await db.CaseStatsDaily.AsNoTracking().Where(r => areas.Contains(r.AreaCode) && days.Contains(r.Day))
            .Select(r => new { r.AreaCode, r.Day, r.UpdatedAt, r.Payload }).ToListAsync(ct);
        foreach (var f in fetched)
        {
            if (!missing.Contains((f.AreaCode, f.Day))) continue;
            // Stored with the updated_at read along with the payload: a row rebuilt meanwhile is simply fetched again next time.
            var row = AccumulatorCodec.Read(f.Payload);
            Rows[(source, f.AreaCode, f.Day)] = (f.UpdatedAt, row);
            result.Add((f.Day, row));
        }
        return result;
    }
}
