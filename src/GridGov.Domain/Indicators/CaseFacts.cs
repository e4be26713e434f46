namespace GridGov.Domain.Indicators;

/// <summary>
/// What the indicators need to know about one case, as recorded when the facts were taken (the "snapshot"). Facts
/// for a period are taken at or after the period's end; everything recorded up to the snapshot counts, including
/// what happened after the period (see FORMULAS.md, "Observation"). All instants are compared as instants on the
/// timeline (the offset does not matter).
/// </summary>
/// <param name="Id">The case id (only used in error messages).</param>
/// <param name="AreaCode">The micro-grid or grid the case was routed to (for grouping; not used by the formulas).</param>
/// <param name="CategoryCode">Minor category code (for grouping; not used by the formulas).</param>
/// <param name="Source">Where the report came from: patrol, resident, hotline, sensor, camera, enterprise, open311,
/// app, self… Open set; only <c>"self"</c> has a meaning here (self-resolved, see <see cref="IsSelfResolved"/>).</param>
/// <param name="Status">Current status, wire name: reported, registered, rejected, merged, dispatched, handling,
/// awaiting_verification, suspended, closed. Anything else is refused.</param>
/// <param name="ReportedAt">When the report came in (信息收集).</param>
/// <param name="RegisteredAt">When it was registered (立案). Required for every status except reported, rejected
/// and merged; those three never enter the case-loop indicators.</param>
/// <param name="RespondedAt">First acceptance by the handler (the "response"). Null if never accepted.</param>
/// <param name="ResolveDueAt">The resolve deadline, already computed on the working calendar and already including
/// approved extensions (延期) and the time spent suspended before a resume. Null = no deadline (never late).</param>
/// <param name="ClosedAt">When the case was closed (核实结案). Only read when <see cref="Status"/> is closed: a
/// reopened case is open again and its old closing time is ignored.</param>
/// <param name="SuspendedInPeriod">True when the case is under an approved suspension (缓办) that had not been
/// lifted when the facts were taken (for the usual report, taken at the period's end: suspended at period end). A
/// suspension that was lifted before then is false: its time is already added to <see cref="ResolveDueAt"/> and the
/// case is judged against that deadline like any other. Status suspended counts as true as well; the flag is
/// ignored for a closed case.</param>
/// <param name="ReworkCount">Failed verifications (返工), ≥ 0.</param>
/// <param name="Rating">The reporter's rating 1–5 of a closed case, or null.</param>
/// <param name="FeedbackAt">First 处理反馈 submission by the handler (work reported done, case sent to
/// verification); later submissions after a rework do not move it.</param>
/// <param name="HandlerId">Who handled it (for grouping per worker; not used by the formulas).</param>
public sealed record CaseFacts(
    long Id,
    string AreaCode,
    string CategoryCode,
    string Source,
    string Status,
    DateTimeOffset ReportedAt,
    DateTimeOffset? RegisteredAt,
    DateTimeOffset? RespondedAt,
    DateTimeOffset? ResolveDueAt,
    DateTimeOffset? ClosedAt,
    bool SuspendedInPeriod,
    int ReworkCount,
    int? Rating,
    DateTimeOffset? FeedbackAt,
    string? HandlerId)
{
    /// <summary>
    /// 自办自结: the worker reported and resolved it in one step. The intake keeps the real source (patrol…), so the
    /// data layer sets this from the case history; <see cref="Source"/> "self" means the same.
    /// </summary>
    public bool SelfResolved { get; init; }

    /// <summary><see cref="SelfResolved"/> or <see cref="Source"/> is "self".</summary>
    public bool IsSelfResolved => SelfResolved || string.Equals(Source, CaseIndicators.SelfSource, StringComparison.Ordinal);
}
