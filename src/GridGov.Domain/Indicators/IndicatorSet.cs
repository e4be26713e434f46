namespace GridGov.Domain.Indicators;

/// <summary>
/// The case-loop indicators of one period [<see cref="PeriodStart"/>, <see cref="PeriodEnd"/>). Counts are the
/// additive part (sums of per-case contributions, see FORMULAS.md); rates are derived from them and are null when
/// their denominator is 0, never NaN. Durations are hours (nearest-rank percentiles; null when there is nothing to
/// rank).
/// </summary>
public sealed record IndicatorSet
{
    public DateTimeOffset PeriodStart { get; init; }
    public DateTimeOffset PeriodEnd { get; init; }

    // ---- Intake: attributed at ReportedAt -------------------------------------------------------------------

    /// <summary>Cases reported in the period, whatever became of them (受理数).</summary>
    public long Reported { get; init; }

    /// <summary>Reported in the period and now rejected (不予受理).</summary>
    public long Rejected { get; init; }

    /// <summary>Reported in the period and now merged into another case (duplicates).</summary>
    public long Merged { get; init; }

    /// <summary><see cref="Reported"/> by source (sums to Reported).</summary>
    public IReadOnlyDictionary<string, long> BySource { get; init; } = Empty;

    /// <summary><see cref="Reported"/> by current status (sums to Reported).</summary>
    public IReadOnlyDictionary<string, long> ByStatus { get; init; } = Empty;

    // ---- Registration: attributed at RegisteredAt ------------------------------------------------------------

    /// <summary>Case-loop cases (not reported-only, rejected or merged) registered in the period (立案数).</summary>
    public long Registered { get; init; }

    // ---- Response: attributed at R = min(first response, registration + 24 h) --------------------------------

    /// <summary>Cases whose 24-hour response window was decided in the period (responded, or 24 h passed).</summary>
    public long ResponseDue { get; init; }

    /// <summary>Of <see cref="ResponseDue"/>: responded at most 24 h after registration.</summary>
    public long RespondedWithin24h { get; init; }

    /// <summary>Responses made in the period (the population of the response-time percentiles).</summary>
    public long RespondedInPeriod { get; init; }

    // ---- Closure: attributed at D = min(deadline, closing time) ----------------------------------------------

    /// <summary>Cases that fell due in the period (应结案数): deadline in the period, or closed in it before the deadline.</summary>
    public long Due { get; init; }

    /// <summary>Of <see cref="Due"/>: open and suspended (缓办数). They leave every closure-family rate.</summary>
    public long Suspended { get; init; }

    /// <summary>Of <see cref="Due"/>: closed, on time or late (结案数).</summary>
    public long Closed { get; init; }

    /// <summary>Of <see cref="Closed"/>: closed no later than the deadline (按期结案数).</summary>
    public long ClosedOnTime { get; init; }

    /// <summary>Of <see cref="Due"/> − <see cref="Suspended"/>: first handler feedback no later than the deadline (按期处置数).</summary>
    public long HandledOnTime { get; init; }

    /// <summary>Of <see cref="Due"/>: still open (not closed, not suspended), so past the deadline.</summary>
    public long OpenOverdue { get; init; }

    /// <summary>Of <see cref="Due"/> − <see cref="Suspended"/>: verified at least once (closed, or failed a verification).</summary>
    public long Verified { get; init; }

    /// <summary>Of <see cref="Verified"/>: failed at least one verification (返工数).</summary>
    public long Reworked { get; init; }

    // ---- Closures made in the period: attributed at ClosedAt -------------------------------------------------

    /// <summary>Case-loop cases closed in the period (the population of the closing-time percentiles).</summary>
    public long ClosedInPeriod { get; init; }

    /// <summary>Of <see cref="ClosedInPeriod"/>: rated by the reporter.</summary>
    public long Rated { get; init; }

    /// <summary>Of <see cref="Rated"/>: rating ≥ 4 (satisfied or very satisfied).</summary>
    public long Satisfied { get; init; }

    // ---- Durations (hours, nearest rank) ---------------------------------------------------------------------

    /// <summary>Median of max(0, response − registration) over responses made in the period.</summary>
    public double? MedianHoursToRespond { get; init; }

    /// <summary>90th percentile of the same.</summary>
    public double? P90HoursToRespond { get; init; }

    /// <summary>Median of max(0, closing − registration) over closures made in the period.</summary>
    public double? MedianHoursToClose { get; init; }

    /// <summary>90th percentile of the same.</summary>
    public double? P90HoursToClose { get; init; }

    // ---- Rates (derived) -------------------------------------------------------------------------------------

    /// <summary>The closure-family denominator: <see cref="Due"/> − <see cref="Suspended"/> (应结案数 − 缓办数).</summary>
    public long Assessed => Due - Suspended;

    /// <summary>24-hour response rate = RespondedWithin24h / ResponseDue.</summary>
    public double? ResponseRate24h => Ratio(RespondedWithin24h, ResponseDue);

    /// <summary>On-time handling rate (按期处置率) = HandledOnTime / (Due − Suspended).</summary>
    public double? OnTimeHandlingRate => Ratio(HandledOnTime, Assessed);

    /// <summary>结案率 = Closed / (Due − Suspended).</summary>
    public double? ClosureRate => Ratio(Closed, Assessed);

    /// <summary>按期结案率 = ClosedOnTime / (Due − Suspended).</summary>
    public double? OnTimeClosureRate => Ratio(ClosedOnTime, Assessed);

    /// <summary>Rework rate (返工率) = Reworked / Verified.</summary>
    public double? ReworkRate => Ratio(Reworked, Verified);

    /// <summary>Satisfaction rate (满意率) = Satisfied / Rated.</summary>
    public double? SatisfactionRate => Ratio(Satisfied, Rated);

    /// <summary>Whether the headline target (24-hour response rate ≥ 90%) is met; null when there is no rate.</summary>
    public bool? MeetsResponseTarget => ResponseRate24h is { } r ? r >= CaseIndicators.ResponseRate24hTarget : null;

    private static readonly IReadOnlyDictionary<string, long> Empty = new SortedDictionary<string, long>(StringComparer.Ordinal);

    internal static double? Ratio(long numerator, long denominator) =>
        denominator == 0 ? null : (double)numerator / denominator;
}
