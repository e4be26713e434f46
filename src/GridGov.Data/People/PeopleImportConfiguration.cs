using GridGov.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Data.People;

internal sealed class PeopleImportConfiguration : IEntityTypeConfiguration<PeopleImport>
{
    public void Configure(EntityTypeBuilder<PeopleImport> e)
    {
        e.ToTable("people_import_batches");
        e.Property(x => x.AreaCode).HasMaxLength(16);
        e.Property(x => x.DistrictCode).HasMaxLength(6);
        e.Property(x => x.FileName).HasMaxLength(200);
        e.Property(x => x.Format).HasMaxLength(20);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.Property(x => x.Failure).HasMaxLength(1000);
        e.Property(x => x.CreatedByName).HasMaxLength(100);
        e.Property(x => x.CommittedByName).HasMaxLength(100);
        e.HasIndex(x => new { x.AreaCode, x.CreatedAt });
    }
}

internal sealed class PeopleImportRowConfiguration : IEntityTypeConfiguration<PeopleImportRow>
{
    public void Configure(EntityTypeBuilder<PeopleImportRow> e)
    {
        e.ToTable("people_import_rows");
        e.Property(x => x.DistrictCode).HasMaxLength(6);
        e.Property(x => x.Name).HasMaxLength(50);
        e.Property(x => x.IdNumberMasked).HasMaxLength(20);
        e.Property(x => x.IdNumberCipher).HasMaxLength(400);
        e.Property(x => x.IdNumberHash).HasMaxLength(64);
        e.Property(x => x.IdBodyHash).HasMaxLength(64);
        e.Property(x => x.DocumentMasked).HasMaxLength(40);
        e.Property(x => x.DocumentCipher).HasMaxLength(400);
        e.Property(x => x.PhoneMasked).HasMaxLength(20);
        e.Property(x => x.PhoneCipher).HasMaxLength(400);
        e.Property(x => x.PhoneHash).HasMaxLength(64);
        e.Property(x => x.Tags).HasMaxLength(300);
        e.Property(x => x.AreaCode).HasMaxLength(16);
        e.HasOne<PeopleImport>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Cascade);
        // Preview pages (errors of a batch in row order) and the commit's set-based statements by outcome.
        e.HasIndex(x => new { x.BatchId, x.Outcome, x.RowNumber });
    }
}

internal sealed class PeopleImportReviewConfiguration : IEntityTypeConfiguration<PeopleImportReview>
{
    public void Configure(EntityTypeBuilder<PeopleImportReview> e)
    {
        e.ToTable("people_import_reviews");
        e.Property(x => x.AreaCode).HasMaxLength(16);
        e.Property(x => x.DistrictCode).HasMaxLength(6);
        e.Property(x => x.ResolvedByName).HasMaxLength(100);
        e.HasOne<PeopleImport>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<PeopleImportRow>().WithMany().HasForeignKey(x => x.RowId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.AreaCode, x.Status });
        e.HasIndex(x => x.RowId).IsUnique();
    }
}
