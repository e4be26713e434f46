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
            if (!cache.TryGet(id, out var account))
            {
                var db = http.RequestServices.GetRequiredService<GridGovDb>(); // only on a miss: a cached request needs no DbContext
                var row = await db.Users.AsNoTracking().Where(u => u.Id == id)
                    .Select(u => new { u.SecurityStamp, u.MustChangePassword, u.LockoutEnd }).FirstOrDefaultAsync(http.RequestAborted);
                if (row is null)
                {
                    await Revoked(http);
                    return;
                }
                var grants = await db.RoleGrants.AsNoTracking()
                    .Where(g => g.UserId == id && g.RevokedAt == null)
                    .Select(g => new Grant(g.Id, g.Role, g.AreaCode, g.Department)).ToListAsync(http.RequestAborted);
                account = new SessionCache.Entry(row.SecurityStamp, row.MustChangePassword, row.LockoutEnd, grants, Stopwatch.GetTimestamp());
                cache.Set(id, account);
            }
            if (account.SecurityStamp != stampClaim || account.LockoutEnd > DateTimeOffset.UtcNow)
            {
                await Revoked(http);
                return;
            }
            if (account.MustChangePassword && !http.Request.Path.StartsWithSegments("/api/auth"))
            {
                await Results.Problem(statusCode: 403, title: "Password change required",
                    detail: "Choose your own password first: POST /api/auth/password.").ExecuteAsync(http);
                return;
            }
            http.Items[Caller.GrantsItem] = account.Grants;
        }
        await next(http);
    }

    private static Task Revoked(HttpContext http) =>
        Results.Problem(statusCode: 401, title: "Signed out", detail: "This session or token has been revoked; sign in again.").ExecuteAsync(http);
}
