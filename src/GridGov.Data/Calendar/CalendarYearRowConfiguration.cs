using GridGov.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Data.Calendar;

internal sealed class CalendarYearRowConfiguration : IEntityTypeConfiguration<CalendarYearRow>
{
    public void Configure(EntityTypeBuilder<CalendarYearRow> e)
    {
        e.ToTable("calendar_years");
        e.HasKey(x => x.Year);
        e.Property(x => x.Year).ValueGeneratedNever();
        e.Property(x => x.UpdatedBy).HasMaxLength(100);
    }
}
