namespace GridGov.Data.Entities;

/// <summary>A residential compound (小区/院落) in a micro-grid: who manages it and who speaks for its residents.</summary>
public sealed class Compound : IAreaOwned
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public required string AreaCode { get; set; }
    public required string DistrictCode { get; set; }
    public string? Address { get; set; }

    /// <summary>The property management company (物业) and its contact person and number (masked; the number encrypted).</summary>
    public string? PropertyCompany { get; set; }
    public string? PropertyContact { get; set; }
    public string? PropertyPhoneMasked { get; set; }
    public string? PropertyPhoneCipher { get; set; }

    /// <summary>The residents' own body (业委会, 院落自治小组).</summary>
    public string? SelfGovernance { get; set; }

    public double? Lon { get; set; }
    public double? Lat { get; set; }
    public DateTime CreatedAt { get; set; }

    string? IAreaOwned.OwningArea => AreaCode;
}
