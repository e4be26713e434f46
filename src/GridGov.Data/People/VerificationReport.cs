namespace GridGov.Data.Entities;

public enum VerificationReportKind { Confirm = 1, Correct = 2 }

public enum ReviewDecision { Approved = 1, Rejected = 2 }

/// <summary>
/// What a worker filed for a house: a confirmation, or a correction, which is a change request until community staff
/// approve or reject it. Filed once per idempotency key of the account (a retry from the phone's outbox answers
/// with the first). A correction's content holds personal numbers, so it is kept encrypted; the summary is masked.
/// </summary>
public sealed class VerificationReport : IAreaOwned
{
    public long Id { get; set; }
    public long ItemId { get; set; }
    public long RoundId { get; set; }
    public long HouseId { get; set; }
    public required string AreaCode { get; set; }
    public required string DistrictCode { get; set; }
    public VerificationReportKind Kind { get; set; }
    public long? UserId { get; set; }
    public required string KeyOwner { get; set; }
    public required string IdempotencyKey { get; set; }
    public required string ByName { get; set; }
    public DateTime FiledAt { get; set; }

    /// <summary>What changes, in words with numbers masked (用途：自住→出租；迁出：张*；…).</summary>
    public required string Summary { get; set; }

    /// <summary>The correction as sent (JSON), encrypted with Data Protection; null for a confirmation.</summary>
    public string? PayloadCipher { get; set; }

    public ReviewDecision? Decision { get; set; }
    public long? DecidedByUserId { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecisionNote { get; set; }

    string? IAreaOwned.OwningArea => AreaCode;
}
