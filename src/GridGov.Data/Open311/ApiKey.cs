namespace GridGov.Data.Entities;

/// <summary>
/// An Open311 API key, issued by an administrator to an API client account and bound to an area: requests filed
/// with it are reported by that account and must lie inside the area; reads inside the area see more than the
/// public view. Only a SHA-256 hash of the key is stored (the key itself is shown once, at issue); revoked keys keep
/// their row (RevokedAt) so the history stays.
/// </summary>
public sealed class ApiKey : IAreaOwned
{
    string? IAreaOwned.OwningArea => AreaCode;

    public long Id { get; set; }

    /// <summary>What the key is for (the client application's name), shown in the key list.</summary>
    public required string Name { get; set; }

    /// <summary>The key's first characters, enough to recognise it in a list (the rest is never stored).</summary>
    public required string Prefix { get; set; }

    /// <summary>SHA-256 of the whole key, lower-case hex. Keys are 256-bit random, so a plain hash is enough.</summary>
    public required string KeyHash { get; set; }

    /// <summary>The API client account: the reporter of every request filed with this key.</summary>
    public long UserId { get; set; }

    /// <summary>Code prefix of the area the key may file and read in.</summary>
    public required string AreaCode { get; set; }

    public DateTime CreatedAt { get; set; }
    public long? CreatedBy { get; set; }
    public DateTime? RevokedAt { get; set; }
    public long? RevokedBy { get; set; }
}
