using GridGov.Domain.Cases;

namespace GridGov.Data.Entities;

/// <summary>One transition of a case (who, when, from, to, note, photos). Append-only, enforced by triggers.</summary>
public sealed class CaseHistory
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public required string DistrictCode { get; set; }
    public DateTime At { get; set; }
    public long? ActorUserId { get; set; }
    public required string ActorName { get; set; }
    public required string Action { get; set; }
    public CaseStatus FromStatus { get; set; }
    public CaseStatus ToStatus { get; set; }
    public string? Note { get; set; }

    /// <summary>Photo ids attached at this step, comma-separated.</summary>
    public string? PhotoIds { get; set; }
}
