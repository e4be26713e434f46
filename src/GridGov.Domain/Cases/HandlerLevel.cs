using GridGov.Domain.Areas;

namespace GridGov.Domain.Cases;

/// <summary>Who handles a case: the holder of one level's area, or a department.</summary>
public enum HandlerLevel { MicroGrid = 0, Grid = 1, Community = 2, Street = 3, District = 4, Department = 5 }

/// <summary>Which area a handling level means for a case: its micro-grid, grid, community, street or district.</summary>
public static class HandlerLevels
{
    /// <summary>Code length of the level's area (a department's case is supervised by its district).</summary>
    public static int AreaLength(this HandlerLevel level) => level switch
    {
        HandlerLevel.MicroGrid => AreaCode.MicroGridLength,
        HandlerLevel.Grid => AreaCode.GridLength,
        HandlerLevel.Community => AreaCode.CommunityLength,
        HandlerLevel.Street => AreaCode.StreetLength,
        _ => AreaCode.DistrictLength,
    };

    /// <summary>The level whose area has a code of this length (district for anything shorter than a street).</summary>
    public static HandlerLevel OfAreaLength(int length) => length switch
    {
        AreaCode.MicroGridLength => HandlerLevel.MicroGrid,
        AreaCode.GridLength => HandlerLevel.Grid,
        AreaCode.CommunityLength => HandlerLevel.Community,
        AreaCode.StreetLength => HandlerLevel.Street,
        _ => HandlerLevel.District,
    };

    /// <summary>The area at this level that holds the case's area (the case's own area when it is coarser).</summary>
    public static string LevelArea(this HandlerLevel level, string caseArea) =>
        AreaCode.Truncate(caseArea, level.AreaLength()) ?? caseArea;

    /// <summary>The level's name on the wire (micro_grid, grid, community, street, district, department).</summary>
    public static string Wire(this HandlerLevel level) => level switch
    {
        HandlerLevel.MicroGrid => "micro_grid",
        _ => level.ToString().ToLowerInvariant(),
    };

    public static HandlerLevel? ParseLevel(string? wire) =>
        Enum.GetValues<HandlerLevel>().Cast<HandlerLevel?>().FirstOrDefault(l => l!.Value.Wire() == wire);
}
