using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Domain.Areas;

namespace GridGov.Web.Hosting.Security;

/// <summary>Audit entries for what EF does not see: reads of unmasked numbers, bulk imports, sign-ins.</summary>
public sealed class AuditWriter(GridGovDb db, Caller caller)
{
    public async Task RecordAsync(string action, string entityType, string? entityId, string? area, string? summary, string? reason, CancellationToken ct)
    {
        db.AuditLog.Add(new AuditEntry
        {
            At = DateTime.UtcNow,
            UserId = caller.UserId,
            UserName = caller.IsAuthenticated ? caller.Name : "anonymous",
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            AreaCode = area,
            DistrictCode = area is null ? null : AreaCode.DistrictOf(area),
            Summary = AuditText.Mask(summary), // typed text (a reason) may hold a number
            Reason = AuditText.Mask(reason),
            Ip = caller.Ip,
        });
        await db.SaveChangesAsync(ct);
    }
}
