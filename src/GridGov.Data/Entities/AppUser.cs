using Microsoft.AspNetCore.Identity;

namespace GridGov.Data.Entities;

/// <summary>A sign-in account. What it may do lives in <see cref="RoleGrant"/> rows, each bound to an area.</summary>
public sealed class AppUser : IdentityUser<long>
{
    public required string DisplayName { get; set; }

    /// <summary>Seeded and admin-created accounts must choose their own password before doing anything else.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>The person record behind a staff account, if any.</summary>
    public long? PersonId { get; set; }

    public DateTime CreatedAt { get; set; }
}
