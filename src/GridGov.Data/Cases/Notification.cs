namespace GridGov.Data.Entities;

/// <summary>A message for the people concerned with a case (e.g. an overdue escalation), shown in their inbox.</summary>
public sealed class Notification
{
    public long Id { get; set; }
    public long? UserId { get; set; }

    /// <summary>When addressed to a role in an area rather than a person: everyone supervising that area sees it.</summary>
    public string? AreaCode { get; set; }
    public long? CaseId { get; set; }
    public required string Kind { get; set; }
    public required string Message { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}
