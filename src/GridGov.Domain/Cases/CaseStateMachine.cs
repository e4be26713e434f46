namespace GridGov.Domain.Cases;

/// <summary>The state of a case as far as the rules need it.</summary>
public sealed record CaseState(CaseStatus Status, PendingRequest Pending, CaseStatus? StatusBeforeSuspension, bool Rated);

/// <summary>The outcome of asking for a transition: the new state, or why not.</summary>
public sealed record Transition(CaseStatus From, CaseStatus To, PendingRequest Pending, CaseStatus? StatusBeforeSuspension,
    bool CountsAsResponse = false, bool CountsAsRework = false, bool ClosesCase = false, bool StopsClock = false, bool RestartsClock = false);

/// <summary>
/// The closed loop as a table: which action is allowed from which status and by whom. Pure and total: every
/// illegal request gets a reason a person can read, nothing throws.
/// </summary>
public static class CaseStateMachine
{
    private static readonly CaseStatus[] Open = [CaseStatus.Dispatched, CaseStatus.Handling];

    /// <summary>Registered and not yet closed, clock running: what colours, overdue counts and the deadline sweep look at.</summary>
    public static readonly CaseStatus[] ClockRunning = [CaseStatus.Registered, CaseStatus.Dispatched, CaseStatus.Handling, CaseStatus.AwaitingVerification];

    /// <summary>Being worked on: the clock-running statuses plus suspended (缓办).</summary>
    public static readonly CaseStatus[] InHand = [.. ClockRunning, CaseStatus.Suspended];

    /// <summary>Not yet closed, rejected or merged (candidates a new report may duplicate).</summary>
    public static readonly CaseStatus[] Unresolved = [CaseStatus.Reported, .. InHand];

    public static (Transition? Next, string? Refusal) Decide(CaseState s, CaseAction action, CaseActor actor)
    {
        string? NeedActor(params CaseActor[] allowed) => allowed.Contains(actor) ? null
            : $"{action.Wire()} is done by the {string.Join(" or ", allowed.Select(a => a.ToString().ToLowerInvariant()))}, not the {actor.ToString().ToLowerInvariant()}";
        string NotFrom() => $"{action.Wire()} is not possible while the case is {s.Status.Wire()} ({s.Status.Chinese()})";
        Transition To(CaseStatus to, PendingRequest? pending = null, CaseStatus? before = null) =>
            new(s.Status, to, pending ?? s.Pending, before ?? s.StatusBeforeSuspension);

        switch (action)
        {
            case CaseAction.Report or CaseAction.SelfResolve:
                return (null, "a case is reported once, at intake");
            case CaseAction.Register:
                if (NeedActor(CaseActor.Supervisor) is { } r1) return (null, r1);
                return s.Status == CaseStatus.Reported ? (To(CaseStatus.Registered), null) : (null, NotFrom());
            case CaseAction.Reject:
                if (NeedActor(CaseActor.Supervisor) is { } r2) return (null, r2);
                return s.Status == CaseStatus.Reported ? (To(CaseStatus.Rejected) with { ClosesCase = false }, null) : (null, NotFrom());
            case CaseAction.Merge:
                if (NeedActor(CaseActor.Supervisor) is { } r3) return (null, r3);
                return s.Status is CaseStatus.Reported or CaseStatus.Registered ? (To(CaseStatus.Merged), null) : (null, NotFrom());
            case CaseAction.Dispatch:
                if (NeedActor(CaseActor.Supervisor) is { } r4) return (null, r4);
                // Re-dispatching a dispatched case (reassignment) is allowed until someone accepts it.
                return s.Status is CaseStatus.Registered or CaseStatus.Dispatched ? (To(CaseStatus.Dispatched), null) : (null, NotFrom());
            case CaseAction.Accept:
                if (NeedActor(CaseActor.Handler) is { } r5) return (null, r5);
                return s.Status == CaseStatus.Dispatched ? (To(CaseStatus.Handling) with { CountsAsResponse = true }, null) : (null, NotFrom());
            case CaseAction.Feedback:
                if (NeedActor(CaseActor.Handler) is { } r6) return (null, r6);
                return s.Status == CaseStatus.Handling ? (To(CaseStatus.AwaitingVerification), null) : (null, NotFrom());
            case CaseAction.VerifyPass:
                if (NeedActor(CaseActor.Supervisor) is { } r7) return (null, r7);
                return s.Status == CaseStatus.AwaitingVerification ? (To(CaseStatus.Closed) with { ClosesCase = true }, null) : (null, NotFrom());
            case CaseAction.VerifyFail:
                if (NeedActor(CaseActor.Supervisor) is { } r8) return (null, r8);
                return s.Status == CaseStatus.AwaitingVerification ? (To(CaseStatus.Handling) with { CountsAsRework = true }, null) : (null, NotFrom());
            case CaseAction.Evaluate:
                if (NeedActor(CaseActor.Reporter) is { } r9) return (null, r9);
                if (s.Status != CaseStatus.Closed) return (null, "a case is rated after it is closed");
                return s.Rated ? (null, "this case has already been rated") : (To(CaseStatus.Closed), null);
            case CaseAction.Escalate:
                if (NeedActor(CaseActor.Supervisor, CaseActor.Handler) is { } r10) return (null, r10);
                return s.Status is CaseStatus.Registered or CaseStatus.Dispatched or CaseStatus.Handling
                    ? (To(CaseStatus.Dispatched, PendingRequest.None), null) : (null, NotFrom());
            case CaseAction.RequestSuspension or CaseAction.RequestExtension:
                if (NeedActor(CaseActor.Handler) is { } r11) return (null, r11);
                if (!Open.Contains(s.Status)) return (null, NotFrom());
                if (s.Pending != PendingRequest.None) return (null, $"a {s.Pending.ToString().ToLowerInvariant()} request is already waiting for approval");
                return (To(s.Status, action == CaseAction.RequestSuspension ? PendingRequest.Suspension : PendingRequest.Extension), null);
            case CaseAction.ApproveSuspension or CaseAction.DenySuspension:
                if (NeedActor(CaseActor.Supervisor) is { } r12) return (null, r12);
                if (s.Pending != PendingRequest.Suspension) return (null, "no suspension request is waiting");
                return action == CaseAction.ApproveSuspension
                    ? (To(CaseStatus.Suspended, PendingRequest.None, s.Status) with { StopsClock = true }, null)
                    : (To(s.Status, PendingRequest.None), null);
            case CaseAction.Resume:
                if (NeedActor(CaseActor.Supervisor, CaseActor.Handler) is { } r13) return (null, r13);
                return s.Status == CaseStatus.Suspended
                    ? (new Transition(s.Status, s.StatusBeforeSuspension ?? CaseStatus.Handling, PendingRequest.None, null, RestartsClock: true), null)
                    : (null, NotFrom());
            case CaseAction.ApproveExtension or CaseAction.DenyExtension:
                if (NeedActor(CaseActor.Supervisor) is { } r14) return (null, r14);
                if (s.Pending != PendingRequest.Extension) return (null, "no extension request is waiting");
                return (To(s.Status, PendingRequest.None), null);
            case CaseAction.Reopen:
                if (NeedActor(CaseActor.Supervisor) is { } r15) return (null, r15);
                return s.Status == CaseStatus.Closed ? (To(CaseStatus.Dispatched, PendingRequest.None), null) : (null, NotFrom());
            default:
                return (null, $"unknown action {action}");
        }
    }

    /// <summary>
    /// Decides for someone who may hold several capacities on the case (e.g. supervisor and reporter): the first
    /// capacity that allows the action wins; otherwise the reason the last one was refused.
    /// </summary>
    public static (Transition? Next, string? Refusal) DecideFor(CaseState s, CaseAction action, IReadOnlyList<CaseActor> actors)
    {
        if (actors.Count == 0) return (null, "you have no part in this case");
        string? refusal = null;
        foreach (var actor in actors)
        {
            var (next, why) = Decide(s, action, actor);
            if (next is not null) return (next, null);
            refusal = why;
        }
        return (null, refusal);
    }

    /// <summary>Actions the actor could take now (for "exactly the actions the user may take" in the UI).</summary>
    public static IReadOnlyList<CaseAction> Available(CaseState s, CaseActor actor) =>
        Enum.GetValues<CaseAction>().Where(a => Decide(s, a, actor).Next is not null).ToList();

    public static bool IsOpen(CaseStatus s) => Unresolved.Contains(s);
}
