using GridGov.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Data.Cases;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> e)
    {
        e.ToTable("notifications");
        e.Property(x => x.AreaCode).HasMaxLength(16);
        e.Property(x => x.Kind).HasMaxLength(30);
        e.Property(x => x.Message).HasMaxLength(500);
        e.HasIndex(x => new { x.UserId, x.Id });
        e.HasIndex(x => new { x.AreaCode, x.Id });
    }
}
