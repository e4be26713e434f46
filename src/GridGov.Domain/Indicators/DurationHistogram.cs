namespace GridGov.Domain.Indicators;

/// <summary>
/// A compact, mergeable histogram of durations for approximate nearest-rank percentiles. Buckets are 0.1 h (6 min)
/// wide from 0 to 30 days (720 h: buckets 0–7199), then 1 day wide beyond (bucket 7200 + whole days past 720 h).
/// Negative durations count as 0. Storage is sparse (only non-empty buckets).
/// </summary>
/// <remarks>
/// A percentile is the midpoint of the bucket holding the value of the nearest rank. Bucketing keeps the order of the
/// values, so that bucket is exactly the one holding the exact nearest-rank value, and the error is at most half a
/// bucket: <b>≤ 0.05 h (3 min) when the exact value is below 720 h, ≤ 12 h at or above</b> (see
/// <see cref="MaxErrorHours"/>). Bucket boundaries are whole ticks, so there is no floating-point rounding in the
/// bucketing.
/// </remarks>
public sealed class DurationHistogram
{
    public static readonly TimeSpan FineWidth = TimeSpan.FromMinutes(6);
    public static readonly TimeSpan FineRange = TimeSpan.FromDays(30);
    public static readonly TimeSpan CoarseWidth = TimeSpan.FromDays(1);

    /// <summary>Number of fine buckets: 720 h / 0.1 h.</summary>
    public const int FineBuckets = 7200;

    private readonly Dictionary<int, long> counts = [];

    /// <summary>Number of durations added.</summary>
    public long Count { get; private set; }

    public void Add(TimeSpan duration) => AddToBucket(BucketOf(duration), 1);

    /// <summary>Adds <paramref name="count"/> durations to one bucket (to rebuild a stored histogram).</summary>
    public void AddToBucket(int bucket, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bucket);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0) return;
        counts[bucket] = counts.GetValueOrDefault(bucket) + count;
        Count += count;
    }

    /// <summary>Adds every duration of <paramref name="other"/> (a sum of bucket counts).</summary>
    public void Merge(DurationHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this)) throw new ArgumentException("A histogram cannot be merged into itself.", nameof(other));
        foreach (var (bucket, count) in other.counts) AddToBucket(bucket, count);
    }

    /// <summary>The non-empty buckets in ascending order: (bucket index, count).</summary>
    public IReadOnlyList<KeyValuePair<int, long>> Buckets => counts.OrderBy(kv => kv.Key).ToList();

    /// <summary>Approximate nearest-rank percentile in hours (bucket midpoint), or null when empty.</summary>
    public double? QuantileHours(double p)
    {
        if (Count == 0)
        {
            Percentiles.Rank(1, p); // still refuse a bad p
            return null;
        }
        var rank = Percentiles.Rank(Count, p);
        long seen = 0;
        foreach (var key in counts.Keys.Order())
        {
            seen += counts[key];
            if (seen >= rank) return MidpointHours(key);
        }
        throw new InvalidOperationException("unreachable: bucket counts do not add up to Count");
    }

    public static int BucketOf(TimeSpan duration)
    {
        var ticks = Math.Max(0, duration.Ticks);
        return ticks < FineRange.Ticks
            ? (int)(ticks / FineWidth.Ticks)
            : FineBuckets + (int)((ticks - FineRange.Ticks) / CoarseWidth.Ticks);
    }

    /// <summary>[Lower, Upper) of a bucket.</summary>
    public static (TimeSpan Lower, TimeSpan Upper) BoundsOf(int bucket)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bucket);
        if (bucket < FineBuckets) return (FineWidth * bucket, FineWidth * (bucket + 1));
        var lower = FineRange + CoarseWidth * (bucket - FineBuckets);
        return (lower, lower + CoarseWidth);
    }

    public static double MidpointHours(int bucket)
    {
        var (lower, upper) = BoundsOf(bucket);
        return TimeSpan.FromTicks((lower.Ticks + upper.Ticks) / 2).TotalHours;
    }

    /// <summary>The bound on |approximate − exact| for an exact percentile of <paramref name="exactHours"/>.</summary>
    public static double MaxErrorHours(double exactHours) =>
        exactHours < FineRange.TotalHours ? FineWidth.TotalHours / 2 : CoarseWidth.TotalHours / 2;
}
