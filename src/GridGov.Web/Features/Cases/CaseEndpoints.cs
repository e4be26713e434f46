using GridGov.Data;
using GridGov.Domain.Cases;
using GridGov.Domain.Security;
using GridGov.Web.Hosting;
using GridGov.Web.Hosting.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Cases;

/// <summary>The case loop over HTTP: report, act, list (keyset paging), one case with its history, exports.</summary>
public static class CaseEndpoints
{
    public const int MaxPage = 200;

    public static void MapCases(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/cases").WithTags("Cases").RequireAuthorization();
        g.MapPost("/", async (NewCase body, CaseEngine engine, Caller caller, CancellationToken ct) => (await engine.ReportAsync(caller.Actor, body, ct)).ToHttp())
            .RequirePermission(Permission.CasesReport).WithSummary("Report a case (any source); idempotencyKey makes retries safe");
        g.MapPost("/{id:long}/actions/{action}", async (long id, string action, CaseActionRequest body, CaseEngine engine, Caller caller, CancellationToken ct) =>
            (await engine.ActAsync(caller.Actor, id, action, body, ct)).ToHttp()).WithSummary(
            "Act on a case: register, reject, merge, dispatch, accept, feedback, verify_pass, verify_fail, evaluate, escalate, request_suspension, approve_suspension, deny_suspension, resume, request_extension, approve_extension, deny_extension, reopen");
        g.MapGet("/", List).WithSummary("Cases you may see, newest first: filter by area, status, category, assignee, department, colour, source, from, to; page with cursor");
        g.MapGet("/{id:long}", Detail).WithSummary("One case with its full history and the actions you may take now");
        g.MapGet("/{id:long}/duplicates", async (long id, GridGovDb db, CaseAccess access, CaseEngine engine, Caller caller, CancellationToken ct) =>
        {
            var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            return c is null || !access.CanSee(c) ? Problems.NotFound($"No case {id} that you may see.") : Results.Ok(await engine.LikelyDuplicatesAsync(caller.Actor, c, ct));
        }).WithSummary("Open cases of the same category nearby (candidates for merging)");
        g.MapGet("/export.csv", (HttpContext http, GridGovDb db, CaseAccess access, Caller caller, CaseClock clock, CancellationToken ct) =>
            CaseExport.WriteAsync(http, db, access, caller, clock, csv: true, ct)).WithSummary("The filtered list as CSV (UTF-8 with BOM, opens in Excel)");
        g.MapGet("/export.xlsx", (HttpContext http, GridGovDb db, CaseAccess access, Caller caller, CaseClock clock, CancellationToken ct) =>
            CaseExport.WriteAsync(http, db, access, caller, clock, csv: false, ct)).WithSummary("The filtered list as an Excel workbook");
    }

    private static async Task<IResult> List(HttpContext http, GridGovDb db, CaseAccess access, Caller caller, CaseClock clock,
        long? cursor, int? limit, CancellationToken ct)
    {
        var (filter, errors) = CaseFilter.Parse(http.Request, caller);
        var size = limit ?? 50;
        if (size is < 1 or > MaxPage) errors["limit"] = [$"limit is 1 to {MaxPage}."];
        if (filter is null || errors.Count > 0) return Problems.Invalid(errors);
        var now = clock.Now;
        var q = filter.Apply(access.Visible(db.Cases.AsNoTracking()), caller, now);
        if (cursor is not null) q = q.Where(c => c.Id < cursor);
        var rows = await q.OrderByDescending(c => c.Id).Take(size + 1).ToListAsync(ct);
        var names = await CategoryNames(db, rows.Select(r => r.CategoryCode), ct);
        var page = rows.Take(size).Select(c => CaseMapping.Summary(c, names[c.CategoryCode], now)).ToList();
        return Results.Ok(new CasePage(page, rows.Count > size ? page[^1].Id : null));
    }

    private static async Task<IResult> Detail(long id, GridGovDb db, CaseAccess access, CaseClock clock, PersonalData pii, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !access.CanSee(c)) return Problems.NotFound($"No case {id} that you may see.");
        var name = await db.Categories.Where(x => x.Code == c.CategoryCode).Select(x => x.Name).FirstAsync(ct);
        var history = await db.CaseHistory.AsNoTracking().Where(h => h.CaseId == id).OrderBy(h => h.Id).ToListAsync(ct);
        var actors = await ActorNames.ForAsync(db, history, ct);
        var actions = access.ActorsFor(c).SelectMany(a => CaseStateMachine.Available(CaseMapping.State(c), a))
            .Distinct().Select(a => a.Wire()).ToList();
        // A reporter outside the staff sees who did what as 工作人员, not by name.
        var reporterOnly = access.SeesAsReporterOnly(c);
        // Numbers typed into free text are masked for everyone: a case has no audited unmask path.
        return Results.Ok(new CaseDetail(
            CaseMapping.Summary(c, name, clock.Now), PersonalNumbers.MaskInText(c.Description)!, c.ReporterName, c.ReporterPhoneMasked,
            c.Pending.ToString().ToLowerInvariant(), c.PendingExtensionHours, c.MergedIntoId, PersonalNumbers.MaskInText(c.RatingComment),
            c.RegisteredAt, c.RespondedAt, c.ResponseDueAt,
            history.Select(h => reporterOnly && h.ActorUserId != c.ReporterUserId
                ? new HistoryDto(h.Id, h.At, "工作人员", h.Action, h.FromStatus.Wire(), h.ToStatus.Wire(), PublicSteps.Note(CaseNames.ParseAction(h.Action), h.Note, c.MergedIntoId), [])
                : new HistoryDto(h.Id, h.At, ActorNames.Of(h, actors), h.Action, h.FromStatus.Wire(), h.ToStatus.Wire(), PersonalNumbers.MaskInText(h.Note),
                h.PhotoIds is null ? [] : h.PhotoIds.Split(',').Select(Guid.Parse).ToList())).ToList(),
            actions));
    }

    public static async Task<Dictionary<string, string>> CategoryNames(GridGovDb db, IEnumerable<string> codes, CancellationToken ct)
    {
        var wanted = codes.Distinct().ToList();
        return await db.Categories.AsNoTracking().Where(c => wanted.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.Name, ct);
    }
}
