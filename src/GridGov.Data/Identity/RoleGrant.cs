using GridGov.Domain.Security;

namespace GridGov.Data.Entities;

/// <summary>A role held in an area. Revoked grants keep their row (RevokedAt) so the history stays.</summary>
public sealed class RoleGrant : Entities.IAreaOwned
{
    string? Entities.IAreaOwned.OwningArea => AreaCode;

    public long Id { get; set; }
    public long UserId { get; set; }
    public AppRole Role { get; set; }

    /// <summary>Code prefix the role applies to; for a resident, the city (they only see their own records).</summary>
    public required string AreaCode { get; set; }

    /// <summary>For department handlers: the department they act for (e.g. 住建局).</summary>
    public string? Department { get; set; }

    public DateTime GrantedAt { get; set; }
    public long? GrantedBy { get; set; }
    public DateTime? RevokedAt { get; set; }
}
