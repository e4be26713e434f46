using GridGov.Domain.Indicators;

namespace GridGov.Domain.Tests.Indicators;

public class DurationHistogramTests
{
    private static TimeSpan H(double hours) => TimeSpan.FromHours(hours);

    [Fact]
    public void Buckets_are_six_minutes_to_thirty_days_then_one_day()
    {
        Assert.Equal(0, DurationHistogram.BucketOf(TimeSpan.Zero));
        Assert.Equal(0, DurationHistogram.BucketOf(TimeSpan.FromMinutes(-30)));          // negative counts as 0
        Assert.Equal(0, DurationHistogram.BucketOf(TimeSpan.FromMinutes(6) - TimeSpan.FromTicks(1)));
        Assert.Equal(1, DurationHistogram.BucketOf(TimeSpan.FromMinutes(6)));
        Assert.Equal(3, DurationHistogram.BucketOf(H(0.3)));                              // whole ticks: no 0.3/0.1 = 2.999…
        Assert.Equal(7199, DurationHistogram.BucketOf(H(720) - TimeSpan.FromTicks(1)));
        Assert.Equal(7200, DurationHistogram.BucketOf(H(720)));                           // [720 h, 744 h)
        Assert.Equal(7200, DurationHistogram.BucketOf(H(743.9)));
        Assert.Equal(7201, DurationHistogram.BucketOf(H(744)));
        Assert.Equal(7200 + 335, DurationHistogram.BucketOf(TimeSpan.FromDays(365)));     // 365 − 30 = 335 days past

        Assert.Equal((H(0.1), H(0.2)), DurationHistogram.BoundsOf(1));
        Assert.Equal((H(744), H(768)), DurationHistogram.BoundsOf(7201));
        Assert.Equal(0.05, DurationHistogram.MidpointHours(0), 12);
        Assert.Equal(0.35, DurationHistogram.MidpointHours(3), 12);
        Assert.Equal(756.0, DurationHistogram.MidpointHours(7201));
        Assert.Equal(0.05, DurationHistogram.MaxErrorHours(719.99));
        Assert.Equal(12.0, DurationHistogram.MaxErrorHours(720));
    }

    [Fact]
    public void Quantiles_are_bucket_midpoints_of_the_nearest_rank()
    {
        // Hours 1.00, 1.02, 2.5, 2.5, 30, 800: exact median (rank 3) = 2.5, p90 (rank ⌈5.4⌉ = 6) = 800.
        var h = new DurationHistogram();
        foreach (var x in new[] { 30, 1.02, 2.5, 800, 1.00, 2.5 }) h.Add(H(x));
        Assert.Equal(6, h.Count);
        Assert.Equal(2.55, h.QuantileHours(0.5)!.Value, 9);   // bucket [2.5, 2.6): error 0.05 ≤ 0.05
        Assert.Equal(804.0, h.QuantileHours(0.9)!.Value, 9);  // bucket [792, 816): error 4 ≤ 12
        Assert.Equal(1.05, h.QuantileHours(0.1)!.Value, 9);   // rank 1 = 1.00, bucket [1.0, 1.1)
        Assert.Equal(new KeyValuePair<int, long>[] { new(10, 2), new(25, 2), new(300, 1), new(7203, 1) }, h.Buckets);
        Assert.Null(new DurationHistogram().QuantileHours(0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DurationHistogram().QuantileHours(0));
    }

    [Fact]
    public void Merge_is_a_sum_of_buckets()
    {
        var rng = new Random(7);
        var all = new DurationHistogram();
        var parts = new[] { new DurationHistogram(), new DurationHistogram(), new DurationHistogram() };
        var exact = new List<double>();
        for (var i = 0; i < 5000; i++)
        {
            var d = TimeSpan.FromMinutes(rng.Next(0, 60 * 24 * 60));
            exact.Add(d.TotalHours);
            all.Add(d);
            parts[rng.Next(parts.Length)].Add(d);
        }
        var merged = new DurationHistogram();
        foreach (var p in parts) merged.Merge(p);
        Assert.Equal(all.Buckets, merged.Buckets);
        foreach (var p in new[] { 0.01, 0.5, 0.9, 0.99, 1.0 })
        {
            var e = Percentiles.NearestRank(exact, p)!.Value;
            Assert.InRange(merged.QuantileHours(p)!.Value - e, -DurationHistogram.MaxErrorHours(e) - 1e-9, DurationHistogram.MaxErrorHours(e) + 1e-9);
        }
        Assert.Throws<ArgumentException>(() => merged.Merge(merged));
        Assert.Throws<ArgumentOutOfRangeException>(() => merged.AddToBucket(-1, 1));
    }
}
