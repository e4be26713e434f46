namespace GridGov.Domain.Geo;

/// <summary>How a point was placed. Nothing is ever dropped: the worst case is the city's unassigned queue.</summary>
public enum LocateMatch
{
    /// <summary>Inside a micro-grid (the normal case).</summary>
    MicroGrid,
    /// <summary>Inside a general grid that has no micro-grid at that spot.</summary>
    GeneralGrid,
    /// <summary>Inside a community that has no grid at that spot.</summary>
    Community,
    /// <summary>Outside every area, within the configured distance of the nearest community: flagged for review.</summary>
    NearestCommunity,
    /// <summary>Too far from every community: the city's unassigned queue.</summary>
    Unassigned,
}

public sealed record LocateResult(
    LocateMatch Match,
    string? MicroGrid,
    string? GeneralGrid,
    string? Community,
    string? Street,
    string? District,
    string City,
    IReadOnlyList<string> DedicatedGrids,
    double? DistanceMeters)
{
    /// <summary>True when the point was not inside any area and needs a person to check where it belongs.</summary>
    public bool Flagged => Match is LocateMatch.NearestCommunity or LocateMatch.Unassigned;

    /// <summary>The most specific area the point was routed to (the city itself when unassigned).</summary>
    public string RoutedTo => MicroGrid ?? GeneralGrid ?? Community ?? City;
}
