using GridGov.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Data.Areas;

internal sealed class BoundaryImportConfiguration : IEntityTypeConfiguration<BoundaryImport>
{
    public void Configure(EntityTypeBuilder<BoundaryImport> e)
    {
        e.ToTable("boundary_imports");
        e.Property(x => x.Source).HasMaxLength(200);
        e.Property(x => x.ImportedBy).HasMaxLength(100);
    }
}
