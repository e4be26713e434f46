using GridGov.Domain.People;

namespace GridGov.Data.Entities;

/// <summary>
/// A row that may be a registered person (a possible duplicate), waiting for someone to decide: the same person (the
/// record is updated from the row) or a different one (a new record). Never merged automatically.
/// </summary>
public sealed class PeopleImportReview : IAreaOwned
{
    public long Id { get; set; }
    public long BatchId { get; set; }
    public long RowId { get; set; }

    /// <summary>The registered record the row may be.</summary>
    public long PersonId { get; set; }
    public DuplicateReason Reason { get; set; }

    /// <summary>The batch's area: who may decide.</summary>
    public required string AreaCode { get; set; }
    public required string DistrictCode { get; set; }
    public ReviewStatus Status { get; set; }

    /// <summary>The record the decision updated or created.</summary>
    public long? ResultPersonId { get; set; }
    public long? ResolvedByUserId { get; set; }
    public string? ResolvedByName { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public DateTime CreatedAt { get; set; }

    string? IAreaOwned.OwningArea => AreaCode;
}
