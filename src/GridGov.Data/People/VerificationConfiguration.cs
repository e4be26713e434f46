using GridGov.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Data.People;

internal sealed class VerificationRoundConfiguration : IEntityTypeConfiguration<VerificationRound>
{
    public void Configure(EntityTypeBuilder<VerificationRound> e)
    {
        e.ToTable("verification_rounds");
        e.Property(x => x.Name).HasMaxLength(60);
        e.Property(x => x.AreaCode).HasMaxLength(16);
        e.Property(x => x.DistrictCode).HasMaxLength(6);
        e.Property(x => x.OpenedBy).HasMaxLength(100);
        e.HasIndex(x => new { x.AreaCode, x.ClosedAt });
    }
}

internal sealed class VerificationItemConfiguration : IEntityTypeConfiguration<VerificationItem>
{
    public void Configure(EntityTypeBuilder<VerificationItem> e)
    {
        e.ToTable("verification_items");
        e.Property(x => x.AreaCode).HasMaxLength(16);
        e.Property(x => x.DistrictCode).HasMaxLength(6);
        e.Property(x => x.WorkerArea).HasMaxLength(16);
        e.HasOne<VerificationRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<House>().WithMany().HasForeignKey(x => x.HouseId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.RoundId, x.HouseId }).IsUnique();
        // Lists by area and state (overdue houses, drill-down to the houses themselves).
        e.HasIndex(x => new { x.RoundId, x.AreaCode, x.State });
        // "My houses to verify": by the worker's grid or micro-grid.
        e.HasIndex(x => new { x.WorkerArea, x.State });
        e.HasIndex(x => x.HouseId);
    }
}

internal sealed class VerificationReportConfiguration : IEntityTypeConfiguration<VerificationReport>
{
    public void Configure(EntityTypeBuilder<VerificationReport> e)
    {
        e.ToTable("verification_reports");
        e.Property(x => x.AreaCode).HasMaxLength(16);
        e.Property(x => x.DistrictCode).HasMaxLength(6);
        e.Property(x => x.KeyOwner).HasMaxLength(100);
        e.Property(x => x.IdempotencyKey).HasMaxLength(100);
        e.Property(x => x.ByName).HasMaxLength(100);
        e.Property(x => x.Summary).HasMaxLength(2000);
        e.Property(x => x.PayloadCipher).HasMaxLength(20000);
        e.Property(x => x.DecidedBy).HasMaxLength(100);
        e.Property(x => x.DecisionNote).HasMaxLength(200);
        e.HasOne<VerificationItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
        // An idempotency key belongs to the account: the same key again is the same report (a retry), never a second one.
        e.HasIndex(x => new { x.KeyOwner, x.IdempotencyKey }).IsUnique();
        e.HasIndex(x => x.ItemId);
        // The review queue: undecided corrections by area.
        e.HasIndex(x => new { x.AreaCode, x.Decision });
    }
}

internal sealed class VerificationTallyConfiguration : IEntityTypeConfiguration<VerificationTally>
{
    public void Configure(EntityTypeBuilder<VerificationTally> e)
    {
        e.ToTable("verification_tallies");
        e.Property(x => x.AreaCode).HasMaxLength(16);
        e.HasKey(x => new { x.RoundId, x.AreaCode, x.State });
        e.HasOne<VerificationRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Restrict);
    }
}
