namespace GridGov.Data.Entities;

public enum GridRole
{
    FullTimeWorker = 1,   // 专职网格员
    MicroGridWorker = 2,  // 微网格员
    GridHead = 3,         // 网格长
    SinkingCadre = 4,     // 下沉干部
    Volunteer = 5,        // 志愿者
}

/// <summary>
/// A staff member's role in a grid over a period. Rows are never deleted: ending an assignment sets EndedAt,
/// so the history of who was responsible when stays queryable.
/// </summary>
public sealed class GridAssignment : IAreaOwned
{
    string? IAreaOwned.OwningArea => GridCode;

    public long Id { get; set; }
    public required string GridCode { get; set; }
    public required string DistrictCode { get; set; }
    public long StaffMemberId { get; set; }
    public GridRole Role { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public string? Note { get; set; }
    public string? EndNote { get; set; }
}
