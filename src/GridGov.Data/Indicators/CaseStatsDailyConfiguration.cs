using GridGov.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Data.Indicators;

internal sealed class CaseStatsDailyConfiguration : IEntityTypeConfiguration<CaseStatsDaily>
{
    public void Configure(EntityTypeBuilder<CaseStatsDaily> e)
    {
        e.ToTable("case_stats_daily");
        e.HasKey(x => new { x.AreaCode, x.Day });
        e.Property(x => x.AreaCode).HasMaxLength(12);
        e.Property(x => x.Day).HasMaxLength(10);
    }
}
