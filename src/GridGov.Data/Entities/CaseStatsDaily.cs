namespace GridGov.Data.Entities;

/// <summary>
/// Pre-aggregated indicators of one area (district, street or community) for one China calendar day: the stored
/// form of an IndicatorAccumulator. Rows for past days are rebuilt when their cases change; today is computed live.
/// </summary>
public sealed class CaseStatsDaily
{
    public required string AreaCode { get; set; }

    /// <summary>yyyy-MM-dd in China time (UTC+8).</summary>
    public required string Day { get; set; }

    public required string Payload { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A (community, day) whose stats row must be rebuilt because a case with an instant on that day changed.</summary>
public sealed class CaseStatsDirty
{
    public long Id { get; set; }
    public required string AreaCode { get; set; }
    public required string Day { get; set; }
}
