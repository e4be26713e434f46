using System.Text.Json;
using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Domain.People;
using GridGov.Web.Features.People;
using GridGov.Web.Hosting.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Verification;

/// <summary>
/// A worker files a confirmation or a correction of a house of theirs. A confirmation verifies the house at once; a
/// correction is checked against the registry and kept (encrypted) as a change request for the community, and the
/// registry is not touched. The state moves by a guarded update (one winner when two phones race), and a report is
/// filed once per idempotency key of the account (a retry after a lost answer gets the first answer).
/// </summary>
public sealed class VerificationFiling(GridGovDb db, Caller caller, PeopleRegistry registry, PeopleOptions options, PersonalData pii, TimeProvider time)
{
    public const int MinKey = 8, MaxKey = 100;

    public async Task<VerificationOutcome> FileAsync(long itemId, VerificationReportBody body, CancellationToken ct)
    {
        var errors = new List<CorrectionError>();
        var key = body.IdempotencyKey?.Trim();
        if (key is null || key.Length is < MinKey or > MaxKey)
            errors.Add(new("idempotencyKey", "缺少提交编号", $"idempotencyKey is required ({MinKey}–{MaxKey} characters), one per report"));
        var kind = body.Kind switch { "confirm" => VerificationReportKind.Confirm, "correct" => VerificationReportKind.Correct, _ => (VerificationReportKind?)null };
        if (kind is null) errors.Add(new("kind", "请选择信息无误或更正", "kind must be confirm or correct"));
        if (errors.Count > 0) return new VerificationOutcome.Invalid(errors);

        var posts = WorkerPosts.Of(caller);
        var item = await db.VerificationItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId && posts.Contains(i.WorkerArea), ct);
        if (item is null) return new VerificationOutcome.NotFound($"No house to verify {itemId} of yours.");
        if (await ReplayAsync(item, kind!.Value, key!, ct) is { } replay) return replay;

        var round = await db.VerificationRounds.AsNoTracking().FirstAsync(r => r.Id == item.RoundId, ct);
        var action = kind == VerificationReportKind.Confirm ? VerificationAction.Confirm : VerificationAction.Correct;
        var (next, refusal) = VerificationFlow.Decide(item.State, action, round.ClosedAt is null);
        if (refusal is { } r) return new VerificationOutcome.Refused(r);

        var house = await db.Houses.FirstAsync(h => h.Id == item.HouseId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var report = new VerificationReport
        {
            ItemId = item.Id, RoundId = item.RoundId, HouseId = item.HouseId, AreaCode = item.AreaCode, DistrictCode = item.DistrictCode,
            Kind = kind.Value, UserId = caller.UserId, KeyOwner = caller.Actor.KeyOwner, IdempotencyKey = key!, ByName = caller.DisplayName,
            FiledAt = now, Summary = "信息无误（用途和住户与登记一致）",
        };
        if (kind == VerificationReportKind.Correct)
        {
            var draft = ToDraft(body);
            var occupants = await OccupantsAsync(db, house.Id, ct);
            var (correction, problems) = draft.Build(house.Use, occupants.Select(o => o.Current).ToList(), registry.Today, options.Tags);
            if (correction is null) return new VerificationOutcome.Invalid(problems);
            report.Summary = CorrectionText.Summarize(correction, house.Use,
                occupants.ToDictionary(o => o.Current.ResidenceId, o => o.Name), occupants.DistinctBy(o => o.Current.PersonId).ToDictionary(o => o.Current.PersonId, o => o.Name));
            report.PayloadCipher = pii.Protect(JsonSerializer.Serialize(draft));
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var moved = await db.VerificationItems.Where(i => i.Id == item.Id && i.State == item.State)
            .ExecuteUpdateAsync(s =>
            {
                s.SetProperty(i => i.State, next!.Value).SetProperty(i => i.UpdatedAt, now);
                if (next == VerificationState.Verified) s.SetProperty(i => i.VerifiedAt, now);
            }, ct);
        if (moved == 0)
        {
            // Another phone (or the same one, twice) got there first.
            await tx.RollbackAsync(ct);
            return await ReplayAsync(item, kind.Value, key!, ct) ?? await RefusalNowAsync(item.Id, action, ct);
        }
        await VerificationTallies.MoveAsync(db, item.RoundId, item.AreaCode, item.State, next!.Value, ct);
        if (next == VerificationState.Verified) house.VerifiedAt = now;
        db.VerificationReports.Add(report);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same key filed by a concurrent retry in the meantime: the database's unique index keeps one.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await ReplayAsync(item, kind.Value, key!, ct) ?? throw new InvalidOperationException("report not filed and not found");
        }
        await tx.CommitAsync(ct);
        return new VerificationOutcome.Done(new FiledReport(ReviewRows.ToDto(report), next.Value.Wire(), VerificationLabels.Of(next.Value)), true);
    }

    /// <summary>The first answer for a key already used by this account, or KeyReused when it was for another report.</summary>
    private async Task<VerificationOutcome?> ReplayAsync(VerificationItem item, VerificationReportKind kind, string key, CancellationToken ct)
    {
        var owner = caller.Actor.KeyOwner;
        var first = await db.VerificationReports.AsNoTracking().FirstOrDefaultAsync(x => x.KeyOwner == owner && x.IdempotencyKey == key, ct);
        if (first is null) return null;
        if (first.ItemId != item.Id || first.Kind != kind) return new VerificationOutcome.KeyReused();
        var state = await db.VerificationItems.AsNoTracking().Where(i => i.Id == item.Id).Select(i => i.State).FirstAsync(ct);
        return new VerificationOutcome.Replayed(new FiledReport(ReviewRows.ToDto(first), state.Wire(), VerificationLabels.Of(state)));
    }

    private async Task<VerificationOutcome> RefusalNowAsync(long itemId, VerificationAction action, CancellationToken ct)
    {
        var state = await db.VerificationItems.AsNoTracking().Where(i => i.Id == itemId).Select(i => i.State).FirstAsync(ct);
        var (_, refusal) = VerificationFlow.Decide(state, action, roundOpen: true);
        return new VerificationOutcome.Refused(refusal ?? VerificationRefusal.AwaitingReview);
    }

    public static CorrectionDraft ToDraft(VerificationReportBody b) => new(b.Use, b.MovedOut,
        b.MovedIn?.Select(m => new NewOccupantDraft(m.Name, m.IdNumber, m.Relation, m.Phone, m.Registration)).ToList(),
        b.Phones?.Select(p => new PhoneDraft(p.PersonId, p.Phone)).ToList(), b.Note);

    public sealed record Occupant(CurrentOccupant Current, string Name);

    /// <summary>Who lives in the house now (open links), with names for the summary.</summary>
    public static async Task<List<Occupant>> OccupantsAsync(GridGovDb db, long houseId, CancellationToken ct) =>
        (await (from l in db.Residences.AsNoTracking()
                join p in db.People.AsNoTracking() on l.PersonId equals p.Id
                where l.HouseId == houseId && l.To == null
                select new { l.Id, l.PersonId, l.Relation, p.Name }).ToListAsync(ct))
        .Select(o => new Occupant(new CurrentOccupant(o.Id, o.PersonId, o.Relation), o.Name)).ToList();
}
