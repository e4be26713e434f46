using GridGov.Domain.People;

namespace GridGov.Data.Entities;

/// <summary>A house (房屋/户): one door of a building, its use and the last time a grid worker verified it.</summary>
public sealed class House : IAreaOwned
{
    public long Id { get; set; }
    public long BuildingId { get; set; }
    public required string AreaCode { get; set; }
    public required string DistrictCode { get; set; }
    public int Unit { get; set; }
    public int Floor { get; set; }

    /// <summary>The door number as written on it (502, 1-3-02).</summary>
    public required string Number { get; set; }

    /// <summary>The full address people read (锦江区水井坊街道…5栋2单元502).</summary>
    public required string Address { get; set; }

    public HouseUse Use { get; set; }
    public double? FloorArea { get; set; }
    public long? OwnerPersonId { get; set; }
    public DateTime? VerifiedAt { get; set; }
    public DateTime CreatedAt { get; set; }

    string? IAreaOwned.OwningArea => AreaCode;
}
