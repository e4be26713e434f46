using GridGov.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Data.Cases;

internal sealed class CasePhotoConfiguration : IEntityTypeConfiguration<CasePhoto>
{
    public void Configure(EntityTypeBuilder<CasePhoto> e)
    {
        e.ToTable("case_photos");
        e.Property(x => x.DistrictCode).HasMaxLength(6);
        e.Property(x => x.ContentType).HasMaxLength(30);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.Property(x => x.Path).HasMaxLength(200);
        e.Property(x => x.ThumbnailPath).HasMaxLength(200);
        e.HasIndex(x => x.CaseId);
    }
}
