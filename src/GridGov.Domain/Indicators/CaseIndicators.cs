using GridGov.Domain.Cases;

namespace GridGov.Domain.Indicators;

/// <summary>
/// The case-loop indicators (24-hour response rate, on-time handling rate, 结案率, 按期结案率, rework rate,
/// satisfaction rate, median and p90 times to respond and to close, counts by source and status) as pure functions
/// of <see cref="CaseFacts"/>. The formulas are in FORMULAS.md next to this file; in short, for the period
/// P = [periodStart, periodEnd):
/// <list type="bullet">
/// <item>every count attributes each case to at most one instant (report, registration, response decision R, due
/// instant D, closing), and counts it in P when that instant is in P, so counts of adjacent periods and of disjoint
/// sets of cases add up (see <see cref="IndicatorAccumulator"/>);</item>
/// <item>R = min(first response, registration + 24 h); responded within 24 h ⇔ response ≤ registration + 24 h;</item>
/// <item>D = min(deadline, closing time) (应结案: fell due in P, or closed in P before its deadline); cases open and
/// suspended (缓办) are subtracted; 结案率 = Closed / (Due − Suspended), 按期结案率 = ClosedOnTime / (Due − Suspended),
/// on-time handling = first feedback ≤ deadline over the same denominator, rework rate = Reworked / Verified;</item>
/// <item>satisfaction and closing times are over closures made in P, response times over responses made in P;
/// percentiles are nearest-rank and exact here (the accumulator's are within the bound of
/// <see cref="DurationHistogram"/>).</item>
/// </list>
/// Outcomes are read as recorded when the facts were taken: a case that fell due in P and was closed after P counts
/// as closed (late) in P. <c>periodEnd</c> must not be later than that moment (for a period still running,
/// pass the snapshot time as its end).
/// </summary>
public static class CaseIndicators
{
    /// <summary>The headline target of the 24-hour response rate (the seeds' "above 90%").</summary>
    public const double ResponseRate24hTarget = 0.90;

    /// <summary>Lowest rating that counts as satisfied.</summary>
    public const int SatisfiedMinRating = 4;

    /// <summary>The source value that marks a self-resolved (自办自结) case.</summary>
    public const string SelfSource = "self";

    /// <summary>The response window: 24 calendar hours (elapsed time on the timeline, nights and holidays included).</summary>
    public static readonly TimeSpan ResponseWindow = TimeSpan.FromHours(24);

    /// <summary>The status wire names a <see cref="CaseFacts"/> may carry.</summary>
    public static IReadOnlyCollection<string> KnownStatuses => StatusByWire.Keys;

    private static readonly Dictionary<string, CaseStatus> StatusByWire =
        Enum.GetValues<CaseStatus>().ToDictionary(s => s.Wire(), StringComparer.Ordinal);

    /// <summary>The indicators of the period [<paramref name="periodStart"/>, <paramref name="periodEnd"/>) with exact percentiles.</summary>
    /// <exception cref="ArgumentException">An empty or inverted period, or facts that break the contract of <see cref="CaseFacts"/>.</exception>
    public static IndicatorSet Compute(IEnumerable<CaseFacts> cases, DateTimeOffset periodStart, DateTimeOffset periodEnd)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var acc = new IndicatorAccumulator(periodStart, periodEnd, keepExactDurations: true);
        foreach (var c in cases) acc.Add(c);
        return acc.Result();
    }

    /// <summary>
    /// <see cref="Compute"/> per group (area, category, worker…); only groups with at least one case appear. A
    /// prefix of an area code, e.g. <c>c =&gt; c.AreaCode[..12]</c>, gives a community's figures.
    /// </summary>
    public static IReadOnlyDictionary<TKey, IndicatorSet> ComputeBy<TKey>(IEnumerable<CaseFacts> cases, Func<CaseFacts, TKey> key,
        DateTimeOffset periodStart, DateTimeOffset periodEnd) where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(key);
        IndicatorAccumulator.CheckPeriod(periodStart, periodEnd);
        var groups = new Dictionary<TKey, IndicatorAccumulator>();
        foreach (var c in cases)
        {
            ArgumentNullException.ThrowIfNull(c, nameof(cases));
            var k = key(c);
            if (!groups.TryGetValue(k, out var acc)) groups[k] = acc = new IndicatorAccumulator(periodStart, periodEnd, keepExactDurations: true);
            acc.Add(c);
        }
        return groups.ToDictionary(g => g.Key, g => g.Value.Result());
    }

    /// <summary>Checks one case against the contract of <see cref="CaseFacts"/>; returns its status.</summary>
    internal static CaseStatus Validate(CaseFacts c)
    {
        if (c.Status is null || !StatusByWire.TryGetValue(c.Status, out var status))
            throw new ArgumentException($"case {c.Id}: unknown status '{c.Status}' (expected one of {string.Join(", ", StatusByWire.Keys)}).");
        if (c.Source is null) throw new ArgumentException($"case {c.Id}: no source.");
        if (c.ReworkCount < 0) throw new ArgumentException($"case {c.Id}: negative rework count {c.ReworkCount}.");
        if (c.Rating is < 1 or > 5) throw new ArgumentException($"case {c.Id}: rating {c.Rating} is outside 1–5.");
        if (IsCaseLoop(status) && c.RegisteredAt is null)
            throw new ArgumentException($"case {c.Id}: status {c.Status} without a registration time.");
        if (status == CaseStatus.Closed && c.ClosedAt is null)
            throw new ArgumentException($"case {c.Id}: status closed without a closing time.");
        return status;
    }

    /// <summary>Registered and not rejected or merged: the cases the response, closure and duration indicators are about.</summary>
    internal static bool IsCaseLoop(CaseStatus status) =>
        status is not (CaseStatus.Reported or CaseStatus.Rejected or CaseStatus.Merged);
}
