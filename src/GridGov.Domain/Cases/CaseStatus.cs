namespace GridGov.Domain.Cases;

/// <summary>Where a case stands in the closed loop (事件闭环).</summary>
public enum CaseStatus
{
    Reported = 0,              // 待受理
    Registered = 1,            // 已立案
    Rejected = 2,              // 不予受理
    Merged = 3,                // 已合并
    Dispatched = 4,            // 已派遣
    Handling = 5,              // 处置中 (accepted: the response)
    AwaitingVerification = 6,  // 待核查 (feedback submitted)
    Suspended = 7,             // 缓办
    Closed = 8,                // 已结案
}

public enum CaseAction
{
    Report, SelfResolve, Register, Reject, Merge, Dispatch, Accept, Feedback, VerifyPass, VerifyFail, Evaluate,
    Escalate, RequestSuspension, ApproveSuspension, DenySuspension, Resume, RequestExtension, ApproveExtension,
    DenyExtension, Reopen,
}

/// <summary>Who is acting, relative to the case: decides which actions are open to them.</summary>
public enum CaseActor
{
    /// <summary>Dispatches and verifies: community, street, district staff and command centres of the case's area.</summary>
    Supervisor,
    /// <summary>The person or department the case is dispatched to.</summary>
    Handler,
    /// <summary>The one who reported the case.</summary>
    Reporter,
}

/// <summary>A request waiting for a supervisor's decision (缓办/延期 need approval).</summary>
public enum PendingRequest { None = 0, Suspension = 1, Extension = 2 }

public enum RejectReason { Invalid, Duplicate, NotOurs }

public static class CaseNames
{
    public static string Wire(this CaseStatus s) => s switch
    {
        CaseStatus.AwaitingVerification => "awaiting_verification",
        _ => s.ToString().ToLowerInvariant(),
    };

    public static string Chinese(this CaseStatus s) => s switch
    {
        CaseStatus.Reported => "待受理",
        CaseStatus.Registered => "已立案",
        CaseStatus.Rejected => "不予受理",
        CaseStatus.Merged => "已合并",
        CaseStatus.Dispatched => "已派遣",
        CaseStatus.Handling => "处置中",
        CaseStatus.AwaitingVerification => "待核查",
        CaseStatus.Suspended => "缓办",
        CaseStatus.Closed => "已结案",
        _ => s.ToString(),
    };

    public static string Wire(this CaseAction a) => string.Concat(a.ToString().Select((c, i) =>
        i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    public static CaseAction? ParseAction(string? wire) =>
        Enum.GetValues<CaseAction>().Cast<CaseAction?>().FirstOrDefault(a => a!.Value.Wire() == wire);

    public static CaseStatus? ParseStatus(string? wire) =>
        Enum.GetValues<CaseStatus>().Cast<CaseStatus?>().FirstOrDefault(s => s!.Value.Wire() == wire);

    public static string Wire(this RejectReason r) => r switch
    {
        RejectReason.NotOurs => "not_ours",
        _ => r.ToString().ToLowerInvariant(),
    };
}
