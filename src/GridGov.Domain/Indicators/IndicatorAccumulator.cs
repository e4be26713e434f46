using GridGov.Domain.Cases;

namespace GridGov.Domain.Indicators;

/// <summary>
/// The incremental, mergeable form of <see cref="CaseIndicators.Compute"/>: every count is a sum of per-case
/// contributions, each case contributing to a period only through instants inside it (report, registration,
/// response decision R, due instant D, closing). So
/// <list type="bullet">
/// <item>accumulators of the same period over disjoint sets of cases (areas, categories, random shards) merge into
/// the accumulator of the union;</item>
/// <item>accumulators of adjacent periods over the same cases (days of a month) merge into the accumulator of the
/// joined period.</item>
/// </list>
/// A database can therefore keep one row per (day, area, category) holding these counts and the two duration
/// histograms, and sum rows for any district and any run of whole days. Counts and rates of a merged accumulator are
/// exactly those of <see cref="CaseIndicators.Compute"/> over the same cases and period; its percentiles come from
/// <see cref="DurationHistogram"/> and are within ±0.05 h of the exact ones below 720 h (±12 h above).
/// </summary>
public sealed class IndicatorAccumulator
{
    private enum N
    {
        Reported, Rejected, Merged, Registered, ResponseDue, RespondedWithin24h, RespondedInPeriod, Due, Suspended, Closed,
        ClosedOnTime, HandledOnTime, OpenOverdue, Verified, Reworked, ClosedInPeriod, Rated, Satisfied,
    }

    private static readonly int CounterCount = Enum.GetValues<N>().Length;

    private readonly long[] n = new long[CounterCount];
    private readonly Dictionary<string, long> bySource = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> byStatus = new(StringComparer.Ordinal);

    // Compute keeps the exact durations for exact percentiles; a public accumulator keeps only the histograms.
    private List<TimeSpan>? exactRespond;
    private List<TimeSpan>? exactClose;

    /// <summary>An empty accumulator for the period [<paramref name="periodStart"/>, <paramref name="periodEnd"/>).</summary>
    public IndicatorAccumulator(DateTimeOffset periodStart, DateTimeOffset periodEnd)
        : this(periodStart, periodEnd, keepExactDurations: false)
    {
    }

    internal IndicatorAccumulator(DateTimeOffset periodStart, DateTimeOffset periodEnd, bool keepExactDurations)
    {
        CheckPeriod(periodStart, periodEnd);
        PeriodStart = periodStart;
        PeriodEnd = periodEnd;
        if (keepExactDurations) (exactRespond, exactClose) = ([], []);
    }

    public DateTimeOffset PeriodStart { get; private set; }
    public DateTimeOffset PeriodEnd { get; private set; }

    /// <summary>Hours from registration to response, for responses made in the period.</summary>
    public DurationHistogram HoursToRespond { get; } = new();

    /// <summary>Hours from registration to closing, for closures made in the period.</summary>
    public DurationHistogram HoursToClose { get; } = new();

    /// <summary>Adds one case's contributions to this period (none if nothing about it happened in the period).</summary>
    /// <exception cref="ArgumentException">Facts that break the contract of <see cref="CaseFacts"/>.</exception>
    public void Add(CaseFacts c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var status = CaseIndicators.Validate(c);

        // Intake, at ReportedAt.
        if (In(c.ReportedAt))
        {
            n[(int)N.Reported]++;
            if (status == CaseStatus.Rejected) n[(int)N.Rejected]++;
            if (status == CaseStatus.Merged) n[(int)N.Merged]++;
            bySource[c.Source] = bySource.GetValueOrDefault(c.Source) + 1;
            byStatus[c.Status] = byStatus.GetValueOrDefault(c.Status) + 1;
        }
        if (!CaseIndicators.IsCaseLoop(status)) return;

        var registeredAt = c.RegisteredAt!.Value;
        var self = c.IsSelfResolved;
        var closed = status == CaseStatus.Closed;
        DateTimeOffset? closedAt = closed ? c.ClosedAt : null;

        // Registration, at RegisteredAt.
        if (In(registeredAt)) n[(int)N.Registered]++;

        // Response: self-resolved cases respond when reported; a closed case never accepted responded by its closing.
        DateTimeOffset? respondedAt = self ? c.ReportedAt : c.RespondedAt ?? closedAt;
        var window = registeredAt + CaseIndicators.ResponseWindow;
        var within = respondedAt <= window;
        var decidedAt = within ? respondedAt!.Value : window; // R = min(response, registration + 24 h)
        if (In(decidedAt))
        {
            n[(int)N.ResponseDue]++;
            if (within) n[(int)N.RespondedWithin24h]++;
        }
        if (respondedAt is { } r && In(r))
        {
            n[(int)N.RespondedInPeriod]++;
            var d = NonNegative(r - registeredAt);
            HoursToRespond.Add(d);
            exactRespond?.Add(d);
        }

        // Closure family, at D = min(deadline, closing). Self-resolved cases have no deadline: they fall due when closed.
        DateTimeOffset? deadline = self ? null : c.ResolveDueAt;
        var dueAt = Earliest(deadline, closedAt);
        if (dueAt is { } due && In(due))
        {
            n[(int)N.Due]++;
            if (!closed && (c.SuspendedInPeriod || status == CaseStatus.Suspended))
            {
                n[(int)N.Suspended]++;
            }
            else
            {
                if (closed)
                {
                    n[(int)N.Closed]++;
                    if (!(closedAt > deadline)) n[(int)N.ClosedOnTime]++;
                }
                else
                {
                    n[(int)N.OpenOverdue]++;
                }
                DateTimeOffset? handledAt = self ? c.ReportedAt : c.FeedbackAt ?? closedAt;
                if (handledAt is { } h && !(h > deadline)) n[(int)N.HandledOnTime]++;
                if (closed || c.ReworkCount > 0) n[(int)N.Verified]++;
                if (c.ReworkCount > 0) n[(int)N.Reworked]++;
            }
        }

        // Closures made in the period, at ClosedAt: closing time and the reporter's rating.
        if (closedAt is { } ca && In(ca))
        {
            n[(int)N.ClosedInPeriod]++;
            var d = NonNegative(ca - registeredAt);
            HoursToClose.Add(d);
            exactClose?.Add(d);
            if (c.Rating is { } rating)
            {
                n[(int)N.Rated]++;
                if (rating >= CaseIndicators.SatisfiedMinRating) n[(int)N.Satisfied]++;
            }
        }
    }

    public void AddRange(IEnumerable<CaseFacts> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        foreach (var c in cases) Add(c);
    }

    /// <summary>
    /// Adds <paramref name="other"/> into this accumulator. The periods must be equal (then the two must have seen
    /// disjoint sets of cases: the caller's side of the contract) or adjacent (this one's end is the other's start or
    /// the reverse; the period becomes their join). Overlapping or separated periods are refused: their sum would
    /// double-count or leave a gap.
    /// </summary>
    public void Merge(IndicatorAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this)) throw new ArgumentException("An accumulator cannot be merged into itself.", nameof(other));
        if (other.PeriodStart == PeriodStart && other.PeriodEnd == PeriodEnd) { }
        else if (other.PeriodStart == PeriodEnd) PeriodEnd = other.PeriodEnd;
        else if (other.PeriodEnd == PeriodStart) PeriodStart = other.PeriodStart;
        else
        {
            throw new ArgumentException(
                $"Cannot merge [{other.PeriodStart:O}, {other.PeriodEnd:O}) into [{PeriodStart:O}, {PeriodEnd:O}): periods must be equal or adjacent.",
                nameof(other));
        }

        for (var i = 0; i < n.Length; i++) n[i] += other.n[i];
        foreach (var (k, v) in other.bySource) bySource[k] = bySource.GetValueOrDefault(k) + v;
        foreach (var (k, v) in other.byStatus) byStatus[k] = byStatus.GetValueOrDefault(k) + v;
        HoursToRespond.Merge(other.HoursToRespond);
        HoursToClose.Merge(other.HoursToClose);
        if (exactRespond is not null && other.exactRespond is not null && exactClose is not null && other.exactClose is not null)
        {
            exactRespond.AddRange(other.exactRespond);
            exactClose.AddRange(other.exactClose);
        }
        else
        {
            (exactRespond, exactClose) = (null, null);
        }
    }

    /// <summary>
    /// Restates these counts as those of [PeriodStart, <paramref name="end"/>), a later end. True only when none of the
    /// counted cases has an instant between the two ends — the caller's side of the contract, as for equal periods in
    /// <see cref="Merge"/>: e.g. a row built up to 23:40 for an area in which nothing happened from 23:40 to 23:50.
    /// </summary>
    public void ExtendTo(DateTimeOffset end)
    {
        if (end < PeriodEnd)
            throw new ArgumentException($"Cannot extend [{PeriodStart:O}, {PeriodEnd:O}) to end at {end:O}: that is earlier.", nameof(end));
        PeriodEnd = end;
    }

    /// <summary>The indicators so far. Percentiles are exact inside <see cref="CaseIndicators.Compute"/>, else from the histograms.</summary>
    public IndicatorSet Result() => new()
    {
        PeriodStart = PeriodStart,
        PeriodEnd = PeriodEnd,
        Reported = n[(int)N.Reported],
        Rejected = n[(int)N.Rejected],
        Merged = n[(int)N.Merged],
        BySource = Sorted(bySource),
        ByStatus = Sorted(byStatus),
        Registered = n[(int)N.Registered],
        ResponseDue = n[(int)N.ResponseDue],
        RespondedWithin24h = n[(int)N.RespondedWithin24h],
        RespondedInPeriod = n[(int)N.RespondedInPeriod],
        Due = n[(int)N.Due],
        Suspended = n[(int)N.Suspended],
        Closed = n[(int)N.Closed],
        ClosedOnTime = n[(int)N.ClosedOnTime],
        HandledOnTime = n[(int)N.HandledOnTime],
        OpenOverdue = n[(int)N.OpenOverdue],
        Verified = n[(int)N.Verified],
        Reworked = n[(int)N.Reworked],
        ClosedInPeriod = n[(int)N.ClosedInPeriod],
        Rated = n[(int)N.Rated],
        Satisfied = n[(int)N.Satisfied],
        MedianHoursToRespond = Quantile(exactRespond, HoursToRespond, 0.5),
        P90HoursToRespond = Quantile(exactRespond, HoursToRespond, 0.9),
        MedianHoursToClose = Quantile(exactClose, HoursToClose, 0.5),
        P90HoursToClose = Quantile(exactClose, HoursToClose, 0.9),
    };

    /// <summary>
    /// Rebuilds an accumulator from stored state: the counts of <paramref name="counts"/> (its rates and percentiles
    /// are ignored) and the two histograms, which must hold RespondedInPeriod and ClosedInPeriod durations.
    /// </summary>
    public static IndicatorAccumulator Restore(IndicatorSet counts, DurationHistogram hoursToRespond, DurationHistogram hoursToClose)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(hoursToRespond);
        ArgumentNullException.ThrowIfNull(hoursToClose);
        if (hoursToRespond.Count != counts.RespondedInPeriod || hoursToClose.Count != counts.ClosedInPeriod)
            throw new ArgumentException("The histograms must hold RespondedInPeriod and ClosedInPeriod durations.");
        var acc = new IndicatorAccumulator(counts.PeriodStart, counts.PeriodEnd);
        long[] values =
        [
            counts.Reported, counts.Rejected, counts.Merged, counts.Registered, counts.ResponseDue, counts.RespondedWithin24h,
            counts.RespondedInPeriod, counts.Due, counts.Suspended, counts.Closed, counts.ClosedOnTime, counts.HandledOnTime,
            counts.OpenOverdue, counts.Verified, counts.Reworked, counts.ClosedInPeriod, counts.Rated, counts.Satisfied,
        ];
        if (values.Any(v => v < 0)) throw new ArgumentException("Counts cannot be negative.", nameof(counts));
        values.CopyTo(acc.n, 0);
        foreach (var (k, v) in counts.BySource) acc.bySource[k] = v;
        foreach (var (k, v) in counts.ByStatus) acc.byStatus[k] = v;
        acc.HoursToRespond.Merge(hoursToRespond);
        acc.HoursToClose.Merge(hoursToClose);
        return acc;
    }

    internal static void CheckPeriod(DateTimeOffset periodStart, DateTimeOffset periodEnd)
    {
        if (periodEnd <= periodStart)
            throw new ArgumentException($"The period [{periodStart:O}, {periodEnd:O}) is empty: its end must be after its start.", nameof(periodEnd));
    }

    private bool In(DateTimeOffset t) => t >= PeriodStart && t < PeriodEnd;

    private static TimeSpan NonNegative(TimeSpan t) => t < TimeSpan.Zero ? TimeSpan.Zero : t;

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;

    private static double? Quantile(List<TimeSpan>? exact, DurationHistogram histogram, double p) =>
        exact is not null ? Percentiles.NearestRankHours(exact, p) : histogram.QuantileHours(p);

    private static SortedDictionary<string, long> Sorted(Dictionary<string, long> d) => new(d, StringComparer.Ordinal);
}
