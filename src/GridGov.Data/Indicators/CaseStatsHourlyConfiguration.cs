using GridGov.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Data.Indicators;

internal sealed class CaseStatsHourlyConfiguration : IEntityTypeConfiguration<CaseStatsHourly>
{
    public void Configure(EntityTypeBuilder<CaseStatsHourly> e)
    {
        e.ToTable("case_stats_hourly");
        e.HasKey(x => new { x.AreaCode, x.Hour });
        e.Property(x => x.AreaCode).HasMaxLength(12);
        e.Property(x => x.Hour).HasMaxLength(13);
    }
}
