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
public sealed class MyCases(GridGovDb db, Caller caller, PublicCases publicCases, CaseActions actions)
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
        return Mine(c, (await publicCases.BuildAsync([c], withSteps: true, ct))[0]);
    }

    /// <summary>Rates a closed case the caller reported: the loop's evaluate step, with its checks (1–5, once, closed only).</summary>
    public async Task<IResult> RateAsync(string trackingNo, RatingRequest body, CancellationToken ct)
    {
        var me = caller.UserId;
        var c = await db.Cases.AsNoTracking().Where(x => x.TrackingNo == trackingNo && x.ReporterUserId == me)
            .Select(x => new { x.Id, x.Version }).FirstOrDefaultAsync(ct);
        if (c is null) return Hosting.Problems.NotFound($"您没有编号为 {trackingNo} 的诉求 (no case of yours with this number)");
        return await actions.ApplyAsync(c.Id, CaseAction.Evaluate.Wire(), new CaseActionRequest(c.Version, null, null, null, null, null, null, null,
            body.Rating, body.Comment, null), ct);
    }

    private static MyCase Mine(Data.Entities.Case c, PublicCase view) =>
        new(view, RequestText.MaskNumbers(RequestText.Split(c.Description).Description), c.Status == CaseStatus.Closed && c.Rating is null,
            RequestText.MaskNumbers(c.RatingComment));
}
