using GridGov.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Data;

/// <summary>The one EF model, used unchanged on SQLite and PostgreSQL.</summary>
public sealed class GridGovDb(DbContextOptions<GridGovDb> options)
    : IdentityDbContext<AppUser, IdentityRole<long>, long>(options), IDataProtectionKeyContext
{
    public DbSet<Area> Areas => Set<Area>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<GridAssignment> GridAssignments => Set<GridAssignment>();
    public DbSet<BoundaryImport> BoundaryImports => Set<BoundaryImport>();
    public DbSet<RoleGrant> RoleGrants => Set<RoleGrant>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CaseHistory> CaseHistory => Set<CaseHistory>();
    public DbSet<CasePhoto> CasePhotos => Set<CasePhoto>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<CaseStatsDaily> CaseStatsDaily => Set<CaseStatsDaily>();
    public DbSet<CalendarYearRow> CalendarYears => Set<CalendarYearRow>();
    public DbSet<CaseStatsDirty> CaseStatsDirty => Set<CaseStatsDirty>();
    public DbSet<CaseStatsHourly> CaseStatsHourly => Set<CaseStatsHourly>();
    public DbSet<CaseStatsHourDirty> CaseStatsHourDirty => Set<CaseStatsHourDirty>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<PhoneVerification> PhoneVerifications => Set<PhoneVerification>();
    public DbSet<AppSecret> AppSecrets => Set<AppSecret>();

    /// <summary>The Data Protection key ring, shared by every app node so each can decrypt what another encrypted.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        // Identity's tables, named like ours.
        b.Entity<AppUser>(e =>
        {
            e.ToTable("users");
            e.Property(x => x.DisplayName).HasMaxLength(50);
            e.Property(x => x.PhoneLookup).HasMaxLength(64);
            e.Property(x => x.PhoneMasked).HasMaxLength(20);
            e.Property(x => x.PhoneCipher).HasMaxLength(400);
            e.HasIndex(x => x.PhoneLookup).IsUnique();
        });
        b.Entity<PhoneVerification>(e =>
        {
            e.ToTable("phone_verifications");
            e.Property(x => x.PhoneLookup).HasMaxLength(64);
            e.Property(x => x.CodeHash).HasMaxLength(64);
            e.Property(x => x.Salt).HasMaxLength(32);
            e.Property(x => x.Ip).HasMaxLength(45);
            e.HasIndex(x => new { x.PhoneLookup, x.CreatedAt });
        });
        b.Entity<AppSecret>(e =>
        {
            e.ToTable("app_secrets");
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(50);
            e.Property(x => x.Value).HasMaxLength(200);
        });
        b.Entity<IdentityRole<long>>().ToTable("roles");
        b.Entity<IdentityUserClaim<long>>().ToTable("user_claims");
        b.Entity<IdentityUserRole<long>>().ToTable("user_roles");
        b.Entity<IdentityUserLogin<long>>().ToTable("user_logins");
        b.Entity<IdentityRoleClaim<long>>().ToTable("role_claims");
        b.Entity<IdentityUserToken<long>>().ToTable("user_tokens");
        b.Entity<RoleGrant>(e =>
        {
            e.Property(x => x.AreaCode).HasMaxLength(16);
            e.Property(x => x.Department).HasMaxLength(50);
            e.HasIndex(x => new { x.UserId, x.RevokedAt });
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<ApiKey>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Prefix).HasMaxLength(16);
            e.Property(x => x.KeyHash).HasMaxLength(64);
            e.Property(x => x.AreaCode).HasMaxLength(16);
            e.HasIndex(x => x.KeyHash).IsUnique();
            e.HasIndex(x => x.AreaCode);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Category>(e =>
        {
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(8);
            e.Property(x => x.ParentCode).HasMaxLength(8);
            e.Property(x => x.Name).HasMaxLength(50);
            e.Property(x => x.NameEn).HasMaxLength(100);
            e.Property(x => x.DepartmentKind).HasMaxLength(10);
        });
        b.Entity<Department>(e =>
        {
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(20);
            e.Property(x => x.Kind).HasMaxLength(10);
            e.Property(x => x.Name).HasMaxLength(50);
            e.Property(x => x.DistrictCode).HasMaxLength(6);
            e.HasIndex(x => x.DistrictCode);
        });
        b.Entity<Case>(e =>
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
            // Likely duplicates (same category within ~100 m) and the public map's boxes: a box is one tight index scan per
            // ~111 m latitude row it touches (equality on lat_row, range on lon), not a whole latitude band across the
            // city (migration 0012). Computed by the database, so no writer can get it wrong; stored on PostgreSQL,
            // virtual on SQLite (which cannot add a stored column to an existing table).
            e.Property(x => x.LatRow).HasComputedColumnSql("CAST(floor(lat / 0.001) AS integer)", stored: !Database.IsSqlite());
            e.HasIndex(x => new { x.CategoryCode, x.LatRow, x.Lon });
            // Partial where the column is empty when a case is reported: intake then writes 9 index entries, not 14, and
            // every query on them compares a value, which implies NOT NULL, so the partial index serves it (migration 0011).
            e.HasIndex(x => x.AssigneeUserId).HasFilter("assignee_user_id IS NOT NULL");
            e.HasIndex(x => x.ReporterUserId);
            // Indicator queries find the cases with an instant in a period through these.
            e.HasIndex(x => x.ReportedAt);
            e.HasIndex(x => x.RegisteredAt).HasFilter("registered_at IS NOT NULL");
            e.HasIndex(x => x.RespondedAt).HasFilter("responded_at IS NOT NULL");
            e.HasIndex(x => x.ResolveDueAt).HasFilter("resolve_due_at IS NOT NULL");
            e.HasIndex(x => x.ClosedAt).HasFilter("closed_at IS NOT NULL");
        });
        b.Entity<CaseHistory>(e =>
        {
            e.ToTable("case_history");
            e.Property(x => x.DistrictCode).HasMaxLength(6);
            e.Property(x => x.ActorName).HasMaxLength(100);
            e.Property(x => x.Action).HasMaxLength(30);
            e.Property(x => x.Note).HasMaxLength(1000);
            e.Property(x => x.PhotoIds).HasMaxLength(400);
            e.HasIndex(x => new { x.CaseId, x.Id });
        });
        b.Entity<CasePhoto>(e =>
        {
            e.Property(x => x.DistrictCode).HasMaxLength(6);
            e.Property(x => x.ContentType).HasMaxLength(30);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.Path).HasMaxLength(200);
            e.Property(x => x.ThumbnailPath).HasMaxLength(200);
            e.HasIndex(x => x.CaseId);
        });
        b.Entity<CaseStatsDaily>(e =>
        {
            e.ToTable("case_stats_daily");
            e.HasKey(x => new { x.AreaCode, x.Day });
            e.Property(x => x.AreaCode).HasMaxLength(12);
            e.Property(x => x.Day).HasMaxLength(10);
        });
        b.Entity<CalendarYearRow>(e =>
        {
            e.ToTable("calendar_years");
            e.HasKey(x => x.Year);
            e.Property(x => x.Year).ValueGeneratedNever();
            e.Property(x => x.UpdatedBy).HasMaxLength(100);
        });
        b.Entity<CaseStatsHourly>(e =>
        {
            e.ToTable("case_stats_hourly");
            e.HasKey(x => new { x.AreaCode, x.Hour });
            e.Property(x => x.AreaCode).HasMaxLength(12);
            e.Property(x => x.Hour).HasMaxLength(13);
        });
        b.Entity<CaseStatsHourDirty>(e =>
        {
            e.ToTable("case_stats_hour_dirty");
            e.Property(x => x.AreaCode).HasMaxLength(12);
            e.Property(x => x.Day).HasMaxLength(10);
        });
        b.Entity<CaseStatsDirty>(e =>
        {
            e.ToTable("case_stats_dirty");
            e.Property(x => x.AreaCode).HasMaxLength(12);
            e.Property(x => x.Day).HasMaxLength(10);
        });
        b.Entity<Notification>(e =>
        {
            e.Property(x => x.AreaCode).HasMaxLength(16);
            e.Property(x => x.Kind).HasMaxLength(30);
            e.Property(x => x.Message).HasMaxLength(500);
            e.HasIndex(x => new { x.UserId, x.Id });
            e.HasIndex(x => new { x.AreaCode, x.Id });
        });
        b.Entity<AuditEntry>(e =>
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
        });
        b.Entity<Area>(e =>
        {
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(16);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.ParentCode).HasMaxLength(16);
            e.Property(x => x.DistrictCode).HasMaxLength(6);
            e.Property(x => x.DedicatedType).HasMaxLength(20);
            e.HasIndex(x => x.ParentCode);
            e.HasIndex(x => new { x.Kind, x.Code });
        });
        b.Entity<Person>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(50);
            e.Property(x => x.DistrictCode).HasMaxLength(6);
            e.Property(x => x.PhoneMasked).HasMaxLength(20);
            e.Property(x => x.PhoneCipher).HasMaxLength(400);
            e.Property(x => x.AreaCode).HasMaxLength(16);
            e.Property(x => x.PhoneCipher).HasMaxLength(400);
            e.Property(x => x.IdNumberMasked).HasMaxLength(20);
            e.Property(x => x.IdNumberCipher).HasMaxLength(400);
            e.HasIndex(x => x.AreaCode);

        });
        b.Entity<GridAssignment>(e =>
        {
            e.Property(x => x.GridCode).HasMaxLength(16);
            e.Property(x => x.DistrictCode).HasMaxLength(6);
            e.Property(x => x.Note).HasMaxLength(200);
            e.Property(x => x.EndNote).HasMaxLength(200);
            e.HasIndex(x => new { x.GridCode, x.EndedAt });
            e.HasIndex(x => x.PersonId);
            e.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Area>().WithMany().HasForeignKey(x => x.GridCode).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<BoundaryImport>(e =>
        {
            e.Property(x => x.Source).HasMaxLength(200);
            e.Property(x => x.ImportedBy).HasMaxLength(100);
        });
    }

    /// <summary>
    /// Every instant is stored and read as UTC. SQLite keeps no kind, so values read back as Unspecified and were
    /// serialised without a "Z" (a browser then took them as local time); this marks them UTC on the way out.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder c)
    {
        // PostgreSQL's timestamptz already comes back as UTC; a converter there would only add work.
        if (!Database.IsSqlite()) return;
        c.Properties<DateTime>().HaveConversion<UtcConverter>();
        c.Properties<DateTime?>().HaveConversion<UtcConverter>();
    }

    private sealed class UtcConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

}
