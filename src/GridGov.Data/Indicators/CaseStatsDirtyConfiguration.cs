using GridGov.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Data.Indicators;

/// <summary>The markers of rollup rows to rebuild: (community, day) for the daily rows, community for today's hours.</summary>
internal sealed class CaseStatsDirtyConfiguration :
    IEntityTypeConfiguration<CaseStatsDirty>, IEntityTypeConfiguration<CaseStatsHourDirty>
{
    public void Configure(EntityTypeBuilder<CaseStatsDirty> e)
    {
        e.ToTable("case_stats_dirty");
        e.Property(x => x.AreaCode).HasMaxLength(12);
        e.Property(x => x.Day).HasMaxLength(10);
    }

    public void Configure(EntityTypeBuilder<CaseStatsHourDirty> e)
    {
        e.ToTable("case_stats_hour_dirty");
        e.Property(x => x.AreaCode).HasMaxLength(12);
        e.Property(x => x.Day).HasMaxLength(10);
    }
}
