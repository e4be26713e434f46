using GridGov.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Data.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.ToTable("audit_log");
        e.Property(x => x.UserName).HasMaxLength(100);
        e.Property(x => x.Action).HasMaxLength(30);
        e.Property(x => x.EntityType).HasMaxLength(50);
        e.Property(x => x.EntityId).HasMaxLength(50);
        e.Property(x => x.AreaCode).HasMaxLength(16);
        e.Property(x => x.DistrictCode).HasMaxLength(6);
        e.Property(x => x.Summary).HasMaxLength(4000);
        e.Property(x => x.Reason).HasMaxLength(200);
        e.Property(x => x.Ip).HasMaxLength(64);
        e.HasIndex(x => new { x.AreaCode, x.Id });
        e.HasIndex(x => x.At);
    }
}
