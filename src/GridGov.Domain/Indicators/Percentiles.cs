namespace GridGov.Domain.Indicators;

/// <summary>
/// Nearest-rank percentiles: the p-th percentile (0 &lt; p ≤ 1) of n ≥ 1 values is the value of rank ⌈p·n⌉
/// (1-based) in ascending order. It is always one of the values (no interpolation); the median (p = 0.5) of an even
/// count is the lower of the two middle values. Empty input has no percentile (null).
/// </summary>
public static class Percentiles
{
    /// <summary>The 1-based nearest rank ⌈p·n⌉, clamped to [1, n]. p is taken to 15 significant digits, so 0.9·10
    /// is exactly 9 (no floating-point surprise).</summary>
    public static long Rank(long count, double p)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        CheckP(p);
        var rank = (long)Math.Ceiling((decimal)p * count);
        return Math.Clamp(rank, 1, count);
    }

    /// <summary>Nearest-rank percentile of <paramref name="values"/> (any order), or null when there are none.</summary>
    public static double? NearestRank(IEnumerable<double> values, double p)
    {
        ArgumentNullException.ThrowIfNull(values);
        CheckP(p);
        var sorted = values.ToArray();
        if (sorted.Length == 0) return null;
        if (sorted.Any(double.IsNaN)) throw new ArgumentException("NaN has no rank.", nameof(values));
        Array.Sort(sorted);
        return sorted[Rank(sorted.Length, p) - 1];
    }

    /// <summary>Nearest-rank percentile of durations, in hours; sorts <paramref name="values"/> in place.</summary>
    internal static double? NearestRankHours(List<TimeSpan> values, double p)
    {
        if (values.Count == 0) return null;
        values.Sort();
        return values[(int)Rank(values.Count, p) - 1].TotalHours;
    }

    private static void CheckP(double p)
    {
        if (!(p > 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "A percentile is in (0, 1].");
    }
}
