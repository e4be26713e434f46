using System.Diagnostics;
using System.Security.Claims;
using GridGov.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridGov.Web.Hosting.Security;

/// <summary>
/// Runs after authentication on every request with a signed-in user: the account must still exist with the same
/// security stamp (so a revoked bearer token or a session from before a password change stops working — at once on
/// the node that made the change, within <see cref="GridGovOptions.SessionCacheSeconds"/> on the others), a forced
/// password change blocks everything but /api/auth, and the user's area grants are loaded for <see cref="Caller"/>.
/// </summary>
public sealed class SessionGuard(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, IOptions<IdentityOptions> identity, SessionCache cache)
    {
        var user = http.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            var id = long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var parsed) ? parsed : -1;
            var stampClaim = user.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
            var cached = cache.TryGet(id, out var account);
            // A stamp the cache does not know may be newer (a password changed on another node, then a fresh sign-in):
            // read the account again before refusing.
            if (!cached || account.SecurityStamp != stampClaim)
            {
                account = await LoadAsync(http, id);
                if (account is null)
                {
                    await Revoked(http);
                    return;
                }
                cache.Set(id, account);
            }
            if (account.SecurityStamp != stampClaim || account.LockoutEnd > DateTimeOffset.UtcNow)
            {
                await Revoked(http);
                return;
            }
            if (account.MustChangePassword && !AllowedBeforePasswordChange(http.Request.Path))
            {
                // Pages lead to the password page; the API says what to do.
                if (!http.Request.Path.StartsWithSegments("/api") && HttpMethods.IsGet(http.Request.Method))
                {
                    http.Response.Redirect("/account/password?returnUrl=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString));
                    return;
                }
                await Results.Problem(statusCode: 403, title: "Password change required",
                    detail: "Choose your own password first: POST /api/auth/password, or the page /account/password.").ExecuteAsync(http);
                return;
            }
            http.Items[Caller.GrantsItem] = account.Grants;
        }
        await next(http);
    }

    /// <summary>What an account that must change its password may still reach: the change itself, sign-out, and the page's assets.</summary>
    private static bool AllowedBeforePasswordChange(PathString path) =>
        path.StartsWithSegments("/api/auth") || path.StartsWithSegments(ChangePasswordPath) || path.StartsWithSegments("/logout")
        || path.StartsWithSegments("/culture") || path.StartsWithSegments("/css") || path.StartsWithSegments("/lib") || path.StartsWithSegments("/js");

    public const string ChangePasswordPath = "/account/password";

    private static async Task<SessionCache.Entry?> LoadAsync(HttpContext http, long id)
    {
        var db = http.RequestServices.GetRequiredService<GridGovDb>(); // only on a miss: a cached request needs no DbContext
        var row = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.SecurityStamp, u.MustChangePassword, u.LockoutEnd }).FirstOrDefaultAsync(http.RequestAborted);
        if (row is null) return null;
        var grants = await db.RoleGrants.AsNoTracking()
            .Where(g => g.UserId == id && g.RevokedAt == null)
            .Select(g => new Grant(g.Id, g.Role, g.AreaCode, g.Department)).ToListAsync(http.RequestAborted);
        return new SessionCache.Entry(row.SecurityStamp, row.MustChangePassword, row.LockoutEnd, grants, Stopwatch.GetTimestamp());
    }

    private static Task Revoked(HttpContext http) =>
        Results.Problem(statusCode: 401, title: "Signed out", detail: "This session or token has been revoked; sign in again.").ExecuteAsync(http);
}
