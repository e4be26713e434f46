namespace GridGov.Data.Entities;

/// <summary>A working-calendar year edited by an administrator; it overrides the shipped data/calendar file of that year.</summary>
public sealed class CalendarYearRow
{
    public int Year { get; set; }
    public required string Json { get; set; }
    public DateTime UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}
