using GridGov.Data;
using GridGov.Domain.Areas;
using GridGov.Domain.People;
using GridGov.Domain.Security;
using GridGov.Web.Features.People;
using GridGov.Web.Hosting;
using GridGov.Web.Hosting.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Verification;

/// <summary>
/// Verification rounds (核验轮次): opened and closed by an area's administrators, read (masked, counted) by everyone
/// with the registry in their area: progress with drill-down one level at a time, and the overdue houses.
/// </summary>
public static class RoundEndpoints
{
    public const int MaxOverdue = 500;

    public static void MapRounds(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/verification").WithTags("Verification rounds");
        g.MapPost("/rounds", (NewRound body, RoundOpener opener, CancellationToken ct) => opener.OpenAsync(body, ct))
            .RequirePermission(Permission.VerificationOpen)
            .WithSummary("Open a round over an area of yours and a period; every house there falls to its micro-grid's (or grid's) worker");
        g.MapGet("/rounds", List).RequirePermission(Permission.RegistryRead).WithSummary("Rounds over or inside your areas, open first");
        g.MapGet("/rounds/{id:long}", Get).RequirePermission(Permission.RegistryRead).WithSummary("A round");
        g.MapPost("/rounds/{id:long}/close", Close).RequirePermission(Permission.VerificationOpen)
            .WithSummary("Close a round (houses not verified stay so; the round no longer blocks another over them)");
        g.MapGet("/rounds/{id:long}/progress", Progress).RequirePermission(Permission.RegistryRead)
            .WithSummary("核验率 and overdue houses of a round in an area of yours and one level below it (drill down with area)");
        g.MapGet("/rounds/{id:long}/overdue", Overdue).RequirePermission(Permission.RegistryRead)
            .WithSummary("Houses of a round not verified by its due day, in an area of yours");
        g.MapGet("/progress", OpenProgress).RequirePermission(Permission.RegistryRead)
            .WithSummary("核验率 of every open round in an area of yours, with the areas one level below (the dashboard's view)");
    }

    private static async Task<IResult> List(GridGovDb db, Caller caller, PeopleRegistry registry, CancellationToken ct)
    {
        var rounds = await RoundRows.Visible(db, caller).OrderBy(r => r.ClosedAt != null).ThenByDescending(r => r.OpenedAt).Take(100).ToListAsync(ct);
        var codes = rounds.Select(r => r.AreaCode).Distinct().ToList();
        var names = await db.Areas.AsNoTracking().Where(a => codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Name, ct);
        return Results.Ok(rounds.Select(r => RoundRows.ToDto(r, names.GetValueOrDefault(r.AreaCode, r.AreaCode), registry.Today)).ToList());
    }

    private static async Task<IResult> Get(long id, GridGovDb db, Caller caller, PeopleRegistry registry, CancellationToken ct)
    {
        var round = await RoundRows.Visible(db, caller).FirstOrDefaultAsync(r => r.Id == id, ct);
        return round is null ? Problems.NotFound($"No round {id} in your area.") : Results.Ok(await RoundRows.ToDtoAsync(db, round, registry.Today, ct));
    }

    internal static async Task<IResult> Close(long id, GridGovDb db, Caller caller, PeopleRegistry registry, TimeProvider time, CancellationToken ct)
    {
        var round = await db.VerificationRounds.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null || !caller.Covers(Permission.VerificationOpen, round.AreaCode)) return Problems.NotFound($"No round {id} in your area.");
        if (round.ClosedAt is not null) return Problems.Conflict("This round is already closed.");
        round.ClosedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return Results.Ok(await RoundRows.ToDtoAsync(db, round, registry.Today, ct));
    }

    internal static async Task<IResult> Progress(long id, string? area, GridGovDb db, Caller caller, VerificationProgress progress,
        PeopleRegistry registry, CancellationToken ct)
    {
        var round = await RoundRows.Visible(db, caller).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null || RoundRows.ReadArea(round, area, caller) is not { } code) return Problems.NotFound($"No round {id} over an area {area} of yours.");
        var result = await progress.ComputeAsync(code, [(round.Id, round.DueOn)], registry.Today, ct);
        if (result is not { } p) return Problems.NotFound($"No area {code}.");
        return Results.Ok(new RoundProgress(round.Id, round.Name, round.DueOn, VerificationRounds.IsOverdue(round.DueOn, registry.Today), p.Area, p.Children));
    }

    internal static async Task<IResult> OpenProgress(string? area, GridGovDb db, Caller caller, VerificationProgress progress,
        PeopleRegistry registry, CancellationToken ct)
    {
        var roots = caller.Areas(Permission.RegistryRead);
        var code = area ?? (roots.Count == 1 ? roots[0] : null);
        if (code is null || !AreaCode.IsWellFormed(code)) return Problems.Invalid("area", "area is an area code of yours.");
        if (!caller.Covers(Permission.RegistryRead, code)) return Problems.NotFound($"No area {code} in yours.");
        var rounds = await progress.OpenRoundsAsync(code, ct);
        var result = await progress.ComputeAsync(code, rounds, registry.Today, ct);
        return result is { } p ? Results.Ok(new { rounds = rounds.Count, area = p.Area, children = p.Children }) : Problems.NotFound($"No area {code}.");
    }

    private static async Task<IResult> Overdue(long id, string? area, int? limit, GridGovDb db, Caller caller, PeopleRegistry registry, CancellationToken ct)
    {
        var take = limit ?? 100;
        if (take is < 1 or > MaxOverdue) return Problems.Invalid("limit", $"limit is 1 to {MaxOverdue}.");
        var round = await RoundRows.Visible(db, caller).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null || RoundRows.ReadArea(round, area, caller) is not { } code) return Problems.NotFound($"No round {id} over an area {area} of yours.");
        if (!VerificationRounds.IsOverdue(round.DueOn, registry.Today)) return Results.Ok(Array.Empty<OverdueHouse>());
        var rows = await (from i in db.VerificationItems.AsNoTracking().WithinAny(i => i.AreaCode, [code])
                          join h in db.Houses.AsNoTracking() on i.HouseId equals h.Id
                          where i.RoundId == id && i.State != VerificationState.Verified
                          orderby i.AreaCode, h.Address
                          select new { i, h.Address }).Take(take).ToListAsync(ct);
        return Results.Ok(rows.Select(r => new OverdueHouse(r.i.Id, r.i.HouseId, r.Address, r.i.AreaCode, r.i.WorkerArea, r.i.State.Wire(),
            VerificationLabels.Of(r.i.State))).ToList());
    }
}
