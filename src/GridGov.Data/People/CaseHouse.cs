namespace GridGov.Data.Entities;

/// <summary>The house a case is about (a leak from 502, a smoke alarm in 1001): one per case, set and changed by staff.</summary>
public sealed class CaseHouse : IAreaOwned
{
    public long CaseId { get; set; }
    public long HouseId { get; set; }

    /// <summary>The house's area (scopes who sees the link without a join).</summary>
    public required string AreaCode { get; set; }
    public required string DistrictCode { get; set; }
    public DateTime LinkedAt { get; set; }
    public long? LinkedByUserId { get; set; }

    string? IAreaOwned.OwningArea => AreaCode;
}
