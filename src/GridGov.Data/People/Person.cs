using GridGov.Domain.People;

namespace GridGov.Data.Entities;

/// <summary>
/// A resident in the registry (实有人口). Numbers are stored encrypted and masked; the ID number also as a keyed hash
/// (HMAC) so that an exact look-up and de-duplication need no decryption. Sex and birth date come from the ID number.
/// </summary>
public sealed class Person : IAreaOwned
{
    public long Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The area of the person's current home (the micro-grid of their open residence), which scopes who sees them.</summary>
    public required string AreaCode { get; set; }
    public required string DistrictCode { get; set; }

    public string? IdNumberMasked { get; set; }
    public string? IdNumberCipher { get; set; }
    public string? IdNumberHash { get; set; }

    /// <summary>A passport or permit number for someone from abroad without an ID number (masked / encrypted).</summary>
    public string? DocumentMasked { get; set; }
    public string? DocumentCipher { get; set; }

    public DateOnly? BirthDate { get; set; }
    public Sex? Sex { get; set; }
    public string? PhoneMasked { get; set; }
    public string? PhoneCipher { get; set; }

    /// <summary>Keyed hash of the mobile number, to find a person by phone.</summary>
    public string? PhoneHash { get; set; }

    /// <summary>Keyed hash of the ID number's first 17 digits: a record whose check character was mistyped shares it.</summary>
    public string? IdBodyHash { get; set; }
    public RegistrationType Registration { get; set; }

    /// <summary>Tags from the configured list, separated by '|' (独居老人|低保).</summary>
    public string Tags { get; set; } = "";

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    string? IAreaOwned.OwningArea => AreaCode;
}
