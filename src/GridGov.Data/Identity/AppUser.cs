using Microsoft.AspNetCore.Identity;

namespace GridGov.Data.Entities;

/// <summary>A sign-in account. What it may do lives in <see cref="RoleGrant"/> rows, each bound to an area.</summary>
public sealed class AppUser : IdentityUser<long>
{
    public required string DisplayName { get; set; }

    /// <summary>Seeded and admin-created accounts must choose their own password before doing anything else.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>The staff member behind a staff account, if any.</summary>
    public long? StaffMemberId { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>A resident's mobile number as a keyed hash (HMAC-SHA256): finds the account at sign-in without storing the number in clear.</summary>
    public string? PhoneLookup { get; set; }

    /// <summary>The number masked for display (138****5678).</summary>
    public string? PhoneMasked { get; set; }

    /// <summary>The number encrypted with Data Protection, like every personal number.</summary>
    public string? PhoneCipher { get; set; }

    /// <summary>When a resident agreed to the personal information rules at sign-up (PIPL art. 14), and which version.</summary>
    public DateTime? PrivacyConsentAt { get; set; }

    public string? PrivacyConsentVersion { get; set; }
}
