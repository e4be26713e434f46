using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Domain.Areas;
using GridGov.Domain.Cases;
using GridGov.Web.Hosting;
using GridGov.Web.Hosting.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Cases;

/// <summary>
/// Applies one action of the loop: checks the caller's capacity and the state machine, validates the action's
/// fields, updates the case and appends the history row in one save guarded by the case's version, so that of two
/// people acting at once exactly one wins and the other gets 409 with the current state.
/// </summary>
public sealed class CaseActions(GridGovDb db, Caller caller, CaseAccess access, CaseClock clock)
{
    public async Task<IResult> ApplyAsync(long id, string actionName, CaseActionRequest body, CancellationToken ct)
    {
        var action = CaseNames.ParseAction(actionName);
        if (action is null or CaseAction.Report or CaseAction.SelfResolve)
            return Problems.Invalid("action", $"Unknown action '{actionName}'.");
        var c = await db.Cases.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !access.CanSee(c)) return Problems.NotFound($"No case {id} that you may see.");
        if (body.Version is null) return Problems.Invalid("version", "Send the version of the case you are acting on (from GET /api/cases/{id}).");
        if (body.Version != c.Version) return await Stale(c, ct);

        var daysBefore = Indicators.StatsDays.Of(c).ToList();
        var actors = access.ActorsFor(c);
        Transition? next = null;
        string? refusal = actors.Count == 0 ? "you have no part in this case" : null;
        foreach (var actor in actors)
        {
            (next, var why) = CaseStateMachine.Decide(CaseMapping.State(c), action.Value, actor);
            if (next is not null) break;
            refusal ??= why;
            refusal = why;
        }
        if (next is null) return Results.Problem(statusCode: 409, title: "Not allowed now", detail: refusal,
            extensions: new Dictionary<string, object?> { ["status"] = c.Status.Wire(), ["version"] = c.Version });

        var category = await db.Categories.AsNoTracking().FirstAsync(x => x.Code == c.CategoryCode, ct);
        var now = clock.Now;
        var errors = new Dictionary<string, string[]>();
        if (body.Note is { Length: > 1000 }) errors["note"] = ["note is at most 1000 characters."];
        var photos = await Photos(body, errors, ct);
        var note = body.Note?.Trim();

        switch (action.Value)
        {
            case CaseAction.Register:
                c.RegisteredAt = now;
                clock.Start(c, category, now);
                break;
            case CaseAction.Reject:
                if (body.Reason is not ("invalid" or "duplicate" or "not_ours"))
                    errors["reason"] = ["reason is invalid (无效), duplicate (重复) or not_ours (非本辖区/非职责)."];
                note = $"[{body.Reason}] {note}".Trim();
                break;
            case CaseAction.Merge:
                var target = body.MergeInto is { } into ? await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == into, ct) : null;
                if (target is null || target.Id == c.Id || !access.CanSee(target) || !CaseStateMachine.IsOpen(target.Status))
                    errors["mergeInto"] = ["mergeInto must be another open case that you may see."];
                else { c.MergedIntoId = target.Id; note = $"合并至 {target.TrackingNo} {note}".Trim(); }
                break;
            case CaseAction.Dispatch:
                await Assign(c, body, errors, ct);
                break;
            case CaseAction.Accept:
                c.RespondedAt ??= now;
                if (c.AssigneeUserId is null && c.AssigneeDepartment is null) c.AssigneeUserId = caller.UserId;
                break;
            case CaseAction.Feedback:
                if (photos.Count == 0) errors["photoIds"] = ["Feedback needs at least one photo of the result."];
                c.FeedbackAt ??= now;
                break;
            case CaseAction.VerifyPass:
                c.ClosedAt = now;
                break;
            case CaseAction.VerifyFail:
                if (string.IsNullOrEmpty(note)) errors["note"] = ["Say what is still wrong: the handler sees it."];
                c.ReworkCount++;
                break;
            case CaseAction.Evaluate:
                if (body.Rating is not (>= 1 and <= 5)) errors["rating"] = ["rating is 1 to 5."];
                if (body.Comment is { Length: > 500 }) errors["comment"] = ["comment is at most 500 characters."];
                c.Rating = body.Rating;
                c.RatingComment = body.Comment?.Trim();
                note = $"评价 {body.Rating} 星 {c.RatingComment}".Trim();
                break;
            case CaseAction.Escalate:
                if (string.IsNullOrEmpty(body.Reason) || body.Reason.Length > 200) errors["reason"] = ["Say why the case is escalated (at most 200 characters)."];
                if (body.Department is not null) await Assign(c, body, errors, ct);
                else
                {
                    // A department's case goes up to the district; otherwise one level up.
                    c.HandlerLevel = c.HandlerLevel >= HandlerLevel.District ? HandlerLevel.District : c.HandlerLevel + 1;
                    c.AssigneeUserId = null;
                    c.AssigneeDepartment = null;
                }
                note = $"上报: {body.Reason} {note}".Trim();
                break;
            case CaseAction.RequestSuspension:
                if (string.IsNullOrEmpty(body.Reason)) errors["reason"] = ["Say why the case should be suspended (缓办)."];
                note = $"申请缓办: {body.Reason}";
                break;
            case CaseAction.RequestExtension:
                if (body.ExtensionHours is not (> 0 and <= 720)) errors["extensionHours"] = ["extensionHours is more than 0 and at most 720."];
                if (string.IsNullOrEmpty(body.Reason)) errors["reason"] = ["Say why more time is needed (延期)."];
                c.PendingExtensionHours = body.ExtensionHours;
                note = $"申请延期 {body.ExtensionHours} 小时: {body.Reason}";
                break;
            case CaseAction.ApproveSuspension:
                c.SuspendedAt = now;
                break;
            case CaseAction.Resume:
                if (c.SuspendedAt is { } since)
                {
                    // The clock stood still while suspended: push the deadline by the suspended time.
                    var hours = clock.HoursBetween(since, now, category.WorkingHours);
                    c.SuspendedHours += hours;
                    clock.Extend(c, hours, category.WorkingHours);
                    c.SuspendedAt = null;
                }
                break;
            case CaseAction.ApproveExtension:
                clock.Extend(c, c.PendingExtensionHours ?? 0, category.WorkingHours);
                note = $"批准延期 {c.PendingExtensionHours} 小时 {note}".Trim();
                c.PendingExtensionHours = null;
                break;
            case CaseAction.DenyExtension:
                c.PendingExtensionHours = null;
                break;
            case CaseAction.Reopen:
                if (string.IsNullOrEmpty(note)) errors["note"] = ["Say why the case is reopened."];
                c.ClosedAt = null;
                break;
        }
        if (errors.Count > 0) return Problems.Invalid(errors);

        var from = c.Status;
        c.Status = next.To;
        c.Pending = next.Pending;
        c.StatusBeforeSuspension = next.StatusBeforeSuspension;
        c.Version++;
        foreach (var p in photos) { p.CaseId = c.Id; p.DistrictCode = c.DistrictCode; }
        Indicators.StatsRollup.MarkDirty(db, c, daysBefore);
        db.CaseHistory.Add(new CaseHistory
        {
            CaseId = c.Id, DistrictCode = c.DistrictCode, At = now, ActorUserId = caller.UserId, ActorName = caller.Name,
            Action = action.Value.Wire(), FromStatus = from, ToStatus = c.Status, Note = string.IsNullOrEmpty(note) ? null : note,
            PhotoIds = photos.Count > 0 ? string.Join(",", photos.Select(p => p.Id)) : null,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Cases.AsNoTracking().FirstAsync(x => x.Id == id, ct);
            return await Stale(current, ct);
        }
        return Results.Ok(CaseMapping.Summary(c, category.Name, now));
    }

    private async Task<IResult> Stale(Case c, CancellationToken ct)
    {
        var name = await db.Categories.Where(x => x.Code == c.CategoryCode).Select(x => x.Name).FirstAsync(ct);
        return Results.Problem(statusCode: 409, title: "The case has changed",
            detail: $"Someone acted on this case first; it is now {c.Status.Chinese()} (version {c.Version}). Reload and try again.",
            extensions: new Dictionary<string, object?> { ["current"] = CaseMapping.Summary(c, name, clock.Now) });
    }

    private async Task<List<CasePhoto>> Photos(CaseActionRequest body, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var ids = body.PhotoIds ?? [];
        if (ids.Count == 0) return [];
        if (ids.Count > CaseIntake.MaxPhotos) { errors["photoIds"] = [$"At most {CaseIntake.MaxPhotos} photos."]; return []; }
        var photos = await db.CasePhotos.Where(p => ids.Contains(p.Id) && p.CaseId == null && p.UploadedBy == caller.UserId).ToListAsync(ct);
        if (photos.Count != ids.Distinct().Count()) errors["photoIds"] = ["Every photo id must be a photo you uploaded and not yet attached."];
        return photos;
    }

    /// <summary>Dispatch to a person (who must be able to handle cases here), a department of the district, or a level.</summary>
    private async Task Assign(Case c, CaseActionRequest body, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var targets = (body.AssigneeUserId is null ? 0 : 1) + (body.Department is null ? 0 : 1) + (body.Level is null ? 0 : 1);
        if (targets != 1) { errors["assigneeUserId"] = ["Dispatch to exactly one of: assigneeUserId, department, level."]; return; }
        if (body.AssigneeUserId is { } userId)
        {
            var grants = await db.RoleGrants.AsNoTracking().Where(g => g.UserId == userId && g.RevokedAt == null)
                .Select(g => new { g.Role, g.AreaCode }).ToListAsync(ct);
            if (!CaseAccess.CanHandleArea(grants.Select(g => (g.Role, g.AreaCode)), c.AreaCode))
            { errors["assigneeUserId"] = ["That person does not handle cases in this area."]; return; }
            c.AssigneeUserId = userId; c.AssigneeDepartment = null;
            // The case now sits at the assignee's level: the most specific area of theirs that holds it.
            var area = grants.Where(g => AreaCode.IsWithin(c.AreaCode, g.AreaCode)).Select(g => g.AreaCode).MaxBy(a => a.Length)!;
            c.HandlerLevel = HandlerLevels.OfAreaLength(area.Length);
        }
        else if (body.Department is { } dept)
        {
            if (!await db.Departments.AnyAsync(d => d.Code == dept && d.DistrictCode == c.DistrictCode, ct))
            { errors["department"] = [$"department must be a department of district {c.DistrictCode} (e.g. {c.DistrictCode}-CG)."]; return; }
            c.AssigneeDepartment = dept; c.AssigneeUserId = null; c.HandlerLevel = HandlerLevel.Department;
        }
        else
        {
            var level = CaseMapping.ParseLevel(body.Level);
            if (level is null or HandlerLevel.Department) { errors["level"] = ["level is micro_grid, grid, community, street or district."]; return; }
            if (level == HandlerLevel.MicroGrid && AreaCode.KindOf(c.AreaCode) != AreaKind.MicroGrid)
            { errors["level"] = ["This case is not inside a micro-grid."]; return; }
            c.HandlerLevel = level.Value; c.AssigneeUserId = null; c.AssigneeDepartment = null;
        }
    }
}
