using GridGov.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Data.Staffing;

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> e)
    {
        e.ToTable("staff_members");
        e.Property(x => x.Name).HasMaxLength(50);
        e.Property(x => x.DistrictCode).HasMaxLength(6);
        e.Property(x => x.AreaCode).HasMaxLength(16);
        e.Property(x => x.PhoneMasked).HasMaxLength(20);
        e.Property(x => x.PhoneCipher).HasMaxLength(400);
        e.Property(x => x.IdNumberMasked).HasMaxLength(20);
        e.Property(x => x.IdNumberCipher).HasMaxLength(400);
        e.HasIndex(x => x.AreaCode);
    }
}
