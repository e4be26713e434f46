using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Domain.Areas;
using GridGov.Domain.Cases;
using GridGov.Web.Hosting;
using GridGov.Web.Hosting.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Cases;

/// <summary>
/// Applies one action of the loop for an explicit actor: loads the case and what the action refers to, lets the pure
/// <see cref="CaseEffects"/> decide and compute the change, then saves the case and its history row in one save
/// guarded by the case's version, so that of two people acting at once exactly one wins and the other gets a
/// conflict with the current state. Reached through <see cref="CaseEngine"/>.
/// </summary>
internal sealed class CaseActions(GridGovDb db, CaseClock clock, EventBus events)
{
    public async Task<CaseOutcome> ApplyAsync(Actor actor, long id, CaseAction action, CaseActionRequest body, CancellationToken ct)
    {
        if (action is CaseAction.Report or CaseAction.SelfResolve)
            return CaseOutcome.Invalid.Field("action", $"Unknown action '{action.Wire()}'.");
        var access = new CaseAccess(actor);
        var c = await db.Cases.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !access.CanSee(c)) return new CaseOutcome.NotFound($"No case {id} that you may see.");
        if (body.Version is null) return CaseOutcome.Invalid.Field("version", "Send the version of the case you are acting on (from GET /api/cases/{id}).");
        if (body.Version != c.Version) return await Stale(c, ct);

        var before = CaseRows.Facts(c);
        var actors = access.ActorsFor(c);
        // Refused before any reference is looked up: the state machine's reason is the answer.
        if (CaseStateMachine.DecideFor(before.State, action, actors).Refusal is { } refusal)
            return new CaseOutcome.Refused(refusal, c.Status.Wire(), c.Version);

        var category = await db.Categories.AsNoTracking().FirstAsync(x => x.Code == c.CategoryCode, ct);
        var refErrors = new Dictionary<string, string>();
        var photos = await Photos(actor, body, refErrors, ct);
        var input = new ActionInput
        {
            Note = body.Note, Reason = body.Reason, Rating = body.Rating, Comment = body.Comment, ExtensionHours = body.ExtensionHours,
            PhotoCount = photos.Count,
            Merge = action == CaseAction.Merge ? await MergeTarget(access, c, body, refErrors, ct) : null,
            Target = action == CaseAction.Dispatch || (action == CaseAction.Escalate && body.Department is not null)
                ? await Target(c, body, refErrors, ct) : null,
            ReferenceErrors = refErrors,
        };
        var now = clock.Now;
        var change = CaseEffects.Apply(before, action, actors, input, now, clock.Limits(category), actor.UserId);
        if (change.Refusal is { } why) return new CaseOutcome.Refused(why, c.Status.Wire(), c.Version);
        if (!change.Applied) return new CaseOutcome.Invalid(change.Errors);

        var previous = (Case)db.Entry(c).OriginalValues.ToObject();
        CaseRows.Apply(c, change.After!);
        foreach (var p in photos) { p.CaseId = c.Id; p.DistrictCode = c.DistrictCode; }
        var h = change.History!;
        db.CaseHistory.Add(new CaseHistory
        {
            CaseId = c.Id, DistrictCode = c.DistrictCode, At = now, ActorUserId = actor.UserId, ActorName = actor.Name,
            Action = h.Action.Wire(), FromStatus = h.From, ToStatus = h.To, Note = h.Note,
            PhotoIds = photos.Count > 0 ? string.Join(",", photos.Select(p => p.Id)) : null,
        });
        await events.PublishAsync(new CaseSaving(db, c, previous), ct);
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
        var summary = CaseMapping.Summary(c, category.Name, now);
        await events.NotifyAsync(new CaseChanged(summary, action, actor), ct);
        return new CaseOutcome.Applied(summary);
    }

    private async Task<CaseOutcome> Stale(Case c, CancellationToken ct)
    {
        var name = await db.Categories.Where(x => x.Code == c.CategoryCode).Select(x => x.Name).FirstAsync(ct);
        return new CaseOutcome.Conflict($"Someone acted on this case first; it is now {c.Status.Chinese()} (version {c.Version}). Reload and try again.",
            CaseMapping.Summary(c, name, clock.Now));
    }

    private async Task<List<CasePhoto>> Photos(Actor actor, CaseActionRequest body, Dictionary<string, string> errors, CancellationToken ct)
    {
        var ids = body.PhotoIds ?? [];
        if (ids.Count == 0) return [];
        if (ids.Count > CaseEngine.MaxPhotos) { errors["photoIds"] = $"At most {CaseEngine.MaxPhotos} photos."; return []; }
        var photos = await db.CasePhotos.Where(p => ids.Contains(p.Id) && p.CaseId == null && p.UploadedBy == actor.UserId).ToListAsync(ct);
        if (photos.Count != ids.Distinct().Count()) errors["photoIds"] = "Every photo id must be a photo you uploaded and not yet attached.";
        return photos;
    }

    private async Task<MergeTarget?> MergeTarget(CaseAccess access, Case c, CaseActionRequest body, Dictionary<string, string> errors, CancellationToken ct)
    {
        var target = body.MergeInto is { } into ? await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == into, ct) : null;
        if (target is null || target.Id == c.Id || !access.CanSee(target) || !CaseStateMachine.IsOpen(target.Status))
        {
            errors["mergeInto"] = "mergeInto must be another open case that you may see.";
            return null;
        }
        return new MergeTarget(target.Id, target.TrackingNo);
    }

    /// <summary>Dispatch to a person (who must be able to handle cases here), a department of the district, or a level.</summary>
    private async Task<DispatchTarget?> Target(Case c, CaseActionRequest body, Dictionary<string, string> errors, CancellationToken ct)
    {
        var targets = (body.AssigneeUserId is null ? 0 : 1) + (body.Department is null ? 0 : 1) + (body.Level is null ? 0 : 1);
        if (targets != 1) { errors["assigneeUserId"] = "Dispatch to exactly one of: assigneeUserId, department, level."; return null; }
        if (body.AssigneeUserId is { } userId)
        {
            var grants = await db.RoleGrants.AsNoTracking().Where(g => g.UserId == userId && g.RevokedAt == null)
                .Select(g => new { g.Role, g.AreaCode }).ToListAsync(ct);
            if (!CaseAccess.CanHandleArea(grants.Select(g => (g.Role, g.AreaCode)), c.AreaCode))
            { errors["assigneeUserId"] = "That person does not handle cases in this area."; return null; }
            // The case now sits at the assignee's level: the most specific area of theirs that holds it.
            var area = grants.Where(g => AreaCode.IsWithin(c.AreaCode, g.AreaCode)).Select(g => g.AreaCode).MaxBy(a => a.Length)!;
            var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
            return new DispatchTarget.Person(userId, HandlerLevels.OfAreaLength(area.Length), name);
        }
        if (body.Department is { } dept)
        {
            var found = await db.Departments.Where(d => d.Code == dept && d.DistrictCode == c.DistrictCode).Select(d => d.Name).FirstOrDefaultAsync(ct);
            if (found is null)
            { errors["department"] = $"department must be a department of district {c.DistrictCode} (e.g. {c.DistrictCode}-CG)."; return null; }
            return new DispatchTarget.Department(dept, found);
        }
        var level = CaseMapping.ParseLevel(body.Level);
        if (level is null or HandlerLevel.Department) { errors["level"] = "level is micro_grid, grid, community, street or district."; return null; }
        if (level == HandlerLevel.MicroGrid && AreaCode.KindOf(c.AreaCode) != AreaKind.MicroGrid)
        { errors["level"] = "This case is not inside a micro-grid."; return null; }
        return new DispatchTarget.Level(level.Value);
    }
}
