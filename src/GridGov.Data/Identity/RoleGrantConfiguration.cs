using GridGov.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Data.Identity;

internal sealed class RoleGrantConfiguration : IEntityTypeConfiguration<RoleGrant>
{
    public void Configure(EntityTypeBuilder<RoleGrant> e)
    {
        e.ToTable("role_grants");
        e.Property(x => x.AreaCode).HasMaxLength(16);
        e.Property(x => x.Department).HasMaxLength(50);
        e.HasIndex(x => new { x.UserId, x.RevokedAt });
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
