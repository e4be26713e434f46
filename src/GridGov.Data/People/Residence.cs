using GridGov.Domain.People;

namespace GridGov.Data.Entities;

/// <summary>A person's tie to a house from a day to a day (exclusive) or open; ended, never deleted.</summary>
public sealed class Residence : IAreaOwned
{
    public long Id { get; set; }
    public long PersonId { get; set; }
    public long HouseId { get; set; }
    public Relation Relation { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }

    /// <summary>The house's area (copied so that scoped queries need no join).</summary>
    public required string AreaCode { get; set; }
    public required string DistrictCode { get; set; }
    public DateTime CreatedAt { get; set; }

    string? IAreaOwned.OwningArea => AreaCode;
}
