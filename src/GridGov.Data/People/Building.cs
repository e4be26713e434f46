namespace GridGov.Data.Entities;

/// <summary>A building (楼栋) with its units (单元) and floors; its houses are created with it, one row per door.</summary>
public sealed class Building : IAreaOwned
{
    public long Id { get; set; }
    public long? CompoundId { get; set; }
    public required string Name { get; set; }
    public required string AreaCode { get; set; }
    public required string DistrictCode { get; set; }
    public int Units { get; set; }
    public int Floors { get; set; }
    public int HousesPerFloor { get; set; }
    public double? Lon { get; set; }
    public double? Lat { get; set; }
    public DateTime CreatedAt { get; set; }

    string? IAreaOwned.OwningArea => AreaCode;
}
