using GridGov.Data.Cases;
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
    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();
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
    public DbSet<Compound> Compounds => Set<Compound>();
    public DbSet<Building> Buildings => Set<Building>();
    public DbSet<House> Houses => Set<House>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Residence> Residences => Set<Residence>();
    public DbSet<CaseHouse> CaseHouses => Set<CaseHouse>();
    public DbSet<PeopleImport> PeopleImports => Set<PeopleImport>();
    public DbSet<PeopleImportRow> PeopleImportRows => Set<PeopleImportRow>();
    public DbSet<PeopleImportReview> PeopleImportReviews => Set<PeopleImportReview>();
    public DbSet<VerificationRound> VerificationRounds => Set<VerificationRound>();
    public DbSet<VerificationItem> VerificationItems => Set<VerificationItem>();
    public DbSet<VerificationReport> VerificationReports => Set<VerificationReport>();
    public DbSet<VerificationTally> VerificationTallies => Set<VerificationTally>();

    /// <summary>The Data Protection key ring, shared by every app node so each can decrypt what another encrypted.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// Each table's mapping lives beside its entity, in the data project's folder of the module it belongs to
    /// (Areas, Staffing, Identity, Cases, …), as an <see cref="IEntityTypeConfiguration{TEntity}"/>. Entity classes
    /// all keep the namespace GridGov.Data.Entities, so the rest of the solution needs one using.
    /// </summary>
    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.ApplyConfigurationsFromAssembly(typeof(GridGovDb).Assembly);
        // The one mapping that depends on the provider; the call above skips it (no parameterless constructor).
        b.ApplyConfiguration(new CaseConfiguration(sqlite: Database.IsSqlite()));
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
