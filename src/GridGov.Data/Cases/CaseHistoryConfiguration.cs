using GridGov.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Data.Cases;

internal sealed class CaseHistoryConfiguration : IEntityTypeConfiguration<CaseHistory>
{
    public void Configure(EntityTypeBuilder<CaseHistory> e)
    {
        e.ToTable("case_history");
        e.Property(x => x.DistrictCode).HasMaxLength(6);
        e.Property(x => x.ActorName).HasMaxLength(100);
        e.Property(x => x.Action).HasMaxLength(30);
        e.Property(x => x.Note).HasMaxLength(1000);
        e.Property(x => x.PhotoIds).HasMaxLength(400);
        e.HasIndex(x => new { x.CaseId, x.Id });
    }
}
