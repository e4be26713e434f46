namespace GridGov.Domain.Cases;

/// <summary>
/// The part of a case that actions change: status, who handles it, its clock and its counters. The data layer loads
/// it from the case row and copies it back; <see cref="CaseEffects"/> computes the next one.
/// </summary>
public sealed record CaseSnapshot
{
    public required long Id { get; init; }
    public required string AreaCode { get; init; }
    public CaseStatus Status { get; init; }
    public PendingRequest Pending { get; init; }
    public CaseStatus? StatusBeforeSuspension { get; init; }
    public HandlerLevel HandlerLevel { get; init; }
    public long? AssigneeUserId { get; init; }
    public string? AssigneeDepartment { get; init; }
    public DateTime? RegisteredAt { get; init; }
    public DateTime? RespondedAt { get; init; }
    public DateTime? FeedbackAt { get; init; }
    public DateTime? ClosedAt { get; init; }
    public DateTime? ResponseDueAt { get; init; }
    public DateTime? ResolveDueAt { get; init; }
    public DateTime? YellowAt { get; init; }
    public DateTime? SuspendedAt { get; init; }
    public double SuspendedHours { get; init; }
    public int ReworkCount { get; init; }
    public int? Rating { get; init; }
    public string? RatingComment { get; init; }
    public long? MergedIntoId { get; init; }
    public double? PendingExtensionHours { get; init; }
    public int Version { get; init; }

    public CaseState State => new(Status, Pending, StatusBeforeSuspension, Rating is not null);
}

/// <summary>Where a dispatch (or an escalation to a department) sends the case, already checked against the data.</summary>
public abstract record DispatchTarget
{
    private DispatchTarget() { }

    /// <summary>A person who handles cases here; <paramref name="AtLevel"/> is the level of their most specific area holding the case.</summary>
    public sealed record Person(long UserId, HandlerLevel AtLevel, string? Name = null) : DispatchTarget;

    /// <summary>A functional department of the case's district (吹哨报到).</summary>
    public sealed record Department(string Code, string? Name = null) : DispatchTarget;

    /// <summary>Whoever holds that level's area (micro-grid … district).</summary>
    public sealed record Level(HandlerLevel Value) : DispatchTarget;

    /// <summary>To whom, in words for the history ("张三", "锦江区城市管理局", "社区").</summary>
    public string Words => this switch
    {
        Person p => p.Name ?? $"用户 {p.UserId}",
        Department d => d.Name ?? d.Code,
        Level l => l.Value switch
        {
            HandlerLevel.MicroGrid => "微网格",
            HandlerLevel.Grid => "网格",
            HandlerLevel.Community => "社区",
            HandlerLevel.Street => "街道",
            _ => "区（县）",
        },
        _ => "",
    };
}

/// <summary>A case to merge into, already checked: open, visible to the actor, not the case itself.</summary>
public sealed record MergeTarget(long Id, string TrackingNo);

/// <summary>
/// What the actor sent with an action. References to other rows (a merge target, a dispatch target) are resolved by
/// the caller first; a reference that could not be resolved arrives as a field error in <see cref="ReferenceErrors"/>.
/// </summary>
public sealed record ActionInput
{
    public string? Note { get; init; }
    public string? Reason { get; init; }
    public int? Rating { get; init; }
    public string? Comment { get; init; }
    public double? ExtensionHours { get; init; }
    public int PhotoCount { get; init; }
    public DispatchTarget? Target { get; init; }
    public MergeTarget? Merge { get; init; }
    public IReadOnlyDictionary<string, string> ReferenceErrors { get; init; } = new Dictionary<string, string>();
}

/// <summary>The history row an action appends (who and which photos are added by the caller).</summary>
public sealed record HistoryEntry(CaseAction Action, CaseStatus From, CaseStatus To, string? Note);

/// <summary>
/// The outcome of <see cref="CaseEffects.Apply"/>: refused by the loop's rules (<see cref="Refusal"/>), invalid input
/// (<see cref="Errors"/> by field), or the case after the action with its history row.
/// </summary>
public sealed record CaseChange(CaseSnapshot? After, HistoryEntry? History, string? Refusal, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Applied => After is not null;

    internal static CaseChange Refused(string reason) => new(null, null, reason, new Dictionary<string, string[]>());

    internal static CaseChange Invalid(IReadOnlyDictionary<string, string[]> errors) => new(null, null, null, errors);
}
