using GridGov.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Data;

/// <summary>The one EF model, used unchanged on SQLite and PostgreSQL.</summary>
public sealed class GridGovDb(DbContextOptions<GridGovDb> options) : DbContext(options)
{
    public DbSet<Area> Areas => Set<Area>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<GridAssignment> GridAssignments => Set<GridAssignment>();
    public DbSet<BoundaryImport> BoundaryImports => Set<BoundaryImport>();

    protected override void OnModelCreating(ModelBuilder b)
    {
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
}
