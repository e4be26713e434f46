using GridGov.Domain.Cases;

namespace GridGov.Data.Entities;

/// <summary>
/// A problem moving through the closed loop. The row holds the current state and the clock; every change is also
/// an append-only <see cref="CaseHistory"/> row. Version is the concurrency token: of two people acting on the same
/// version, exactly one wins.
/// </summary>
public sealed class Case : IAreaOwned
{
    public long Id { get; set; }

    /// <summary>Tracking number given to the reporter (e.g. 20261125-000123).</summary>
    public required string TrackingNo { get; set; }

    public required string CategoryCode { get; set; }
    public required string Description { get; set; }
    public required string Source { get; set; }
    public CaseStatus Status { get; set; }
    public PendingRequest Pending { get; set; }
    public CaseStatus? StatusBeforeSuspension { get; set; }

    // Where: WGS-84 point, the routed area and whether routing had to guess.
    public double Lon { get; set; }
    public double Lat { get; set; }

    /// <summary>floor(lat / 0.001), computed by the database (GeoMath.LatRow): the likely-duplicate and map index key.</summary>
    public int LatRow { get; private set; }
    public string? AddressText { get; set; }
    public required string AreaCode { get; set; }
    public required string DistrictCode { get; set; }
    public bool LocationFlagged { get; set; }

    // Who
    public long? ReporterUserId { get; set; }
    public string? ReporterName { get; set; }
    public string? ReporterPhoneMasked { get; set; }
    public string? ReporterPhoneCipher { get; set; }
    public HandlerLevel HandlerLevel { get; set; }
    public long? AssigneeUserId { get; set; }
    public string? AssigneeDepartment { get; set; }

    // When (UTC)
    public DateTime ReportedAt { get; set; }
    public DateTime? RegisteredAt { get; set; }
    public DateTime? RespondedAt { get; set; }
    public DateTime? FeedbackAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public DateTime? ResponseDueAt { get; set; }
    public DateTime? ResolveDueAt { get; set; }

    /// <summary>80% of the resolve limit: the clock turns yellow here (stored so lists can filter by colour in SQL).</summary>
    public DateTime? YellowAt { get; set; }
    public DateTime? SuspendedAt { get; set; }
    public double SuspendedHours { get; set; }

    /// <summary>The deadline whose breach was last escalated, so the same breach is never escalated twice.</summary>
    public DateTime? EscalatedForDueAt { get; set; }
    public int EscalationCount { get; set; }

    /// <summary>自办自结: reported and resolved in one step by the worker on the spot.</summary>
    public bool SelfResolved { get; set; }

    public int ReworkCount { get; set; }
    public int? Rating { get; set; }
    public string? RatingComment { get; set; }
    public long? MergedIntoId { get; set; }
    public double? PendingExtensionHours { get; set; }

    /// <summary>Client-chosen key: a retried report returns the first case instead of creating a second.</summary>
    public string? IdempotencyKey { get; set; }

    public int Version { get; set; }

    string? IAreaOwned.OwningArea => AreaCode;
}
