namespace GridGov.Data.Entities;

/// <summary>
/// A verification round (核验轮次) over an area and a period: every house in the area when it was opened became one
/// <see cref="VerificationItem"/>. Open until closed; the due day is inclusive (China dates).
/// </summary>
public sealed class VerificationRound : IAreaOwned
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public required string AreaCode { get; set; }
    public required string DistrictCode { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly DueOn { get; set; }
    public int Houses { get; set; }
    public long? OpenedByUserId { get; set; }
    public required string OpenedBy { get; set; }
    public DateTime OpenedAt { get; set; }
    public DateTime? ClosedAt { get; set; }

    string? IAreaOwned.OwningArea => AreaCode;
}
