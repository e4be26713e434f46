namespace GridGov.Data.Entities;

/// <summary>Someone who can be assigned to grids (grid worker, grid head, cadre, volunteer).</summary>
public sealed class Person
{
    public long Id { get; set; }
    public required string Name { get; set; }

    /// <summary>Home area (district code) so the table can be distributed by district.</summary>
    public required string DistrictCode { get; set; }

    /// <summary>Masked form only (e.g. 138****5678); the full number is personal data handled by the identity module.</summary>
    public string? PhoneMasked { get; set; }

    public DateTime CreatedAt { get; set; }
}
