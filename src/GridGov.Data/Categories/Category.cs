namespace GridGov.Data.Entities;

public enum HandlerLevel { MicroGrid = 0, Grid = 1, Community = 2, Street = 3, District = 4, Department = 5 }

/// <summary>Which area a handling level means for a case: its micro-grid, grid, community, street or district.</summary>
public static class HandlerLevels
{
    /// <summary>Code length of the level's area (a department's case is supervised by its district).</summary>
    public static int AreaLength(this HandlerLevel level) => level switch
    {
        HandlerLevel.MicroGrid => Domain.Areas.AreaCode.MicroGridLength,
        HandlerLevel.Grid => Domain.Areas.AreaCode.GridLength,
        HandlerLevel.Community => Domain.Areas.AreaCode.CommunityLength,
        HandlerLevel.Street => Domain.Areas.AreaCode.StreetLength,
        _ => Domain.Areas.AreaCode.DistrictLength,
    };

    /// <summary>The level whose area has a code of this length (district for anything shorter than a street).</summary>
    public static HandlerLevel OfAreaLength(int length) => length switch
    {
        Domain.Areas.AreaCode.MicroGridLength => HandlerLevel.MicroGrid,
        Domain.Areas.AreaCode.GridLength => HandlerLevel.Grid,
        Domain.Areas.AreaCode.CommunityLength => HandlerLevel.Community,
        Domain.Areas.AreaCode.StreetLength => HandlerLevel.Street,
        _ => HandlerLevel.District,
    };

    /// <summary>The area at this level that holds the case's area (the case's own area when it is coarser).</summary>
    public static string LevelArea(this HandlerLevel level, string caseArea) =>
        Domain.Areas.AreaCode.Truncate(caseArea, level.AreaLength()) ?? caseArea;
}

public enum Urgency { Normal = 0, Urgent = 1, Critical = 2 }

/// <summary>A category of case (major 2 digits / minor 4 digits) with its time limits and default handler.</summary>
public sealed class Category
{
    public required string Code { get; set; }
    public string? ParentCode { get; set; }
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public double? ResponseHours { get; set; }
    public double? ResolveHours { get; set; }

    /// <summary>Limits count working hours on the calendar (true) or calendar hours (false, emergencies).</summary>
    public bool WorkingHours { get; set; }

    public HandlerLevel Handler { get; set; }

    /// <summary>Department kind (e.g. ZJ) when the default handler is a department; the district's department is used.</summary>
    public string? DepartmentKind { get; set; }

    public Urgency Urgency { get; set; }

    /// <summary>Residents and Open311 clients may report it.</summary>
    public bool IsPublic { get; set; }

    /// <summary>Public pages blur its location to the grid.</summary>
    public bool IsSensitive { get; set; }

    public bool Active { get; set; } = true;
    public DateTime UpdatedAt { get; set; }
}
