using GridGov.Domain.People;

namespace GridGov.Data.Entities;

/// <summary>
/// One house in a round and where it stands. It falls to the worker of <see cref="WorkerArea"/>: the house's
/// micro-grid when a micro-grid worker was assigned there at opening, else its grid (the full-time worker's).
/// </summary>
public sealed class VerificationItem : IAreaOwned
{
    public long Id { get; set; }
    public long RoundId { get; set; }
    public long HouseId { get; set; }

    /// <summary>The house's area (copied: progress is counted by it without a join).</summary>
    public required string AreaCode { get; set; }
    public required string DistrictCode { get; set; }

    /// <summary>The grid or micro-grid whose worker verifies this house.</summary>
    public required string WorkerArea { get; set; }

    /// <summary>The staff member assigned there at opening, if any (for names on the console).</summary>
    public long? AssigneeStaffId { get; set; }

    public VerificationState State { get; set; }
    public DateTime? VerifiedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    string? IAreaOwned.OwningArea => AreaCode;
}
