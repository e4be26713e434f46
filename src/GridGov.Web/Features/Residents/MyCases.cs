using GridGov.Data;
using GridGov.Domain.Cases;
using GridGov.Web.Features.Cases;
using GridGov.Web.Features.Open311;
using GridGov.Web.Hosting.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Residents;

/// <summary>
/// A resident's own cases: found by tracking number or listed newest first, always filtered by reporter, so no
/// tracking number opens someone else's case here (the public page shows only what anyone may see).
/// </summary>
public sealed class MyCases(GridGovDb db, Caller caller, PublicCases publicCases, CaseEngine engine)
{
    public const int PageSize = 20;

    public async Task<(List<MyCase> Items, long? NextCursor)> ListAsync(long? cursor, CancellationToken ct)
    {
        var me = caller.UserId;
        var q = db.Cases.AsNoTracking().Where(c => c.ReporterUserId == me);
        if (cursor is not null) q = q.Where(c => c.Id < cursor);
        var rows = await q.OrderByDescending(c => c.Id).Take(PageSize + 1).ToListAsync(ct);
        var page = rows.Take(PageSize).ToList();
        var views = await publicCases.BuildAsync(page, withSteps: false, ct);
        return (page.Zip(views, Mine).ToList(), rows.Count > PageSize ? page[^1].Id : null);
    }

    public async Task<MyCase?> FindAsync(string trackingNo, CancellationToken ct)
    {
        var me = caller.UserId;
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.TrackingNo == trackingNo && x.ReporterUserId == me, ct);
        if (c is null) return null;
        var mine = Mine(c, (await publicCases.BuildAsync([c], withSteps: true, ct))[0]);
        if (c.Status != CaseStatus.Closed) return mine;
        // The reporter sees how it was solved: the photos of the result and the handler's words (numbers masked).
        var done = await db.CaseHistory.AsNoTracking()
            .Where(h => h.CaseId == c.Id && (h.Action == "feedback" || h.Action == "self_resolve")).OrderBy(h => h.Id).ToListAsync(ct);
        var photos = done.Where(h => h.PhotoIds is not null).SelectMany(h => h.PhotoIds!.Split(',')).Select(Guid.Parse).ToList();
        var note = done.LastOrDefault(h => h.Action == "feedback" && !string.IsNullOrWhiteSpace(h.Note))?.Note;
        return mine with { AfterPhotos = photos, HandlerNote = Domain.Security.PersonalNumbers.MaskInText(note) };
    }

    /// <summary>Rates a closed case the caller reported: the loop's evaluate step, with its checks (1–5, once, closed only).</summary>
    public async Task<CaseOutcome> RateAsync(string trackingNo, RatingRequest body, CancellationToken ct)
    {
        var me = caller.UserId;
        var c = await db.Cases.AsNoTracking().Where(x => x.TrackingNo == trackingNo && x.ReporterUserId == me)
            .Select(x => new { x.Id, x.Version }).FirstOrDefaultAsync(ct);
        if (c is null) return new CaseOutcome.NotFound($"您没有编号为 {trackingNo} 的诉求 (no case of yours with this number)");
        return await engine.ActAsync(caller.Actor with { Channel = "resident" }, c.Id, CaseAction.Evaluate, new CaseActionRequest(c.Version, null, null, null, null, null, null, null,
            body.Rating, body.Comment, null), ct);
    }

    private static MyCase Mine(Data.Entities.Case c, PublicCase view) =>
        new(view, RequestText.MaskNumbers(RequestText.Split(c.Description).Description), c.Status == CaseStatus.Closed && c.Rating is null, RequestText.MaskNumbers(c.RatingComment),
            MyAnswers: RequestText.Answers(c.Description).Select(a => RequestText.MaskNumbers(a)!).ToList());
}
