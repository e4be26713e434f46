using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Domain.Security;
using GridGov.Web.Features.Auth;
using GridGov.Web.Hosting;
using GridGov.Web.Hosting.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Access;

public sealed record NewUser(string? UserName, string? DisplayName, string? InitialPassword);
public sealed record NewGrant(long? UserId, string? Role, string? AreaCode, string? Department);

/// <summary>Accounts and area-bound role grants, administered inside the administrator's own area.</summary>
public static class AccessEndpoints
{
    public static void MapAccess(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api").WithTags("Access");
        g.MapPost("/users", CreateUser).RequirePermission(Permission.GrantsWrite)
            .WithSummary("Create an account (must change its password at first sign-in)");
        g.MapPost("/grants", CreateGrant).RequirePermission(Permission.GrantsWrite)
            .WithSummary("Grant a role in an area (only roles junior to yours, inside your area, never to yourself)");
        g.MapPost("/grants/{id:long}/revoke", RevokeGrant).RequirePermission(Permission.GrantsWrite).WithSummary("Revoke a grant");
    }

    private static async Task<IResult> CreateUser(NewUser body, UserManager<AppUser> users)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.UserName) || body.UserName.Length > 50) errors["userName"] = ["userName is required, at most 50 characters."];
        if (string.IsNullOrWhiteSpace(body.DisplayName) || body.DisplayName.Length > 50) errors["displayName"] = ["displayName is required, at most 50 characters."];
        if (string.IsNullOrEmpty(body.InitialPassword)) errors["initialPassword"] = ["initialPassword is required."];
        if (errors.Count > 0) return Problems.Invalid(errors);
        var user = new AppUser { UserName = body.UserName!.Trim(), DisplayName = body.DisplayName!.Trim(), MustChangePassword = true, CreatedAt = DateTime.UtcNow };
        var result = await users.CreateAsync(user, body.InitialPassword!);
        if (!result.Succeeded)
            return Problems.Invalid(new Dictionary<string, string[]>
            {
                [result.Errors.Any(e => e.Code.Contains("UserName", StringComparison.Ordinal)) ? "userName" : "initialPassword"] =
                    result.Errors.Select(e => e.Description).ToArray(),
            });
        return Results.Created($"/api/users/{user.Id}", new { user.Id, user.UserName, user.DisplayName, user.MustChangePassword });
    }

    private static async Task<IResult> CreateGrant(NewGrant body, Caller caller, GridGovDb db)
    {
        var role = AccessNames.Parse(body.Role);
        if (role is null) return Problems.Invalid("role", $"role must be one of: {string.Join(", ", Enum.GetValues<AppRole>().Select(AccessNames.Wire))}.");
        if (body.Department is { Length: > 50 }) return Problems.Invalid("department", "department is at most 50 characters.");
        // Rights first, existence after: a refused caller learns nothing about which accounts or areas exist.
        var problem = RolePolicy.GrantProblem(caller.UserId!.Value, caller.Grants.Select(g => (g.Role, g.Area)).ToList(), body.UserId ?? -1, role.Value, body.AreaCode);
        if (problem is not null) return Results.Problem(statusCode: 403, title: "Forbidden", detail: problem);
        if (body.UserId is not { } userId || !await db.Users.AnyAsync(u => u.Id == userId))
            return Problems.Invalid("userId", "userId must be an existing account.");
        if (!await db.Areas.AnyAsync(a => a.Code == body.AreaCode))
            return Problems.Invalid("areaCode", "areaCode must be a loaded area.");
        var grant = new RoleGrant
        {
            UserId = userId, Role = role.Value, AreaCode = body.AreaCode!, Department = body.Department?.Trim(),
            GrantedAt = DateTime.UtcNow, GrantedBy = caller.UserId,
        };
        db.RoleGrants.Add(grant);
        await db.SaveChangesAsync();
        return Results.Created($"/api/grants/{grant.Id}", new GrantDto(grant.Id, AccessNames.Wire(grant.Role), grant.AreaCode, null, grant.Department));
    }

    private static async Task<IResult> RevokeGrant(long id, Caller caller, GridGovDb db)
    {
        var grant = await db.RoleGrants.FirstOrDefaultAsync(g => g.Id == id && g.RevokedAt == null);
        if (grant is null || !caller.Covers(Permission.GrantsWrite, grant.AreaCode)) return Problems.NotFound($"No active grant {id} in your area.");
        var problem = RolePolicy.GrantProblem(caller.UserId!.Value, caller.Grants.Select(g => (g.Role, g.Area)).ToList(), grant.UserId, grant.Role, grant.AreaCode);
        if (problem is not null) return Results.Problem(statusCode: 403, title: "Forbidden", detail: problem);
        grant.RevokedAt = DateTime.UtcNow;
        await db.SaveChangesAsync();
        return Results.NoContent();
    }
}
