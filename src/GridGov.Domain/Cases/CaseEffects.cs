namespace GridGov.Domain.Cases;

/// <summary>
/// What each action does to a case, beside the rule that allows it: <see cref="CaseStateMachine.Decide"/> says whether
/// the actor may take the action now, this says what changes (status, handler, clock, counters) and which history row
/// is appended. Pure: the data layer only loads the case, resolves references and saves the result.
/// </summary>
public static class CaseEffects
{
    public const int MaxNote = 1000;
    public const int MaxComment = 500;
    public const int MaxEscalationReason = 200;
    public const double MaxExtensionHours = 720;
    public static readonly string[] RejectReasons = ["invalid", "duplicate", "not_ours"];

    /// <summary>
    /// Applies <paramref name="action"/> by the first of <paramref name="actors"/> (the actor's capacities on this case)
    /// that the state machine allows; <paramref name="actorUserId"/> becomes the assignee of an unassigned case it accepts.
    /// </summary>
    public static CaseChange Apply(CaseSnapshot c, CaseAction action, IReadOnlyList<CaseActor> actors, ActionInput input,
        DateTime now, CaseLimits limits, long? actorUserId)
    {
        var (next, refusal) = CaseStateMachine.DecideFor(c.State, action, actors);
        if (next is null) return CaseChange.Refused(refusal!);

        var errors = input.ReferenceErrors.ToDictionary(e => e.Key, e => new[] { e.Value });
        void Error(string field, string message) => errors[field] = [message];
        if (input.Note is { Length: > MaxNote }) Error("note", $"note is at most {MaxNote} characters.");
        var note = input.Note?.Trim();
        var after = c;

        switch (action)
        {
            case CaseAction.Register:
                var (responseDue, resolveDue, yellow) = limits.Start(now);
                after = c with { RegisteredAt = now, ResponseDueAt = responseDue, ResolveDueAt = resolveDue, YellowAt = yellow };
                break;
            case CaseAction.Reject:
                if (!RejectReasons.Contains(input.Reason)) Error("reason", "reason is invalid (无效), duplicate (重复) or not_ours (非本辖区/非职责).");
                note = $"[{input.Reason}] {note}".Trim();
                break;
            case CaseAction.Merge:
                if (input.Merge is { } target && target.Id != c.Id)
                {
                    after = c with { MergedIntoId = target.Id };
                    note = $"合并至 {target.TrackingNo} {note}".Trim();
                }
                else if (!errors.ContainsKey("mergeInto")) Error("mergeInto", "mergeInto must be another open case that you may see.");
                break;
            case CaseAction.Dispatch:
                // The history names to whom the case went, before the dispatcher's own words.
                if (input.Target is { } to) { after = Assign(c, to); note = $"派遣至 {to.Words} {note}".Trim(); }
                else if (!errors.ContainsKey("assigneeUserId") && !errors.ContainsKey("department") && !errors.ContainsKey("level"))
                    Error("assigneeUserId", "Dispatch to exactly one of: assigneeUserId, department, level.");
                break;
            case CaseAction.Accept:
                after = c with
                {
                    RespondedAt = c.RespondedAt ?? now,
                    AssigneeUserId = c.AssigneeUserId is null && c.AssigneeDepartment is null ? actorUserId : c.AssigneeUserId,
                };
                break;
            case CaseAction.Feedback:
                if (input.PhotoCount == 0 && !errors.ContainsKey("photoIds")) Error("photoIds", "Feedback needs at least one photo of the result.");
                after = c with { FeedbackAt = c.FeedbackAt ?? now };
                break;
            case CaseAction.VerifyPass:
                after = c with { ClosedAt = now };
                break;
            case CaseAction.VerifyFail:
                if (string.IsNullOrEmpty(note)) Error("note", "Say what is still wrong: the handler sees it.");
                after = c with { ReworkCount = c.ReworkCount + 1 };
                break;
            case CaseAction.Evaluate:
                if (input.Rating is not (>= 1 and <= 5)) Error("rating", "rating is 1 to 5.");
                if (input.Comment is { Length: > MaxComment }) Error("comment", $"comment is at most {MaxComment} characters.");
                var comment = input.Comment?.Trim();
                after = c with { Rating = input.Rating, RatingComment = comment };
                note = $"评价 {input.Rating} 星 {comment}".Trim();
                break;
            case CaseAction.Escalate:
                if (string.IsNullOrEmpty(input.Reason) || input.Reason.Length > MaxEscalationReason)
                    Error("reason", $"Say why the case is escalated (at most {MaxEscalationReason} characters).");
                // To a named department, or else one level up (a department's case goes up to the district).
                after = input.Target is { } dept ? Assign(c, dept) : c with
                {
                    HandlerLevel = c.HandlerLevel >= HandlerLevel.District ? HandlerLevel.District : c.HandlerLevel + 1,
                    AssigneeUserId = null,
                    AssigneeDepartment = null,
                };
                note = $"上报: {input.Reason}{(input.Target is { } up ? $"（派遣至 {up.Words}）" : "")} {note}".Trim();
                break;
            case CaseAction.RequestSuspension:
                if (string.IsNullOrEmpty(input.Reason)) Error("reason", "Say why the case should be suspended (缓办).");
                note = $"申请缓办: {input.Reason}";
                break;
            case CaseAction.RequestExtension:
                if (input.ExtensionHours is not (> 0 and <= MaxExtensionHours)) Error("extensionHours", $"extensionHours is more than 0 and at most {MaxExtensionHours}.");
                if (string.IsNullOrEmpty(input.Reason)) Error("reason", "Say why more time is needed (延期).");
                after = c with { PendingExtensionHours = input.ExtensionHours };
                note = $"申请延期 {input.ExtensionHours} 小时: {input.Reason}";
                break;
            case CaseAction.ApproveSuspension:
                after = c with { SuspendedAt = now };
                break;
            case CaseAction.Resume:
                if (c.SuspendedAt is { } since)
                {
                    // The clock stood still while suspended: the deadline moves by the suspended (limit) time.
                    var hours = limits.HoursBetween(since, now);
                    after = limits.Extend(c, hours) with { SuspendedHours = c.SuspendedHours + hours, SuspendedAt = null };
                }
                break;
            case CaseAction.ApproveExtension:
                after = limits.Extend(c, c.PendingExtensionHours ?? 0) with { PendingExtensionHours = null };
                note = $"批准延期 {c.PendingExtensionHours} 小时 {note}".Trim();
                break;
            case CaseAction.DenyExtension:
                after = c with { PendingExtensionHours = null };
                break;
            case CaseAction.Reopen:
                if (string.IsNullOrEmpty(note)) Error("note", "Say why the case is reopened.");
                after = c with { ClosedAt = null };
                break;
        }
        if (errors.Count > 0) return CaseChange.Invalid(errors);

        after = after with { Status = next.To, Pending = next.Pending, StatusBeforeSuspension = next.StatusBeforeSuspension, Version = c.Version + 1 };
        return new CaseChange(after, new HistoryEntry(action, c.Status, next.To, string.IsNullOrEmpty(note) ? null : note), null,
            new Dictionary<string, string[]>());
    }

    private static CaseSnapshot Assign(CaseSnapshot c, DispatchTarget target) => target switch
    {
        DispatchTarget.Person p => c with { AssigneeUserId = p.UserId, AssigneeDepartment = null, HandlerLevel = p.AtLevel },
        DispatchTarget.Department d => c with { AssigneeDepartment = d.Code, AssigneeUserId = null, HandlerLevel = HandlerLevel.Department },
        DispatchTarget.Level l => c with { HandlerLevel = l.Value, AssigneeUserId = null, AssigneeDepartment = null },
        _ => c,
    };
}
