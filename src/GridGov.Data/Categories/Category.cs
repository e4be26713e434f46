using GridGov.Domain.Cases;

namespace GridGov.Data.Entities;

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
