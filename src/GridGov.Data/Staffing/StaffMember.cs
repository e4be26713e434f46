namespace GridGov.Data.Entities;

/// <summary>Someone who can be assigned to grids (grid worker, grid head, cadre, volunteer).</summary>
public sealed class StaffMember : IAreaOwned
{
    public long Id { get; set; }
    public required string Name { get; set; }

    /// <summary>Home area (district code) so the table can be distributed by district.</summary>
    public required string DistrictCode { get; set; }

    /// <summary>The most specific area the staff member belongs to (a grid, community or district); scopes who may see them.</summary>
    public required string AreaCode { get; set; }

    /// <summary>Masked form for lists (138****5678).</summary>
    public string? PhoneMasked { get; set; }

    /// <summary>The full number, encrypted with ASP.NET Core Data Protection; read only through the audited unmask endpoint.</summary>
    public string? PhoneCipher { get; set; }

    public string? IdNumberMasked { get; set; }
    public string? IdNumberCipher { get; set; }

    string? IAreaOwned.OwningArea => AreaCode;

    public DateTime CreatedAt { get; set; }
}
