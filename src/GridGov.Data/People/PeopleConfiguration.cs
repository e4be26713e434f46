using GridGov.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Data.People;

internal sealed class CompoundConfiguration : IEntityTypeConfiguration<Compound>
{
    public void Configure(EntityTypeBuilder<Compound> e)
    {
        e.ToTable("compounds");
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.AreaCode).HasMaxLength(16);
        e.Property(x => x.DistrictCode).HasMaxLength(6);
        e.Property(x => x.Address).HasMaxLength(200);
        e.Property(x => x.PropertyCompany).HasMaxLength(100);
        e.Property(x => x.PropertyContact).HasMaxLength(50);
        e.Property(x => x.PropertyPhoneMasked).HasMaxLength(20);
        e.Property(x => x.PropertyPhoneCipher).HasMaxLength(400);
        e.Property(x => x.SelfGovernance).HasMaxLength(100);
        e.HasIndex(x => x.AreaCode);
    }
}

internal sealed class BuildingConfiguration : IEntityTypeConfiguration<Building>
{
    public void Configure(EntityTypeBuilder<Building> e)
    {
        e.ToTable("buildings");
        e.Property(x => x.Name).HasMaxLength(50);
        e.Property(x => x.AreaCode).HasMaxLength(16);
        e.Property(x => x.DistrictCode).HasMaxLength(6);
        e.HasOne<Compound>().WithMany().HasForeignKey(x => x.CompoundId);
        e.HasIndex(x => x.AreaCode);
    }
}

internal sealed class HouseConfiguration : IEntityTypeConfiguration<House>
{
    public void Configure(EntityTypeBuilder<House> e)
    {
        e.ToTable("houses");
        e.Property(x => x.AreaCode).HasMaxLength(16);
        e.Property(x => x.DistrictCode).HasMaxLength(6);
        e.Property(x => x.Number).HasMaxLength(20);
        e.Property(x => x.Address).HasMaxLength(200);
        e.HasOne<Building>().WithMany().HasForeignKey(x => x.BuildingId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.BuildingId, x.Unit, x.Floor, x.Number }).IsUnique();
        e.HasIndex(x => x.AreaCode);
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> e)
    {
        e.ToTable("people");
        e.Property(x => x.Name).HasMaxLength(50);
        e.Property(x => x.AreaCode).HasMaxLength(16);
        e.Property(x => x.DistrictCode).HasMaxLength(6);
        e.Property(x => x.IdNumberMasked).HasMaxLength(20);
        e.Property(x => x.IdNumberCipher).HasMaxLength(400);
        e.Property(x => x.IdNumberHash).HasMaxLength(64);
        e.Property(x => x.DocumentMasked).HasMaxLength(40);
        e.Property(x => x.DocumentCipher).HasMaxLength(400);
        e.Property(x => x.PhoneMasked).HasMaxLength(20);
        e.Property(x => x.PhoneCipher).HasMaxLength(400);
        e.Property(x => x.Tags).HasMaxLength(300);
        e.Property(x => x.PhoneHash).HasMaxLength(64);
        e.Property(x => x.IdBodyHash).HasMaxLength(64);
        // One record per ID number: an exact match updates it (import) or is refused (entry).
        e.HasIndex(x => x.IdNumberHash).IsUnique();
        e.HasIndex(x => new { x.AreaCode, x.Name });
        e.HasIndex(x => x.PhoneHash);
        e.HasIndex(x => x.IdBodyHash);
        e.HasIndex(x => new { x.Name, x.BirthDate }); // possible duplicates: same name and birth date
    }
}

internal sealed class ResidenceConfiguration : IEntityTypeConfiguration<Residence>
{
    public void Configure(EntityTypeBuilder<Residence> e)
    {
        e.ToTable("residences");
        e.Property(x => x.AreaCode).HasMaxLength(16);
        e.Property(x => x.DistrictCode).HasMaxLength(6);
        e.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict); // history is never deleted
        e.HasOne<House>().WithMany().HasForeignKey(x => x.HouseId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.PersonId);
        e.HasIndex(x => x.HouseId);
    }
}

internal sealed class CaseHouseConfiguration : IEntityTypeConfiguration<CaseHouse>
{
    public void Configure(EntityTypeBuilder<CaseHouse> e)
    {
        e.ToTable("case_houses");
        e.HasKey(x => x.CaseId);
        e.Property(x => x.CaseId).ValueGeneratedNever();
        e.Property(x => x.AreaCode).HasMaxLength(16);
        e.Property(x => x.DistrictCode).HasMaxLength(6);
        e.HasOne<House>().WithMany().HasForeignKey(x => x.HouseId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.HouseId); // a house's cases
    }
}
