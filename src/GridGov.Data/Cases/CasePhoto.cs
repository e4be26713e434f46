namespace GridGov.Data.Entities;

/// <summary>A photo of a case: the file lives outside the database (content-addressed path), the row describes it.</summary>
public sealed class CasePhoto
{
    public Guid Id { get; set; }
    public long? CaseId { get; set; }
    public required string DistrictCode { get; set; }
    public required string ContentType { get; set; }
    public long Bytes { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public required string Sha256 { get; set; }
    public required string Path { get; set; }
    public required string ThumbnailPath { get; set; }
    public long? UploadedBy { get; set; }
    public DateTime UploadedAt { get; set; }
}
