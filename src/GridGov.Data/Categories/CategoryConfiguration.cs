using GridGov.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Data.Categories;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> e)
    {
        e.ToTable("categories");
        e.HasKey(x => x.Code);
        e.Property(x => x.Code).HasMaxLength(8);
        e.Property(x => x.ParentCode).HasMaxLength(8);
        e.Property(x => x.Name).HasMaxLength(50);
        e.Property(x => x.NameEn).HasMaxLength(100);
        e.Property(x => x.DepartmentKind).HasMaxLength(10);
    }
}
