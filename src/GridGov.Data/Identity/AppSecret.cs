namespace GridGov.Data.Entities;

/// <summary>
/// A server-side secret shared by every app node (e.g. the key of the phone-number lookup hash). Created once, by
/// whichever node starts first; never shown by any endpoint.
/// </summary>
public sealed class AppSecret
{
    public required string Name { get; set; }
    public required string Value { get; set; }
    public DateTime CreatedAt { get; set; }
}
