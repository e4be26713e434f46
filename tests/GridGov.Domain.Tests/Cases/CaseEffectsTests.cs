using GridGov.Domain.Calendar;
using GridGov.Domain.Cases;

namespace GridGov.Domain.Tests.Cases;

/// <summary>What each action does to a case, computed without a database: status, handler, clock, counters, history row.</summary>
public sealed class CaseEffectsTests
{
    private static readonly DateTime T0 = new(2026, 6, 1, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Now = T0.AddHours(3);

    // Calendar hours (a 24 h response and 72 h resolve limit), so every deadline here is plain arithmetic.
    private static readonly CaseLimits Limits = new(new WorkingCalendar([]), 24, 72, WorkingHours: false);

    private static CaseSnapshot Case(CaseStatus status, Func<CaseSnapshot, CaseSnapshot>? with = null)
    {
        var c = new CaseSnapshot { Id = 7, AreaCode = "5101040170010101", Status = status, HandlerLevel = HandlerLevel.Community, Version = 3 };
        return with is null ? c : with(c);
    }

    private static CaseChange Apply(CaseSnapshot c, CaseAction action, ActionInput? input = null, params CaseActor[] actors) =>
        CaseEffects.Apply(c, action, actors.Length == 0 ? [CaseActor.Supervisor, CaseActor.Handler, CaseActor.Reporter] : actors,
            input ?? new ActionInput(), Now, Limits, actorUserId: 42);

    [Fact]
    public void Register_starts_the_clock_and_bumps_the_version()
    {
        var change = Apply(Case(CaseStatus.Reported), CaseAction.Register);
        var after = change.After!;
        Assert.Equal(CaseStatus.Registered, after.Status);
        Assert.Equal(Now, after.RegisteredAt);
        Assert.Equal(Now.AddHours(24), after.ResponseDueAt);
        Assert.Equal(Now.AddHours(72), after.ResolveDueAt);
        Assert.Equal(Now.AddHours(0.8 * 72), after.YellowAt);
        Assert.Equal(4, after.Version);
        Assert.Equal(new HistoryEntry(CaseAction.Register, CaseStatus.Reported, CaseStatus.Registered, null), change.History);
    }

    [Fact]
    public void A_refusal_names_the_reason_and_changes_nothing()
    {
        var change = Apply(Case(CaseStatus.Closed), CaseAction.Register, actors: CaseActor.Supervisor);
        Assert.False(change.Applied);
        Assert.Contains("not possible while the case is closed", change.Refusal);
        Assert.Equal("you have no part in this case",
            CaseEffects.Apply(Case(CaseStatus.Reported), CaseAction.Register, [], new ActionInput(), Now, Limits, 1).Refusal);
        Assert.Contains("supervisor", Apply(Case(CaseStatus.Reported), CaseAction.Register, actors: CaseActor.Reporter).Refusal);
    }

    [Theory]
    [InlineData("invalid", true)]
    [InlineData("duplicate", true)]
    [InlineData("not_ours", true)]
    [InlineData("bored", false)]
    [InlineData(null, false)]
    public void Reject_needs_one_of_the_three_reasons(string? reason, bool ok)
    {
        var change = Apply(Case(CaseStatus.Reported), CaseAction.Reject, new ActionInput { Reason = reason, Note = "重复上报" });
        Assert.Equal(ok, change.Applied);
        if (ok) Assert.Equal($"[{reason}] 重复上报", change.History!.Note);
        else Assert.True(change.Errors.ContainsKey("reason"));
    }

    [Fact]
    public void Merge_records_the_target_or_names_the_field()
    {
        var merged = Apply(Case(CaseStatus.Reported), CaseAction.Merge, new ActionInput { Merge = new MergeTarget(9, "20260601-ABCDEF") });
        Assert.Equal(9, merged.After!.MergedIntoId);
        Assert.Equal(CaseStatus.Merged, merged.After.Status);
        Assert.StartsWith("合并至 20260601-ABCDEF", merged.History!.Note);
        Assert.True(Apply(Case(CaseStatus.Reported), CaseAction.Merge).Errors.ContainsKey("mergeInto"));
        var notFound = Apply(Case(CaseStatus.Reported), CaseAction.Merge,
            new ActionInput { ReferenceErrors = new Dictionary<string, string> { ["mergeInto"] = "not visible" } });
        Assert.Equal(["not visible"], notFound.Errors["mergeInto"]);
    }

    [Fact]
    public void Dispatch_to_a_person_a_department_or_a_level_sets_exactly_one_handler()
    {
        var registered = Case(CaseStatus.Registered, c => c with { AssigneeDepartment = "510104-CG" });
        var person = Apply(registered, CaseAction.Dispatch, new ActionInput { Target = new DispatchTarget.Person(5, HandlerLevel.MicroGrid) }).After!;
        Assert.Equal((5L, (string?)null, HandlerLevel.MicroGrid, CaseStatus.Dispatched), (person.AssigneeUserId!.Value, person.AssigneeDepartment, person.HandlerLevel, person.Status));
        var dept = Apply(registered, CaseAction.Dispatch, new ActionInput { Target = new DispatchTarget.Department("510104-ZJ") }).After!;
        Assert.Equal(((long?)null, "510104-ZJ", HandlerLevel.Department), (dept.AssigneeUserId, dept.AssigneeDepartment, dept.HandlerLevel));
        var level = Apply(registered, CaseAction.Dispatch, new ActionInput { Target = new DispatchTarget.Level(HandlerLevel.Street) }).After!;
        Assert.Equal(((long?)null, (string?)null, HandlerLevel.Street), (level.AssigneeUserId, level.AssigneeDepartment, level.HandlerLevel));
        Assert.True(Apply(registered, CaseAction.Dispatch).Errors.ContainsKey("assigneeUserId"));
    }

    [Fact]
    public void Accept_is_the_response_and_takes_an_unassigned_case()
    {
        var dispatched = Case(CaseStatus.Dispatched, c => c with { HandlerLevel = HandlerLevel.Grid });
        var after = Apply(dispatched, CaseAction.Accept, actors: CaseActor.Handler).After!;
        Assert.Equal((CaseStatus.Handling, Now, 42L), (after.Status, after.RespondedAt!.Value, after.AssigneeUserId!.Value));
        // A second response (after rework) keeps the first response time.
        var again = Apply(dispatched with { RespondedAt = T0 }, CaseAction.Accept, actors: CaseActor.Handler).After!;
        Assert.Equal(T0, again.RespondedAt);
    }

    [Fact]
    public void Feedback_needs_a_photo()
    {
        var handling = Case(CaseStatus.Handling);
        Assert.True(Apply(handling, CaseAction.Feedback, actors: CaseActor.Handler).Errors.ContainsKey("photoIds"));
        var after = Apply(handling, CaseAction.Feedback, new ActionInput { PhotoCount = 1 }, CaseActor.Handler).After!;
        Assert.Equal((CaseStatus.AwaitingVerification, Now), (after.Status, after.FeedbackAt!.Value));
    }

    [Fact]
    public void Verification_closes_or_sends_back_as_rework_with_a_note()
    {
        var waiting = Case(CaseStatus.AwaitingVerification, c => c with { ReworkCount = 1 });
        Assert.Equal((CaseStatus.Closed, Now), (Apply(waiting, CaseAction.VerifyPass).After!.Status, Apply(waiting, CaseAction.VerifyPass).After!.ClosedAt!.Value));
        Assert.True(Apply(waiting, CaseAction.VerifyFail).Errors.ContainsKey("note"));
        var failed = Apply(waiting, CaseAction.VerifyFail, new ActionInput { Note = "垃圾未清完" }).After!;
        Assert.Equal((CaseStatus.Handling, 2), (failed.Status, failed.ReworkCount));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(5, true)]
    [InlineData(6, false)]
    public void Evaluation_is_one_to_five_stars_once(int rating, bool ok)
    {
        var closed = Case(CaseStatus.Closed);
        var change = Apply(closed, CaseAction.Evaluate, new ActionInput { Rating = rating, Comment = " 很及时 " }, CaseActor.Reporter);
        Assert.Equal(ok, change.Applied);
        if (!ok) return;
        Assert.Equal((rating, "很及时"), (change.After!.Rating!.Value, change.After.RatingComment));
        Assert.Contains("already been rated", Apply(change.After, CaseAction.Evaluate, new ActionInput { Rating = 3 }, CaseActor.Reporter).Refusal);
    }

    [Fact]
    public void Escalation_goes_one_level_up_or_to_a_department_and_needs_a_reason()
    {
        var handling = Case(CaseStatus.Handling, c => c with { AssigneeUserId = 5, HandlerLevel = HandlerLevel.Grid });
        Assert.True(Apply(handling, CaseAction.Escalate, actors: CaseActor.Handler).Errors.ContainsKey("reason"));
        var up = Apply(handling, CaseAction.Escalate, new ActionInput { Reason = "需街道协调" }, CaseActor.Handler).After!;
        Assert.Equal((HandlerLevel.Community, (long?)null, CaseStatus.Dispatched), (up.HandlerLevel, up.AssigneeUserId, up.Status));
        var top = Apply(handling with { HandlerLevel = HandlerLevel.Department, AssigneeDepartment = "510104-CG", AssigneeUserId = null },
            CaseAction.Escalate, new ActionInput { Reason = "部门无法处理" }, CaseActor.Supervisor).After!;
        Assert.Equal(HandlerLevel.District, top.HandlerLevel);
        var dept = Apply(handling, CaseAction.Escalate, new ActionInput { Reason = "吹哨", Target = new DispatchTarget.Department("510104-ZJ") }, CaseActor.Handler).After!;
        Assert.Equal(("510104-ZJ", HandlerLevel.Department), (dept.AssigneeDepartment!, dept.HandlerLevel));
    }

    [Fact]
    public void A_suspension_stops_the_clock_and_resuming_moves_the_deadline_by_the_time_suspended()
    {
        var handling = Case(CaseStatus.Handling, c => c with { ResolveDueAt = T0.AddHours(72), YellowAt = T0.AddHours(57.6) });
        var asked = Apply(handling, CaseAction.RequestSuspension, new ActionInput { Reason = "等待业主回国" }, CaseActor.Handler).After!;
        Assert.Equal(PendingRequest.Suspension, asked.Pending);
        var approved = Apply(asked, CaseAction.ApproveSuspension, actors: CaseActor.Supervisor).After!;
        Assert.Equal((CaseStatus.Suspended, CaseStatus.Handling, Now), (approved.Status, approved.StatusBeforeSuspension!.Value, approved.SuspendedAt!.Value));
        var later = CaseEffects.Apply(approved, CaseAction.Resume, [CaseActor.Supervisor], new ActionInput(), Now.AddHours(10), Limits, 1).After!;
        Assert.Equal((CaseStatus.Handling, 10.0, (DateTime?)null), (later.Status, later.SuspendedHours, later.SuspendedAt));
        Assert.Equal(T0.AddHours(82), later.ResolveDueAt);
        Assert.Equal(T0.AddHours(67.6), later.YellowAt!.Value, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public void An_extension_is_asked_with_hours_and_a_reason_and_moves_the_deadline_when_approved()
    {
        var handling = Case(CaseStatus.Handling, c => c with { ResolveDueAt = T0.AddHours(72), YellowAt = T0.AddHours(57.6) });
        var bad = Apply(handling, CaseAction.RequestExtension, new ActionInput { ExtensionHours = 721 }, CaseActor.Handler);
        Assert.True(bad.Errors.ContainsKey("extensionHours") && bad.Errors.ContainsKey("reason"));
        var asked = Apply(handling, CaseAction.RequestExtension, new ActionInput { ExtensionHours = 24, Reason = "材料未到" }, CaseActor.Handler).After!;
        Assert.Equal((PendingRequest.Extension, 24.0), (asked.Pending, asked.PendingExtensionHours!.Value));
        var approved = Apply(asked, CaseAction.ApproveExtension, actors: CaseActor.Supervisor);
        Assert.Equal((T0.AddHours(96), (double?)null, PendingRequest.None), (approved.After!.ResolveDueAt!.Value, approved.After.PendingExtensionHours, approved.After.Pending));
        Assert.StartsWith("批准延期 24 小时", approved.History!.Note);
        var denied = Apply(asked, CaseAction.DenyExtension, actors: CaseActor.Supervisor).After!;
        Assert.Equal((T0.AddHours(72), (double?)null), (denied.ResolveDueAt!.Value, denied.PendingExtensionHours));
    }

    [Fact]
    public void Reopen_needs_a_note_and_clears_the_closure()
    {
        var closed = Case(CaseStatus.Closed, c => c with { ClosedAt = T0 });
        Assert.True(Apply(closed, CaseAction.Reopen, actors: CaseActor.Supervisor).Errors.ContainsKey("note"));
        var reopened = Apply(closed, CaseAction.Reopen, new ActionInput { Note = "居民反映问题复发" }, CaseActor.Supervisor).After!;
        Assert.Equal((CaseStatus.Dispatched, (DateTime?)null), (reopened.Status, reopened.ClosedAt));
    }

    [Fact]
    public void A_long_note_is_refused_for_every_action()
    {
        var change = Apply(Case(CaseStatus.Reported), CaseAction.Register, new ActionInput { Note = new string('字', CaseEffects.MaxNote + 1) });
        Assert.True(change.Errors.ContainsKey("note"));
        Assert.Null(change.After);
    }

    [Fact]
    public void Every_allowed_action_in_every_state_yields_a_history_row_from_the_old_to_the_new_status()
    {
        var input = new ActionInput
        {
            Note = "说明", Reason = "invalid", Rating = 4, ExtensionHours = 8, PhotoCount = 1,
            Merge = new MergeTarget(99, "X"), Target = new DispatchTarget.Level(HandlerLevel.Grid),
        };
        foreach (var status in Enum.GetValues<CaseStatus>())
        foreach (var pending in Enum.GetValues<PendingRequest>())
        foreach (var actor in Enum.GetValues<CaseActor>())
        {
            var c = Case(status, x => x with { Pending = pending, ResolveDueAt = T0.AddHours(72), SuspendedAt = status == CaseStatus.Suspended ? T0 : null });
            foreach (var action in CaseStateMachine.Available(c.State, actor))
            {
                var change = CaseEffects.Apply(c, action, [actor], input, Now, Limits, 1);
                Assert.True(change.Applied, $"{action} by {actor} from {status}/{pending}: {string.Join(";", change.Errors.Keys)}");
                Assert.Equal((action, status, change.After!.Status), (change.History!.Action, change.History.From, change.History.To));
                Assert.Equal(c.Version + 1, change.After.Version);
            }
        }
    }
}
