using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Data.Identity;

/// <summary>The rest of ASP.NET Core Identity's tables (mapped by IdentityDbContext), named like ours.</summary>
internal sealed class IdentityTablesConfiguration :
    IEntityTypeConfiguration<IdentityRole<long>>,
    IEntityTypeConfiguration<IdentityUserClaim<long>>,
    IEntityTypeConfiguration<IdentityUserRole<long>>,
    IEntityTypeConfiguration<IdentityUserLogin<long>>,
    IEntityTypeConfiguration<IdentityRoleClaim<long>>,
    IEntityTypeConfiguration<IdentityUserToken<long>>
{
    public void Configure(EntityTypeBuilder<IdentityRole<long>> e) => e.ToTable("roles");
    public void Configure(EntityTypeBuilder<IdentityUserClaim<long>> e) => e.ToTable("user_claims");
    public void Configure(EntityTypeBuilder<IdentityUserRole<long>> e) => e.ToTable("user_roles");
    public void Configure(EntityTypeBuilder<IdentityUserLogin<long>> e) => e.ToTable("user_logins");
    public void Configure(EntityTypeBuilder<IdentityRoleClaim<long>> e) => e.ToTable("role_claims");
    public void Configure(EntityTypeBuilder<IdentityUserToken<long>> e) => e.ToTable("user_tokens");
}
