namespace GridGov.Data.Entities;

/// <summary>
/// One audited event: every write, and every read of an unmasked personal number. Append-only: the database
/// refuses UPDATE and DELETE on this table (triggers in migration 0002).
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public long? UserId { get; set; }
    public required string UserName { get; set; }

    /// <summary>create, update, delete, unmask, import, login…</summary>
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public string? EntityId { get; set; }

    /// <summary>The area the object belongs to, so administrators see exactly their area's log.</summary>
    public string? AreaCode { get; set; }
    public string? DistrictCode { get; set; }

    /// <summary>Before/after of the changed fields (personal numbers only in masked form).</summary>
    public string? Summary { get; set; }
    public string? Reason { get; set; }
    public string? Ip { get; set; }
}
