using GridGov.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Data.Categories;

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> e)
    {
        e.ToTable("departments");
        e.HasKey(x => x.Code);
        e.Property(x => x.Code).HasMaxLength(20);
        e.Property(x => x.Kind).HasMaxLength(10);
        e.Property(x => x.Name).HasMaxLength(50);
        e.Property(x => x.DistrictCode).HasMaxLength(6);
        e.HasIndex(x => x.DistrictCode);
    }
}
