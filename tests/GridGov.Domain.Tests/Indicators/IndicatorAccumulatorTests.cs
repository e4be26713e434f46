using System.Reflection;
using GridGov.Domain.Indicators;
using static GridGov.Domain.Tests.Indicators.Facts;

namespace GridGov.Domain.Tests.Indicators;

internal static class IndicatorAssert
{
    private static readonly PropertyInfo[] Exact = typeof(IndicatorSet).GetProperties()
        .Where(p => p.PropertyType == typeof(long) || p.PropertyType == typeof(DateTimeOffset)
            || (p.PropertyType == typeof(double?) && p.Name.EndsWith("Rate", StringComparison.Ordinal))
            || p.PropertyType == typeof(bool?))
        .ToArray();

    private static readonly PropertyInfo[] Durations = typeof(IndicatorSet).GetProperties()
        .Where(p => p.PropertyType == typeof(double?) && p.Name.Contains("Hours", StringComparison.Ordinal))
        .ToArray();

    /// <summary>Every count, rate, flag and breakdown equal; instants equal as instants.</summary>
    public static void SameCounts(IndicatorSet expected, IndicatorSet actual)
    {
        Assert.True(Exact.Length >= 27, "reflection found the counts and rates");
        foreach (var p in Exact) Assert.True(Equals(p.GetValue(expected), p.GetValue(actual)), $"{p.Name}: {p.GetValue(expected)} ≠ {p.GetValue(actual)}");
        Assert.Equal(expected.BySource.OrderBy(kv => kv.Key, StringComparer.Ordinal), actual.BySource.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        Assert.Equal(expected.ByStatus.OrderBy(kv => kv.Key, StringComparer.Ordinal), actual.ByStatus.OrderBy(kv => kv.Key, StringComparer.Ordinal));
    }

    /// <summary>Each approximate percentile within the histogram's stated bound of the exact one.</summary>
    public static void PercentilesWithinBound(IndicatorSet exact, IndicatorSet approx)
    {
        Assert.Equal(4, Durations.Length);
        foreach (var p in Durations)
        {
            var e = (double?)p.GetValue(exact);
            var a = (double?)p.GetValue(approx);
            Assert.Equal(e is null, a is null);
            if (e is null) continue;
            var bound = DurationHistogram.MaxErrorHours(e.Value) + 1e-9;
            Assert.True(Math.Abs(a!.Value - e.Value) <= bound, $"{p.Name}: {a} vs exact {e}, bound {bound}");
        }
    }
}

public class IndicatorAccumulatorTests
{
    private static readonly List<CaseFacts> Cases = RandomCases.Generate(10_000, seed: 20250301);
    private static readonly IndicatorSet Exact = CaseIndicators.Compute(Cases, March, April);

    [Fact]
    public void The_random_month_exercises_every_indicator()
    {
        var m = Exact;
        Assert.True(m.Reported > 2500 && m.Due > 2000 && m.Suspended > 50 && m.Reworked > 100 && m.Rated > 1000, m.ToString());
        Assert.True(m.RespondedWithin24h < m.ResponseDue && m.ClosedOnTime < m.Closed && m.OpenOverdue > 0, m.ToString());
        Assert.True(m.P90HoursToClose > 720, $"p90 {m.P90HoursToClose} h: some closures take more than 30 days, reaching the coarse buckets");
        Assert.True(m.MedianHoursToClose < 720, $"median {m.MedianHoursToClose} h in the fine buckets");

        // Invariants of the definitions.
        Assert.Equal(m.Assessed, m.Closed + m.OpenOverdue);
        Assert.True(m.HandledOnTime <= m.Assessed && m.Reworked <= m.Verified && m.Verified <= m.Assessed);
        Assert.True(m.Rated <= m.ClosedInPeriod && m.Satisfied <= m.Rated);
        Assert.Equal(m.Reported, m.BySource.Values.Sum());
        Assert.Equal(m.Reported, m.ByStatus.Values.Sum());
        foreach (var r in new[] { m.ResponseRate24h, m.OnTimeHandlingRate, m.ClosureRate, m.OnTimeClosureRate, m.ReworkRate, m.SatisfactionRate })
            Assert.InRange(r!.Value, 0, 1);
    }

    [Fact]
    public void Shards_of_the_same_period_merge_to_Compute()
    {
        // 10,000 cases dealt at random to 8 accumulators, merged in a random tree order.
        var rng = new Random(11);
        var shards = Enumerable.Range(0, 8).Select(_ => new IndicatorAccumulator(March, April)).ToList();
        foreach (var c in Cases) shards[rng.Next(shards.Count)].Add(c);
        while (shards.Count > 1)
        {
            var i = rng.Next(shards.Count);
            var a = shards[i];
            shards.RemoveAt(i);
            shards[rng.Next(shards.Count)].Merge(a);
        }
        var merged = shards[0].Result();

        IndicatorAssert.SameCounts(Exact, merged);
        IndicatorAssert.PercentilesWithinBound(Exact, merged);
    }

    [Fact]
    public void Days_and_areas_merge_to_the_month()
    {
        // One accumulator per (Beijing day, area), as a database would pre-aggregate them: each case is offered to
        // every day of its area and contributes only where its instants fall. Sum areas per day, then chain the days.
        var byArea = Cases.GroupBy(c => c.AreaCode).ToList();
        IndicatorAccumulator? month = null;
        for (var day = March; day < April; day = day.AddDays(1))
        {
            var dayAcc = new IndicatorAccumulator(day, day.AddDays(1));
            foreach (var area in byArea)
            {
                var cell = new IndicatorAccumulator(day, day.AddDays(1));
                cell.AddRange(area);
                dayAcc.Merge(cell);
            }
            if (month is null) month = dayAcc;
            else month.Merge(dayAcc);
        }
        var result = month!.Result();

        Assert.Equal(March, result.PeriodStart);
        Assert.Equal(April, result.PeriodEnd);
        IndicatorAssert.SameCounts(Exact, result);
        IndicatorAssert.PercentilesWithinBound(Exact, result);
    }

    [Fact]
    public void Adjacent_periods_merge_in_either_order_overlaps_are_refused()
    {
        var mid = T(3, 16, 0);
        var first = new IndicatorAccumulator(March, mid);
        var second = new IndicatorAccumulator(mid, April);
        first.AddRange(Cases);
        second.AddRange(Cases);
        second.Merge(first); // the earlier half into the later one
        IndicatorAssert.SameCounts(Exact, second.Result());

        var a = new IndicatorAccumulator(March, mid);
        Assert.Throws<ArgumentException>(() => a.Merge(new IndicatorAccumulator(T(3, 10, 0), April)));   // overlap
        Assert.Throws<ArgumentException>(() => a.Merge(new IndicatorAccumulator(T(3, 17, 0), April)));   // gap
        Assert.Throws<ArgumentException>(() => a.Merge(a));
        Assert.Throws<ArgumentException>(() => new IndicatorAccumulator(April, March));
    }

    [Fact]
    public void A_period_extended_over_a_gap_in_which_its_cases_have_no_instant_keeps_exact_counts()
    {
        var (gapStart, gapEnd) = (T(3, 16, 0), T(3, 16, 10)); // as a row built to 16:00 read at 16:10 for a quiet area
        bool Quiet(CaseFacts c)
        {
            var gap = new IndicatorAccumulator(gapStart, gapEnd);
            gap.Add(c);
            var r = gap.Result();
            return r.Reported + r.Registered + r.ResponseDue + r.RespondedInPeriod + r.Due + r.ClosedInPeriod == 0;
        }
        var quiet = Cases.Where(Quiet).ToList();
        Assert.True(quiet.Count > 9_000 && quiet.Count < Cases.Count, $"{quiet.Count} of {Cases.Count} quiet in the gap");

        var row = new IndicatorAccumulator(March, gapStart);
        row.AddRange(quiet);
        row.ExtendTo(gapEnd);
        var rest = new IndicatorAccumulator(gapEnd, April);
        rest.AddRange(quiet);
        row.Merge(rest); // adjacent only after the extension
        IndicatorAssert.SameCounts(CaseIndicators.Compute(quiet, March, April), row.Result());

        var a = new IndicatorAccumulator(March, gapEnd);
        Assert.Throws<ArgumentException>(() => a.ExtendTo(gapStart)); // shortening would drop counted instants
    }

    [Fact]
    public void Stored_state_restores_the_same_result()
    {
        var acc = new IndicatorAccumulator(March, April);
        acc.AddRange(Cases);
        var stored = acc.Result();

        // What a database row would hold: the counts and the non-empty buckets.
        var respond = new DurationHistogram();
        foreach (var (bucket, count) in acc.HoursToRespond.Buckets) respond.AddToBucket(bucket, count);
        var close = new DurationHistogram();
        foreach (var (bucket, count) in acc.HoursToClose.Buckets) close.AddToBucket(bucket, count);

        var restored = IndicatorAccumulator.Restore(stored, respond, close).Result();
        IndicatorAssert.SameCounts(stored, restored);
        Assert.Equal(stored.MedianHoursToRespond, restored.MedianHoursToRespond);
        Assert.Equal(stored.P90HoursToClose, restored.P90HoursToClose);

        Assert.Throws<ArgumentException>(() => IndicatorAccumulator.Restore(stored, new DurationHistogram(), close));
    }

    [Fact]
    public void Hand_scenario_by_day_equals_the_month()
    {
        // The small hand-computed case set of CaseIndicatorsTests, summed from daily accumulators.
        var cases = new[]
        {
            Case(1, "patrol", "closed", T(3, 2, 9), registered: T(3, 2, 9, 30), responded: T(3, 2, 10, 30), due: T(3, 4, 9, 30),
                feedback: T(3, 3, 16), closed: T(3, 3, 17, 30), rating: 5),
            Case(3, "hotline", "closed", T(3, 10, 10), registered: T(3, 10, 10), responded: T(3, 11, 12), due: T(3, 12, 10),
                feedback: T(3, 13, 9), closed: T(3, 13, 10), rating: 2),
            Case(5, "resident", "suspended", T(3, 6, 9), registered: T(3, 6, 10), responded: T(3, 6, 11), due: T(3, 9, 10), suspended: true),
        };
        IndicatorAccumulator? month = null;
        for (var day = March; day < April; day = day.AddDays(1))
        {
            var d = new IndicatorAccumulator(day, day.AddDays(1));
            d.AddRange(cases);
            if (month is null) month = d; else month.Merge(d);
        }
        var m = month!.Result();
        // Due C1 C3 C5; suspended C5; closed C1 C3; on time C1 → 结案率 2/2, 按期结案率 1/2.
        Assert.Equal(3, m.Due);
        Assert.Equal(1.0, m.ClosureRate);
        Assert.Equal(0.5, m.OnTimeClosureRate);
        // Closing times 32 h and 72 h: histogram midpoints 32.05 and 72.05 (exact values sit on bucket lower bounds).
        Assert.Equal(32.05, m.MedianHoursToClose!.Value, 9);
        Assert.Equal(72.05, m.P90HoursToClose!.Value, 9);
    }
}
