namespace GridGov.Web.Hosting;

/// <summary>The "GridGov" configuration section.</summary>
public sealed class GridGovOptions
{
    /// <summary>City to load (4-digit code; data/divisions/{City}.csv must exist).</summary>
    public string City { get; set; } = "5101";

    /// <summary>demo (default), full (Chengdu's real grid counts) or none (start empty, import boundaries yourself).</summary>
    public string DemoScale { get; set; } = "demo";

    /// <summary>A point outside every area goes to the nearest community within this distance; beyond it, the city queue.</summary>
    public double FallbackDistanceMeters { get; set; } = 2000;

    /// <summary>A report farther than this outside the city's extent is refused (a mistyped or swapped coordinate).</summary>
    public double MaxKilometersOutsideCity { get; set; } = 50;

    public int MaxBoundaryUploadMegabytes { get; set; } = 64;

    /// <summary>Sibling overlaps and overhangs below this many m² are treated as rounding noise.</summary>
    public double OverlapToleranceSquareMeters { get; set; } = 1.0;

    /// <summary>XYZ tile URL for maps (e.g. Tianditu or OpenStreetMap); empty shows boundaries on a plain background.</summary>
    public string? MapTiles { get; set; }

    /// <summary>Synthetic cases seeded with the demo city (0 for none).</summary>
    public int DemoCases { get; set; } = 3000;

    /// <summary>The area whose micro-grids get synthetic compounds, buildings and households with the demo city (empty for none).</summary>
    public string? DemoHomesArea { get; set; } = "510104017";

    /// <summary>Password of the demo accounts created with the demo city.</summary>
    public string DemoPassword { get; set; } = "gridgov-demo-2026";

    /// <summary>Seeded accounts must choose their own password at first sign-in (switch off only for automated demos).</summary>
    public bool DemoAccountsMustChangePassword { get; set; } = true;

    /// <summary>Folder holding the division slices; empty means the "data/divisions" folder shipped with the app.</summary>
    public string? DivisionsFolder { get; set; }

    /// <summary>
    /// How long a node trusts its cached copy of a user's security stamp and grants. A revocation made on another node
    /// takes effect here within this delay (0 reads them on every request).
    /// </summary>
    public double SessionCacheSeconds { get; set; } = 5;

    /// <summary>How long a node trusts its in-memory category table after an edit made on another node.</summary>
    public double CategoryCacheSeconds { get; set; } = 5;
}
