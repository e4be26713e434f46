using System.Text.Json;
using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Domain.People;
using GridGov.Domain.Security;
using GridGov.Web.Features.People;
using GridGov.Web.Hosting.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Verification;

/// <summary>
/// Community staff decide a worker's correction. An approval checks it again against the registry as it is now and
/// applies it through <see cref="PeopleRegistry"/> (moving out first, so a new head may follow an old one), marks
/// the house verified, all in one transaction; a rejection needs a note and sends the house back to the worker.
/// Another community's request is a 404.
/// </summary>
public sealed class ChangeReviews(GridGovDb db, Caller caller, PeopleRegistry registry, PeopleLookup lookup, PeopleOptions options,
    PersonalData pii, TimeProvider time)
{
    public const int MaxNote = 200;

    public async Task<VerificationOutcome> ApproveAsync(long id, string? note, CancellationToken ct)
    {
        var (report, problem) = await LoadAsync(id, note, noteRequired: false, ct);
        if (problem is not null) return problem;
        var item = await db.VerificationItems.AsNoTracking().FirstAsync(i => i.Id == report!.ItemId, ct);
        var round = await db.VerificationRounds.AsNoTracking().FirstAsync(r => r.Id == item.RoundId, ct);
        var (next, refusal) = VerificationFlow.Decide(item.State, VerificationAction.Approve, round.ClosedAt is null);
        if (refusal is { } r) return new VerificationOutcome.Refused(r);

        var house = await db.Houses.FirstAsync(h => h.Id == report!.HouseId, ct);
        var draft = JsonSerializer.Deserialize<CorrectionDraft>(pii.Reveal(report!.PayloadCipher)!)!;
        var occupants = await VerificationFiling.OccupantsAsync(db, house.Id, ct);
        await lookup.WarmAsync(ct);
        var (correction, errors) = draft.Build(house.Use, occupants.Select(o => o.Current).ToList(), registry.Today, options.Tags);
        if (correction is null) return new VerificationOutcome.Invalid(errors); // the registry changed since: reject it instead

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await MoveAsync(item, VerificationState.Submitted, next!.Value, ct)) return await RaceLostAsync(tx, ct);
        if (await ApplyAsync(correction, house, ct) is { } applyProblem)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new VerificationOutcome.Invalid([applyProblem]);
        }
        var now = time.GetUtcNow().UtcDateTime;
        house.VerifiedAt = now;
        Decide(report, ReviewDecision.Approved, note, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new VerificationOutcome.Done(ReviewRows.ToDto(report), false);
    }

    public async Task<VerificationOutcome> RejectAsync(long id, string? note, CancellationToken ct)
    {
        var (report, problem) = await LoadAsync(id, note, noteRequired: true, ct);
        if (problem is not null) return problem;
        var item = await db.VerificationItems.AsNoTracking().FirstAsync(i => i.Id == report!.ItemId, ct);
        var round = await db.VerificationRounds.AsNoTracking().FirstAsync(r => r.Id == item.RoundId, ct);
        var (next, refusal) = VerificationFlow.Decide(item.State, VerificationAction.Reject, round.ClosedAt is null);
        if (refusal is { } r) return new VerificationOutcome.Refused(r);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await MoveAsync(item, VerificationState.Submitted, next!.Value, ct)) return await RaceLostAsync(tx, ct);
        Decide(report!, ReviewDecision.Rejected, note, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new VerificationOutcome.Done(ReviewRows.ToDto(report!), false);
    }

    private async Task<(VerificationReport? Report, VerificationOutcome? Problem)> LoadAsync(long id, string? note, bool noteRequired, CancellationToken ct)
    {
        var text = note?.Trim();
        if (noteRequired && string.IsNullOrEmpty(text))
            return (null, new VerificationOutcome.Invalid([new("note", "退回时请写明原因，网格员会看到", "note is required: say why, the worker reads it")]));
        if (text is { Length: > MaxNote })
            return (null, new VerificationOutcome.Invalid([new("note", $"说明最多 {MaxNote} 个字", $"note is at most {MaxNote} characters")]));
        var report = await db.VerificationReports.FirstOrDefaultAsync(x => x.Id == id && x.Kind == VerificationReportKind.Correct, ct);
        if (report is null || !caller.Covers(Permission.VerificationReview, report.AreaCode))
            return (null, new VerificationOutcome.NotFound($"No change request {id} in your area."));
        if (report.Decision is not null) return (null, new VerificationOutcome.Refused(VerificationRefusal.NothingToReview));
        return (report, null);
    }

    /// <summary>The guarded change of state with its tally: false when someone else decided first.</summary>
    private async Task<bool> MoveAsync(VerificationItem item, VerificationState from, VerificationState to, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var moved = await db.VerificationItems.Where(i => i.Id == item.Id && i.State == from).ExecuteUpdateAsync(s =>
        {
            s.SetProperty(i => i.State, to).SetProperty(i => i.UpdatedAt, now);
            if (to == VerificationState.Verified) s.SetProperty(i => i.VerifiedAt, now);
        }, ct);
        if (moved == 0) return false;
        await VerificationTallies.MoveAsync(db, item.RoundId, item.AreaCode, from, to, ct);
        return true;
    }

    private async Task<VerificationOutcome> RaceLostAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction tx, CancellationToken ct)
    {
        await tx.RollbackAsync(ct);
        db.ChangeTracker.Clear();
        return new VerificationOutcome.Refused(VerificationRefusal.NothingToReview);
    }

    private void Decide(VerificationReport report, ReviewDecision decision, string? note, DateTime now)
    {
        report.Decision = decision;
        report.DecidedByUserId = caller.UserId;
        report.DecidedBy = caller.DisplayName;
        report.DecidedAt = now;
        report.DecisionNote = string.IsNullOrWhiteSpace(note) ? null : PersonalNumbers.MaskInText(note.Trim());
    }

    /// <summary>Applies a checked correction to the registry (saved as it goes, inside the caller's transaction).</summary>
    private async Task<CorrectionError?> ApplyAsync(HouseCorrection c, House house, CancellationToken ct)
    {
        var today = registry.Today;
        foreach (var residenceId in c.MovedOut)
        {
            var link = await db.Residences.FirstAsync(l => l.Id == residenceId, ct);
            if (await registry.MoveOutAsync(link, today, ct) is { } p) return Problem("movedOut", p);
        }
        await db.SaveChangesAsync(ct);
        for (var i = 0; i < c.MovedIn.Count; i++)
        {
            var m = c.MovedIn[i];
            var registered = await registry.RegisterAsync(m.Resident, house.AreaCode, ct);
            await db.SaveChangesAsync(ct);
            var (_, p) = await registry.MoveInAsync(registered.Person, house, m.Relation, today, ct);
            if (p is { } problem) return Problem($"movedIn[{i}]", problem);
            await db.SaveChangesAsync(ct);
        }
        foreach (var phone in c.Phones)
        {
            var person = await db.People.FirstAsync(x => x.Id == phone.PersonId, ct);
            await registry.SetPhoneAsync(person, phone.Phone, ct);
            person.UpdatedAt = time.GetUtcNow().UtcDateTime;
        }
        if (c.Use is { } use) house.Use = use;
        return null;
    }

    private static CorrectionError Problem(string field, ResidenceProblem p) => new(field, ResidenceRules.Chinese(p), ResidenceRules.English(p));
}
