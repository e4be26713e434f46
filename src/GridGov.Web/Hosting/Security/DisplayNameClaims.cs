using System.Security.Claims;
using GridGov.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GridGov.Web.Hosting.Security;

/// <summary>
/// Puts the user's display name (水井坊社区书记) into the sign-in cookie, so pages greet people by the name colleagues
/// know them by rather than their sign-in name (sjf.secretary), without a database read per page.
/// </summary>
public sealed class DisplayNameClaims(UserManager<AppUser> users, RoleManager<IdentityRole<long>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<long>>(users, roles, options)
{
    public const string ClaimType = "display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrWhiteSpace(user.DisplayName)) identity.AddClaim(new Claim(ClaimType, user.DisplayName));
        return identity;
    }

    /// <summary>The display name of a signed-in user; the sign-in name for sessions made before the claim existed.</summary>
    public static string Of(ClaimsPrincipal user) => user.FindFirstValue(ClaimType) ?? user.Identity?.Name ?? "";
}
