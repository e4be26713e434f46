using GridGov.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Data.Identity;

/// <summary>Identity's user table, named like ours, with the resident's phone (keyed hash, masked, encrypted).</summary>
internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> e)
    {
        e.ToTable("users");
        e.Property(x => x.DisplayName).HasMaxLength(50);
        e.Property(x => x.PhoneLookup).HasMaxLength(64);
        e.Property(x => x.PhoneMasked).HasMaxLength(20);
        e.Property(x => x.PhoneCipher).HasMaxLength(400);
        e.Property(x => x.PrivacyConsentVersion).HasMaxLength(20);
        e.HasIndex(x => x.PhoneLookup).IsUnique();
    }
}
