using GridGov.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Data.Areas;

internal sealed class AreaConfiguration : IEntityTypeConfiguration<Area>
{
    public void Configure(EntityTypeBuilder<Area> e)
    {
        e.ToTable("areas");
        e.HasKey(x => x.Code);
        e.Property(x => x.Code).HasMaxLength(16);
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.ParentCode).HasMaxLength(16);
        e.Property(x => x.DistrictCode).HasMaxLength(6);
        e.Property(x => x.DedicatedType).HasMaxLength(20);
        e.HasIndex(x => x.ParentCode);
        e.HasIndex(x => new { x.Kind, x.Code });
    }
}
