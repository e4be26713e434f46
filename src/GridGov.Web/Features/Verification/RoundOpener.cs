using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Domain.Areas;
using GridGov.Domain.People;
using GridGov.Domain.Security;
using GridGov.Web.Features.People;
using GridGov.Web.Hosting;
using GridGov.Web.Hosting.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Verification;

/// <summary>
/// Opens a round over an area and a period: checks the period and the caller's area, refuses a round that would share
/// houses with an open one over the same days, then makes one item per house in the area in one statement (a district
/// has a million houses), each falling to its micro-grid's worker, or its grid's where the micro-grid has none.
/// </summary>
public sealed class RoundOpener(GridGovDb db, Caller caller, PeopleRegistry registry, AuditWriter audit, TimeProvider time)
{
    public async Task<IResult> OpenAsync(NewRound body, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var area = body.Area?.Trim();
        if (area is null || !AreaCode.IsWellFormed(area) || area.Length < AreaCode.DistrictLength
            || !caller.Covers(Permission.VerificationOpen, area) || !await db.Areas.AnyAsync(a => a.Code == area, ct))
            errors["area"] = ["area must be a district, street, community or grid in your area."];
        if (body.StartsOn is null) errors["startsOn"] = ["startsOn is required (yyyy-MM-dd)."];
        if (body.DueOn is null) errors["dueOn"] = ["dueOn is required (yyyy-MM-dd)."];
        if (body.StartsOn is { } s && body.DueOn is { } d)
            foreach (var p in VerificationRounds.Check(body.Name, s, d, registry.Today))
                errors.TryAdd(VerificationRounds.Field(p), [VerificationRounds.English(p)]);
        else if (string.IsNullOrWhiteSpace(body.Name)) errors["name"] = [VerificationRounds.English(RoundProblem.NameMissing)];
        if (errors.Count > 0) return Problems.Invalid(errors);

        var period = new RoundPeriod(body.StartsOn!.Value, body.DueOn!.Value);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var clash = await ClashAsync(area!, period, ct);
        if (clash is not null)
            return Problems.Conflict($"Round {clash.Id} ({clash.Name}, {clash.StartsOn:yyyy-MM-dd} to {clash.DueOn:yyyy-MM-dd}) " +
                $"is open over houses of {area} in these days; close it or choose other days.");

        var round = new VerificationRound
        {
            Name = body.Name!.Trim(), AreaCode = area!, DistrictCode = area![..AreaCode.DistrictLength],
            StartsOn = period.Start, DueOn = period.Due, OpenedByUserId = caller.UserId, OpenedBy = caller.DisplayName,
            OpenedAt = time.GetUtcNow().UtcDateTime,
        };
        db.VerificationRounds.Add(round);
        await db.SaveChangesAsync(ct);
        round.Houses = await AddItemsAsync(db, round.Id, area, round.OpenedAt, ct);
        await VerificationTallies.RebuildAsync(db, round.Id, ct);
        await db.SaveChangesAsync(ct);
        // The items are written by one statement, not through EF: one entry says what it made.
        await audit.RecordAsync("verification.open", nameof(VerificationRound), round.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            area, $"{round.Name}: {round.Houses} houses, {period.Start:yyyy-MM-dd} to {period.Due:yyyy-MM-dd}", null, ct);
        await tx.CommitAsync(ct);
        return Results.Created($"/api/verification/rounds/{round.Id}", await RoundRows.ToDtoAsync(db, round, registry.Today, ct));
    }

    /// <summary>An open round sharing houses with this one on some day (areas nested either way), if any.</summary>
    private async Task<VerificationRound?> ClashAsync(string area, RoundPeriod period, CancellationToken ct)
    {
        // Openers take turns (opening is rare): two overlapping rounds opened at the same instant would both see no clash.
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7301)", ct);
        var above = new List<string>();
        for (var p = (string?)area; p is not null; p = AreaCode.ParentOf(p)) above.Add(p);
        var open = await db.VerificationRounds.AsNoTracking()
            .Where(r => r.ClosedAt == null && r.StartsOn <= period.Due && r.DueOn >= period.Start)
            .Where(CodeScope.Predicate<VerificationRound>(r => r.AreaCode, [area]).Or(r => above.Contains(r.AreaCode)))
            .ToListAsync(ct);
        return open.FirstOrDefault(r => VerificationRounds.Clash(area, period, r.AreaCode, new RoundPeriod(r.StartsOn, r.DueOn)));
    }

    /// <summary>One item per house in the area, in one statement; returns how many.</summary>
    public static Task<int> AddItemsAsync(GridGovDb db, long roundId, string area, DateTime now, CancellationToken ct)
    {
        var upper = AreaCode.UpperBound(area) ?? area + "~";
        int micro = (int)GridRole.MicroGridWorker, fullTime = (int)GridRole.FullTimeWorker, pending = (int)VerificationState.Pending;
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO verification_items (round_id, house_id, area_code, district_code, worker_area, assignee_staff_id, state, updated_at)
            SELECT {roundId}, h.id, h.area_code, h.district_code,
                   CASE WHEN m.staff IS NOT NULL THEN h.area_code ELSE substr(h.area_code, 1, 14) END,
                   COALESCE(m.staff, g.staff), {pending}, {now}
            FROM houses h
            LEFT JOIN (SELECT grid_code, MIN(staff_member_id) AS staff FROM grid_assignments
                       WHERE role = {micro} AND ended_at IS NULL GROUP BY grid_code) m ON m.grid_code = h.area_code
            LEFT JOIN (SELECT grid_code, MIN(staff_member_id) AS staff FROM grid_assignments
                       WHERE role = {fullTime} AND ended_at IS NULL GROUP BY grid_code) g ON g.grid_code = substr(h.area_code, 1, 14)
            WHERE h.area_code >= {area} AND h.area_code < {upper}
            """, ct);
    }
}
