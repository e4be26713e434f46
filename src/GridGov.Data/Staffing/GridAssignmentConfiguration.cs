using GridGov.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Data.Staffing;

internal sealed class GridAssignmentConfiguration : IEntityTypeConfiguration<GridAssignment>
{
    public void Configure(EntityTypeBuilder<GridAssignment> e)
    {
        e.ToTable("grid_assignments");
        e.Property(x => x.GridCode).HasMaxLength(16);
        e.Property(x => x.DistrictCode).HasMaxLength(6);
        e.Property(x => x.Note).HasMaxLength(200);
        e.Property(x => x.EndNote).HasMaxLength(200);
        e.HasIndex(x => new { x.GridCode, x.EndedAt });
        e.HasIndex(x => x.StaffMemberId);
        e.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Area>().WithMany().HasForeignKey(x => x.GridCode).OnDelete(DeleteBehavior.Restrict);
    }
}
