using GridGov.Web.Features.Access;
using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Web.Hosting;
using GridGov.Web.Hosting.Security;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridGov.Web.Features.Auth;

/// <summary>
/// Sign-in for people (cookie, for the web UI) and apps (bearer + refresh token, for the field app and API clients),
/// revocation, password change, and TOTP second factor. Built on ASP.NET Core Identity's SignInManager.
/// </summary>
public static class AuthEndpoints
{
    public const string LoginRateLimit = "login";

    public static void MapAuth(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/auth").WithTags("Auth");
        g.MapPost("/login", Login).AllowAnonymous().RequireRateLimiting(LoginRateLimit)
            .WithSummary("Sign in: bearer + refresh token (default) or a cookie (useCookies=true)");
        g.MapPost("/refresh", Refresh).AllowAnonymous().RequireRateLimiting(LoginRateLimit).WithSummary("Exchange a refresh token for new tokens");
        g.MapPost("/logout", async (SignInManager<AppUser> signIn) => { await signIn.SignOutAsync(); return Results.NoContent(); })
            .RequireAuthorization().WithSummary("End the cookie session");
        g.MapPost("/revoke", Revoke).RequireAuthorization().WithSummary("Revoke every token and session of the caller");
        g.MapPost("/password", ChangePassword).RequireAuthorization().WithSummary("Change password (required after first sign-in)");
        g.MapGet("/me", Me).RequireAuthorization().WithSummary("The caller, their roles and areas");
        g.MapPost("/2fa/setup", SetupTwoFactor).RequireAuthorization().WithSummary("Get a TOTP shared key (authenticator app)");
        g.MapPost("/2fa/enable", EnableTwoFactor).RequireAuthorization().WithSummary("Turn on TOTP with a first code");
    }

    private static async Task<IResult> Login(LoginRequest body, SignInManager<AppUser> signIn, UserManager<AppUser> users)
    {
        if (string.IsNullOrWhiteSpace(body.UserName) || string.IsNullOrEmpty(body.Password) || body.UserName.Length > 100 || body.Password.Length > 200)
            return Problems.Invalid("userName", "userName and password are required.");
        signIn.AuthenticationScheme = body.UseCookies ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(body.UserName.Trim(), body.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            if (string.IsNullOrEmpty(body.TwoFactorCode))
                return Results.Problem(statusCode: 401, title: "Second factor required", detail: "Send twoFactorCode from your authenticator app.");
            result = await signIn.TwoFactorAuthenticatorSignInAsync(body.TwoFactorCode.Replace(" ", ""), false, false);
        }
        if (result.IsLockedOut)
            return Results.Problem(statusCode: 423, title: "Locked", detail: "Too many failed attempts; try again in 15 minutes.");
        if (!result.Succeeded)
            return Results.Problem(statusCode: 401, title: "Sign-in failed", detail: "Wrong user name, password or code.");
        // The sign-in handler has written the cookie or the token response.
        return Results.Empty;
    }

    private static async Task<IResult> Refresh(
        RefreshRequest body, SignInManager<AppUser> signIn, IOptionsMonitor<BearerTokenOptions> tokens, TimeProvider time)
    {
        var protector = tokens.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
        var ticket = string.IsNullOrEmpty(body.RefreshToken) ? null : protector.Unprotect(body.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user
            || user.LockoutEnd > time.GetUtcNow())
            return Results.Problem(statusCode: 401, title: "Refresh refused", detail: "The refresh token is expired or revoked; sign in again.");
        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static async Task<IResult> Revoke(Caller caller, UserManager<AppUser> users, SignInManager<AppUser> signIn)
    {
        var user = await users.FindByIdAsync(caller.UserId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is null) return Results.Problem(statusCode: 401);
        await users.UpdateSecurityStampAsync(user); // every token and cookie carrying the old stamp is now refused
        await signIn.SignOutAsync();
        return Results.NoContent();
    }

    private static async Task<IResult> ChangePassword(ChangePasswordRequest body, Caller caller, UserManager<AppUser> users)
    {
        var user = await users.FindByIdAsync(caller.UserId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is null) return Results.Problem(statusCode: 401);
        if (string.IsNullOrEmpty(body.CurrentPassword) || string.IsNullOrEmpty(body.NewPassword))
            return Problems.Invalid("newPassword", "currentPassword and newPassword are required.");
        if (body.NewPassword == body.CurrentPassword)
            return Problems.Invalid("newPassword", "Choose a password different from the current one.");
        var result = await users.ChangePasswordAsync(user, body.CurrentPassword, body.NewPassword);
        if (!result.Succeeded)
            return Problems.Invalid(new Dictionary<string, string[]>
            {
                [result.Errors.Any(e => e.Code == "PasswordMismatch") ? "currentPassword" : "newPassword"] = result.Errors.Select(e => e.Description).ToArray(),
            });
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        return Results.NoContent();
    }

    private static async Task<IResult> Me(Caller caller, UserManager<AppUser> users, GridGovDb db)
    {
        var user = await users.FindByIdAsync(caller.UserId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is null) return Results.Problem(statusCode: 401);
        var codes = caller.Grants.Select(g => g.Area).ToList();
        var names = await db.Areas.AsNoTracking().Where(a => codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Name);
        return Results.Ok(new MeDto(user.Id, user.UserName!, user.DisplayName, user.MustChangePassword, user.TwoFactorEnabled,
            caller.Grants.Select(g => new GrantDto(g.Id, AccessNames.Wire(g.Role), g.Area, names.GetValueOrDefault(g.Area), g.Department)).ToList()));
    }

    private static async Task<IResult> SetupTwoFactor(Caller caller, UserManager<AppUser> users)
    {
        var user = await users.FindByIdAsync(caller.UserId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is null) return Results.Problem(statusCode: 401);
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // First key: stored without rotating the security stamp (ResetAuthenticatorKeyAsync would sign the caller out).
            key = users.GenerateNewAuthenticatorKey();
            await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", key);
        }
        var uri = $"otpauth://totp/GridGov:{Uri.EscapeDataString(user.UserName!)}?secret={key}&issuer=GridGov&digits=6";
        return Results.Ok(new TwoFactorSetup(key!, uri));
    }

    private static async Task<IResult> EnableTwoFactor(TwoFactorEnableRequest body, Caller caller, UserManager<AppUser> users)
    {
        var user = await users.FindByIdAsync(caller.UserId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is null) return Results.Problem(statusCode: 401);
        var ok = !string.IsNullOrEmpty(body.Code) && await users.VerifyTwoFactorTokenAsync(
            user, users.Options.Tokens.AuthenticatorTokenProvider, body.Code.Replace(" ", ""));
        if (!ok) return Problems.Invalid("code", "That code is not valid for your authenticator key; check the device clock.");
        await users.SetTwoFactorEnabledAsync(user, true);
        return Results.NoContent();
    }
}
