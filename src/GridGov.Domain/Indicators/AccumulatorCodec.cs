using System.Text.Json;

namespace GridGov.Domain.Indicators;

/// <summary>
/// Stores an accumulator as compact JSON (counts, by-source, by-status, sparse histograms) so pre-aggregated rows
/// can live in a database column and be restored and merged later.
/// </summary>
public static class AccumulatorCodec
{
    private sealed record Stored(
        DateTimeOffset S, DateTimeOffset E, long[] N, Dictionary<string, long> Src, Dictionary<string, long> St, long[][] R, long[][] C);

    public static string Write(IndicatorAccumulator acc)
    {
        var r = acc.Result();
        long[] n =
        [
            r.Reported, r.Rejected, r.Merged, r.Registered, r.ResponseDue, r.RespondedWithin24h, r.RespondedInPeriod, r.Due,
            r.Suspended, r.Closed, r.ClosedOnTime, r.HandledOnTime, r.OpenOverdue, r.Verified, r.Reworked, r.ClosedInPeriod,
            r.Rated, r.Satisfied,
        ];
        static long[][] H(DurationHistogram h) => h.Buckets.Select(kv => new[] { (long)kv.Key, kv.Value }).ToArray();
        return JsonSerializer.Serialize(new Stored(r.PeriodStart, r.PeriodEnd, n,
            r.BySource.ToDictionary(), r.ByStatus.ToDictionary(), H(acc.HoursToRespond), H(acc.HoursToClose)));
    }

    public static IndicatorAccumulator Read(string json)
    {
        var s = JsonSerializer.Deserialize<Stored>(json) ?? throw new FormatException("empty accumulator");
        var set = new IndicatorSet
        {
            PeriodStart = s.S, PeriodEnd = s.E,
            Reported = s.N[0], Rejected = s.N[1], Merged = s.N[2], Registered = s.N[3], ResponseDue = s.N[4],
            RespondedWithin24h = s.N[5], RespondedInPeriod = s.N[6], Due = s.N[7], Suspended = s.N[8], Closed = s.N[9],
            ClosedOnTime = s.N[10], HandledOnTime = s.N[11], OpenOverdue = s.N[12], Verified = s.N[13], Reworked = s.N[14],
            ClosedInPeriod = s.N[15], Rated = s.N[16], Satisfied = s.N[17], BySource = s.Src, ByStatus = s.St,
        };
        static DurationHistogram H(long[][] buckets)
        {
            var h = new DurationHistogram();
            foreach (var b in buckets) h.AddToBucket((int)b[0], b[1]);
            return h;
        }
        return IndicatorAccumulator.Restore(set, H(s.R), H(s.C));
    }
}
