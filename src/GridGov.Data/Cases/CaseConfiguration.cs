using GridGov.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Data.Cases;

/// <summary>
/// The case row. It differs by provider (the generated lat_row column is stored on PostgreSQL, virtual on SQLite),
/// so it takes the provider and <see cref="GridGovDb"/> applies it by hand: ApplyConfigurationsFromAssembly only
/// creates configurations that have a parameterless constructor.
/// </summary>
internal sealed class CaseConfiguration(bool sqlite) : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> e)
    {
        e.ToTable("cases");
        e.Property(x => x.TrackingNo).HasMaxLength(20);
        e.Property(x => x.CategoryCode).HasMaxLength(8);
        e.Property(x => x.Description).HasMaxLength(2000);
        e.Property(x => x.Source).HasMaxLength(20);
        e.Property(x => x.AddressText).HasMaxLength(200);
        e.Property(x => x.AreaCode).HasMaxLength(16);
        e.Property(x => x.DistrictCode).HasMaxLength(6);
        e.Property(x => x.ReporterName).HasMaxLength(50);
        e.Property(x => x.ReporterPhoneMasked).HasMaxLength(20);
        e.Property(x => x.ReporterPhoneCipher).HasMaxLength(400);
        e.Property(x => x.AssigneeDepartment).HasMaxLength(20);
        e.Property(x => x.RatingComment).HasMaxLength(500);
        e.Property(x => x.IdempotencyKey).HasMaxLength(100);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => x.TrackingNo).IsUnique();
        e.HasIndex(x => x.IdempotencyKey).IsUnique();
        e.HasIndex(x => new { x.AreaCode, x.Id });
        e.HasIndex(x => new { x.Status, x.ResolveDueAt });
        e.HasIndex(x => new { x.CategoryCode, x.Status });
        // Likely duplicates (same category within ~100 m) and the public map's boxes: a box is one tight index scan
        // per ~111 m latitude row it touches (equality on lat_row, range on lon), not a whole latitude band across the
        // city (migration 0012). Computed by the database, so no writer can get it wrong; stored on PostgreSQL,
        // virtual on SQLite (which cannot add a stored column to an existing table).
        e.Property(x => x.LatRow).HasComputedColumnSql("CAST(floor(lat / 0.001) AS integer)", stored: !sqlite);
        e.HasIndex(x => new { x.CategoryCode, x.LatRow, x.Lon });
        // Partial where the column is empty when a case is reported: intake then writes 9 index entries, not 14, and
        // every query on them compares a value, which implies NOT NULL, so the partial index serves it (migration
        // 0011).
        e.HasIndex(x => x.AssigneeUserId).HasFilter("assignee_user_id IS NOT NULL");
        e.HasIndex(x => x.ReporterUserId);
        // Indicator queries find the cases with an instant in a period through these.
        e.HasIndex(x => x.ReportedAt);
        e.HasIndex(x => x.RegisteredAt).HasFilter("registered_at IS NOT NULL");
        e.HasIndex(x => x.RespondedAt).HasFilter("responded_at IS NOT NULL");
        e.HasIndex(x => x.ResolveDueAt).HasFilter("resolve_due_at IS NOT NULL");
        e.HasIndex(x => x.ClosedAt).HasFilter("closed_at IS NOT NULL");
    }
}
