namespace GridGov.Data.Entities;

/// <summary>A successful boundary import: when, from what, how many features. Failed imports change nothing.</summary>
public sealed class BoundaryImport
{
    public long Id { get; set; }
    public DateTime ImportedAt { get; set; }
    public required string Source { get; set; }
    public int Inserted { get; set; }
    public int Updated { get; set; }
    public required string ImportedBy { get; set; }
}
