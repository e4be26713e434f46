using GridGov.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Data.Identity;

internal sealed class AppSecretConfiguration : IEntityTypeConfiguration<AppSecret>
{
    public void Configure(EntityTypeBuilder<AppSecret> e)
    {
        e.ToTable("app_secrets");
        e.HasKey(x => x.Name);
        e.Property(x => x.Name).HasMaxLength(50);
        e.Property(x => x.Value).HasMaxLength(200);
    }
}
