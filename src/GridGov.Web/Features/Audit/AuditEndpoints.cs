using GridGov.Data;
using GridGov.Domain.Security;
using GridGov.Web.Hosting;
using GridGov.Web.Hosting.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Audit;

public sealed record AuditDto(long Id, DateTime At, string UserName, string Action, string EntityType, string? EntityId,
    string? AreaCode, string? Summary, string? Reason);

public sealed record AuditPage(IReadOnlyList<AuditDto> Items, long? NextCursor);

/// <summary>The audit log of the administrator's area, newest first, paged by id. There is no way to change it.</summary>
public static class AuditEndpoints
{
    public static void MapAudit(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/audit", List).WithTags("Audit").RequirePermission(Permission.AuditRead)
            .WithSummary("Audit entries inside your area (writes and unmasked reads), newest first");

    private static async Task<IResult> List(Caller caller, GridGovDb db, CancellationToken ct,
        string? area = null, string? action = null, long? cursor = null, int? limit = null)
    {
        var size = limit ?? 100;
        if (size is < 1 or > 500) return Problems.Invalid("limit", "limit must be between 1 and 500.");
        var areas = area is null ? caller.Areas(Permission.AuditRead) : caller.Within(Permission.AuditRead, area);
        if (area is not null && areas.Count == 0) return Problems.NotFound($"No area {area} in your scope.");
        var q = db.AuditLog.AsNoTracking().Where(e => e.AreaCode != null).WithinAny(e => e.AreaCode!, areas);
        if (action is not null) q = q.Where(e => e.Action == action);
        if (cursor is not null) q = q.Where(e => e.Id < cursor);
        var rows = await q.OrderByDescending(e => e.Id).Take(size + 1).ToListAsync(ct);
        // Masked again on the way out: entries written before numbers were masked on writing still hold them.
        var page = rows.Take(size).Select(e => new AuditDto(e.Id, e.At, e.UserName, e.Action, e.EntityType, e.EntityId, e.AreaCode,
            AuditText.MaskSummary(e.Summary), AuditText.Mask(e.Reason))).ToList();
        return Results.Ok(new AuditPage(page, rows.Count > size ? page[^1].Id : null));
    }
}
