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

/// <summary>
/// Pre-aggregated indicators of one area for one completed hour of today (China time), so that only the current hour
/// is computed live. Rows of earlier days are dropped: their daily rows take over.
/// </summary>
public sealed class CaseStatsHourly
{
    /// <summary>The row whose <see cref="Payload"/> holds the instant (ISO 8601, UTC) up to which today's hours are built.</summary>
    public const string ThroughArea = "";
    public const string ThroughHour = "through";

    public required string AreaCode { get; set; }

    /// <summary>yyyy-MM-ddTHH in China time (UTC+8).</summary>
    public required string Hour { get; set; }

    public required string Payload { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A community whose hourly rows of today must be rebuilt because a case with an instant today changed.</summary>
public sealed class CaseStatsHourDirty
{
    public long Id { get; set; }
    public required string AreaCode { get; set; }

    /// <summary>The China day (yyyy-MM-dd) on which it was marked; marks of earlier days are dropped.</summary>
    public required string Day { get; set; }
}
