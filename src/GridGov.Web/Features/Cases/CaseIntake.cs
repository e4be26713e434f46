using System.Security.Cryptography;
using GridGov.Data;
using GridGov.Data.Cases;
using GridGov.Data.Entities;
using GridGov.Domain.Areas;
using GridGov.Domain.Cases;
using GridGov.Domain.Geo;
using GridGov.Domain.Security;
using GridGov.Web.Hosting;
using GridGov.Web.Hosting.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Cases;

/// <summary>
/// Reporting a case from any source, for an explicit actor: validated, routed to its micro-grid by the index, stored
/// with its first history row; a retried report with the same idempotency key (the key belongs to the account, across
/// every channel) returns the first case, a key reused for different content is refused. Self-resolution (自办自结)
/// closes it in the same step, with photos. Plain reports (no photos) are stored by group commit
/// (<see cref="IntakeWriter"/>); reports with photos and self-resolution take the EF path. Reached through <see cref="CaseEngine"/>.
/// </summary>
internal sealed class CaseIntake(IServiceProvider services, GridIndexHolder index, CaseClock clock, PersonalData pii,
    Categories.CategoryCache categories, IntakeWriter writer, GridGovOptions options, EventBus events)
{
    // Resolved on first use: the group-committed path of a plain report never needs a DbContext.
    private GridGovDb Db => services.GetRequiredService<GridGovDb>();

    public const int MaxDescription = CaseEngine.MaxDescription;
    public const int MaxPhotos = CaseEngine.MaxPhotos;

    public async Task<CaseOutcome> ReportAsync(Actor actor, NewCase body, CancellationToken ct)
    {
        if (!actor.Has(Permission.CasesReport)) return new CaseOutcome.Refused($"{actor.Name} may not report cases.");
        var access = new CaseAccess(actor);
        var errors = new Dictionary<string, string[]>();
        var category = body.CategoryCode is { Length: 4 } code ? await categories.FindAsync(code, ct) : null;
        if (category is { Active: false }) category = null;
        if (category is null) errors["categoryCode"] = ["categoryCode must be an active minor category (4 digits), see GET /api/categories."];
        var description = body.Description?.Trim();
        if (string.IsNullOrEmpty(description)) errors["description"] = ["Describe the problem."];
        else if (description.Length > MaxDescription) errors["description"] = [$"The description is at most {MaxDescription} characters."];
        if (body.Lon is not { } lon || body.Lat is not { } lat) { errors["lon"] = ["lon and lat are required (WGS-84; crs=gcj02 for Gaode/Tencent)."]; lon = lat = 0; }
        else if (CoordinateCheck.Check(lon, lat) is { } problem) errors[problem.Field] = [$"{problem.Message} {problem.Hint}"];
        if (body.Crs is not (null or "wgs84" or "gcj02")) errors["crs"] = ["crs is wgs84 (default) or gcj02."];
        var source = body.Source ?? "app";
        if (!CaseMapping.Sources.Contains(source)) errors["source"] = [$"source must be one of: {string.Join(", ", CaseMapping.Sources)}."];
        if (body.AddressText is { Length: > 200 }) errors["addressText"] = ["addressText is at most 200 characters."];
        if (body.ReporterName is { Length: > 50 }) errors["reporterName"] = ["reporterName is at most 50 characters."];
        var phone = body.ReporterPhone?.Trim();
        if (!string.IsNullOrEmpty(phone) && !PersonalNumbers.IsMobile(phone)) errors["reporterPhone"] = ["reporterPhone must be an 11-digit mainland mobile number."];
        if (body.IdempotencyKey is { Length: > 100 }) errors["idempotencyKey"] = ["idempotencyKey is at most 100 characters."];
        var photoIds = body.PhotoIds ?? [];
        if (photoIds.Count > MaxPhotos) errors["photoIds"] = [$"At most {MaxPhotos} photos."];
        var key = string.IsNullOrWhiteSpace(body.IdempotencyKey) || body.IdempotencyKey.Length > 100 ? null : $"{actor.KeyOwner}:{body.IdempotencyKey.Trim()}";
        // A retry of a report with photos that went through answers with that case before its photos (now attached) are checked.
        if (key is not null && photoIds.Count > 0 && errors.Count == 0 && await Replay(key, body, ct) is { } early) return early;
        var photos = photoIds.Count == 0 ? [] : await Db.CasePhotos.Where(p => photoIds.Contains(p.Id) && p.CaseId == null && p.UploadedBy == actor.UserId).ToListAsync(ct);
        if (photos.Count != photoIds.Distinct().Count()) errors["photoIds"] = ["Every photo id must be a photo you uploaded and not yet attached (POST /api/photos)."];
        if (body.SelfResolve && photos.Count == 0) errors["photoIds"] = ["自办自结 needs at least one photo of the result."];
        if (errors.Count > 0) return new CaseOutcome.Invalid(errors);

        if (body.Crs == "gcj02") (lon, lat) = ChinaCoordinates.Gcj02ToWgs84(lon, lat);
        // A point far outside the city is a mistake (swapped or mistyped coordinates), not a case for the unassigned queue.
        var outside = index.Current.MetersOutside(lon, lat);
        if (outside > options.MaxKilometersOutsideCity * 1000)
            return CaseOutcome.Invalid.Field("lon", $"The point ({lon}, {lat}) lies about {outside / 1000:N0} km outside the city; "
                + "check the coordinates (longitude first, then latitude; WGS-84, or crs=gcj02 for Gaode/Tencent) or pin the place on the map.");

        // The group-committed path finds a taken key when it inserts (ON CONFLICT), so it needs no look-up first.
        var grouped = photos.Count == 0 && !body.SelfResolve;
        if (key is not null && !grouped && await Replay(key, body, ct) is { } replay) return replay;

        var located = index.Current.Locate(lon, lat);
        var now = clock.Now;
        var area = located.RoutedTo;
        if (body.SelfResolve && !CaseAccess.CanHandleArea(actor.Grants.Select(g => (g.Role, g.Area)), area))
            return CaseOutcome.Invalid.Field("selfResolve", "自办自结 is for grid workers inside their own grid; this location is outside it.");

        var c = new Case
        {
            TrackingNo = CaseEngine.NewTrackingNo(now),
            CategoryCode = category!.Code,
            Description = description!,
            Source = source,
            Status = CaseStatus.Reported,
            Lon = lon, Lat = lat,
            AddressText = body.AddressText?.Trim(),
            AreaCode = area,
            DistrictCode = located.District ?? "",
            LocationFlagged = located.Flagged,
            ReporterUserId = actor.UserId,
            ReporterName = body.ReporterName?.Trim() ?? actor.Name,
            HandlerLevel = category.Handler,
            ReportedAt = now,
            IdempotencyKey = key,
            Version = 1,
        };
        if (!string.IsNullOrEmpty(phone)) (c.ReporterPhoneMasked, c.ReporterPhoneCipher) = pii.ProtectPhone(phone);
        var note = located.Flagged ? $"位置不在任何网格内，已暂挂到 {area}，请核实" : null;
        if (grouped) return await ReportGroupedAsync(actor, access, c, body, category, note, now, ct);
        var history = new List<CaseHistory> { Row(actor, c, now, CaseAction.Report, CaseStatus.Reported, CaseStatus.Reported, note, body.SelfResolve ? null : photos) };
        if (body.SelfResolve)
        {
            // 自办自结: registered, responded and closed at once by the worker on the spot.
            c.Status = CaseStatus.Closed;
            c.SelfResolved = true;
            c.RegisteredAt = c.RespondedAt = c.FeedbackAt = c.ClosedAt = now;
            c.AssigneeUserId = actor.UserId;
            clock.Start(c, category, now);
            history.Add(Row(actor, c, now, CaseAction.SelfResolve, CaseStatus.Reported, CaseStatus.Closed, "自办自结", photos));
        }
        Db.Cases.Add(c);
        try
        {
            await Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (key is not null)
        {
            // Two retries raced: the unique key let one in; answer with that one.
            Db.ChangeTracker.Clear();
            if (await Replay(key, body, ct) is { } raced) return raced;
            throw;
        }
        foreach (var p in photos) { p.CaseId = c.Id; p.DistrictCode = c.DistrictCode; }
        foreach (var h in history) h.CaseId = c.Id;
        Db.CaseHistory.AddRange(history);
        await events.PublishAsync(new CaseSaving(Db, c, null), ct);
        await Db.SaveChangesAsync(ct);

        return await CreatedAsync(actor, access, c, body.SelfResolve ? CaseAction.SelfResolve : CaseAction.Report, category, now, ct);
    }

    /// <summary>A plain report: case, history row, audit entry and dirty-marker committed with the others queued meanwhile.</summary>
    private async Task<CaseOutcome> ReportGroupedAsync(Actor actor, CaseAccess access, Case c, NewCase body, Category category, string? note, DateTime now, CancellationToken ct)
    {
        var scope = new DuplicateScope(actor.UserId ?? -1, access.Departments, actor.Areas(Permission.CasesRead));
        var outcome = await writer.SubmitAsync(new PendingIntake(c, writer.CaseType, actor.UserId, actor.Name, actor.Name, actor.Ip, note) { Scope = scope });
        switch (outcome.Kind)
        {
            case IntakeOutcomeKind.Created:
                return await CreatedAsync(actor, access, c, CaseAction.Report, category, now, ct, outcome.Duplicates);
            case IntakeOutcomeKind.KeyTaken when c.IdempotencyKey is { } key && await Replay(key, body, ct) is { } replay:
                return replay;
            default:
                throw new InvalidOperationException($"report not stored ({outcome.Kind}): no free tracking number");
        }
    }

    private async Task<CaseOutcome> CreatedAsync(Actor actor, CaseAccess access, Case c, CaseAction action, Category category, DateTime now,
        CancellationToken ct, IReadOnlyList<Case>? found = null)
    {
        // The PostgreSQL batch has already searched them with the same rules; CanSee re-checks each against CaseAccess.
        var duplicates = found is null ? await LikelyDuplicates(access, c, ct)
            : found.Where(access.CanSee).Select(x => CaseMapping.Summary(x, category.Name, clock.Now)).ToList();
        var summary = CaseMapping.Summary(c, category.Name, now);
        await events.NotifyAsync(new CaseChanged(summary, action, actor), ct);
        return new CaseOutcome.Created(summary, duplicates);
    }

    /// <summary>The case a key made before; a different report under the same key is refused (IETF Idempotency-Key draft).</summary>
    private async Task<CaseOutcome?> Replay(string key, NewCase body, CancellationToken ct)
    {
        var existing = await Db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.IdempotencyKey == key, ct);
        if (existing is null) return null;
        var name = await categories.NameAsync(existing.CategoryCode, ct);
        var summary = CaseMapping.Summary(existing, name, clock.Now);
        return SameReport(existing, body) ? new CaseOutcome.Replayed(summary) : new CaseOutcome.KeyReused(body.IdempotencyKey!.Trim(), summary);
    }

    /// <summary>Is this the report that made <paramref name="c"/>? Its category, text and place (as stored) must agree.</summary>
    private static bool SameReport(Case c, NewCase body)
    {
        if (c.CategoryCode != body.CategoryCode || c.Description != body.Description?.Trim() || body.Lon is not { } lon || body.Lat is not { } lat) return false;
        if (body.Crs == "gcj02") (lon, lat) = ChinaCoordinates.Gcj02ToWgs84(lon, lat);
        return Math.Abs(c.Lon - lon) < 1e-7 && Math.Abs(c.Lat - lat) < 1e-7;
    }

    /// <summary>Open cases of the same category within about 100 m: offered to the dispatcher for merging.</summary>
    public async Task<IReadOnlyList<CaseSummary>> LikelyDuplicates(CaseAccess access, Case c, CancellationToken ct)
    {
        var dLat = GeoMath.MetersToLatDegrees(100);
        var dLon = GeoMath.MetersToLonDegrees(100, c.Lat);
        var open = CaseStateMachine.Unresolved;
        var latRows = GeoMath.LatRows(c.Lat - dLat, c.Lat + dLat); // one tight index scan per ≈ 111 m row
        var rows = await access.Visible(Db.Cases.AsNoTracking())
            .Where(x => x.CategoryCode == c.CategoryCode && x.Id != c.Id && open.Contains(x.Status) && latRows.Contains(x.LatRow)
                        && x.Lat >= c.Lat - dLat && x.Lat <= c.Lat + dLat && x.Lon >= c.Lon - dLon && x.Lon <= c.Lon + dLon)
            .OrderByDescending(x => x.Id).Take(5).ToListAsync(ct);
        if (rows.Count == 0) return [];
        var name = await categories.NameAsync(c.CategoryCode, ct);
        return rows.Select(x => CaseMapping.Summary(x, name, clock.Now)).ToList();
    }

    private static CaseHistory Row(Actor actor, Case c, DateTime at, CaseAction action, CaseStatus from, CaseStatus to, string? note, IReadOnlyList<CasePhoto>? photos) => new()
    {
        DistrictCode = c.DistrictCode, At = at, ActorUserId = actor.UserId, ActorName = actor.Name,
        Action = action.Wire(), FromStatus = from, ToStatus = to, Note = note,
        PhotoIds = photos is { Count: > 0 } ? string.Join(",", photos.Select(p => p.Id)) : null,
    };
}
