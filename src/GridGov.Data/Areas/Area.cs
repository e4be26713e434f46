using GridGov.Domain.Areas;

namespace GridGov.Data.Entities;

/// <summary>
/// One node of the area tree: city, district, street, community or grid. The code is the key and a prefix of its
/// descendants' codes, so "everything in X" is a range scan on the primary key.
/// </summary>
public sealed class Area
{
    public required string Code { get; set; }
    public AreaKind Kind { get; set; }
    public required string Name { get; set; }
    public string? ParentCode { get; set; }

    /// <summary>Carried on every large table so data can later be distributed by district.</summary>
    public string? DistrictCode { get; set; }

    /// <summary>Boundary as WKB (WGS-84). The database is the record; routing uses the in-memory index.</summary>
    public byte[]? Boundary { get; set; }
    public double? MinLon { get; set; }
    public double? MinLat { get; set; }
    public double? MaxLon { get; set; }
    public double? MaxLat { get; set; }

    /// <summary>True for generated (demo) boundaries, which must be labelled synthetic wherever shown.</summary>
    public bool Synthetic { get; set; }

    /// <summary>For dedicated grids: school, hospital, market, park, enterprise.</summary>
    public string? DedicatedType { get; set; }

    public DateTime UpdatedAt { get; set; }
}
