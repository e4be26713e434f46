using GridGov.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Data.Identity;

internal sealed class PhoneVerificationConfiguration : IEntityTypeConfiguration<PhoneVerification>
{
    public void Configure(EntityTypeBuilder<PhoneVerification> e)
    {
        e.ToTable("phone_verifications");
        e.Property(x => x.PhoneLookup).HasMaxLength(64);
        e.Property(x => x.CodeHash).HasMaxLength(64);
        e.Property(x => x.Salt).HasMaxLength(32);
        e.Property(x => x.Ip).HasMaxLength(45);
        e.HasIndex(x => new { x.PhoneLookup, x.CreatedAt });
    }
}
