using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using GridGov.Data;
using GridGov.Web.Tests.Infrastructure;
using OtpNet;

namespace GridGov.Web.Tests.Auth;

/// <summary>Sign-in, tokens, revocation, lockout, forced password change and TOTP, through the real pipeline.</summary>
public sealed class AuthFlowTests(Apps apps) : IClassFixture<Apps>
{
    private static HttpClient WithToken(GridGovApp app, string token)
    {
        var c = app.CreateClient();
        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return c;
    }

    /// <summary>A fresh account created by the street administrator (so it must change its password).</summary>
    private static async Task<(long Id, string UserName)> NewAccount(GridGovApp app, string prefix)
    {
        var admin = await app.ClientFor("jgy.admin");
        var name = $"{prefix}.{Guid.NewGuid():N}"[..30];
        var (status, body) = await admin.PostJson("/api/users", new { userName = name, displayName = "测试账号", initialPassword = "initial-pass-123" });
        Assert.Equal(201, status);
        return (body.GetProperty("id").GetInt64(), name);
    }

    [SkippableFact]
    public async Task Anonymous_calls_get_401_and_bad_login_input_gets_400()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/regions")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/auth/me")).StatusCode);
        var (status, _) = await anonymous.PostJson("/api/auth/login", new { userName = "", password = "" });
        Assert.Equal(400, status);
        var (wrong, body) = await anonymous.PostJson("/api/auth/login", new { userName = "sjf.secretary", password = "not-the-password" });
        Assert.Equal(401, wrong);
        Assert.Equal("Sign-in failed", body.GetProperty("title").GetString());
    }

    [SkippableFact]
    public async Task A_bearer_token_works_refreshes_and_is_dead_after_revoke_even_when_replayed()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var login = await app.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName = "sjf.worker", password = GridGovApp.Password });
        var tokens = await login.Json();
        var access = tokens.GetProperty("accessToken").GetString()!;
        var refresh = tokens.GetProperty("refreshToken").GetString()!;

        var (meStatus, me) = await WithToken(app, access).GetJson("/api/auth/me");
        Assert.Equal(200, meStatus);
        var grant = Assert.Single(me.GetProperty("grants").EnumerateArray());
        Assert.Equal("grid_worker", grant.GetProperty("role").GetString());
        Assert.Equal("51010401700101", grant.GetProperty("area").GetString());

        var (refreshed, fresh) = await app.CreateClient().PostJson("/api/auth/refresh", new { refreshToken = refresh });
        Assert.Equal(200, refreshed);
        var access2 = fresh.GetProperty("accessToken").GetString()!;
        var refresh2 = fresh.GetProperty("refreshToken").GetString()!;

        Assert.Equal(HttpStatusCode.NoContent, (await WithToken(app, access2).PostAsync("/api/auth/revoke", null)).StatusCode);
        // Replays of every token issued before the revocation fail.
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithToken(app, access).GetAsync("/api/grids/51010401700101")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithToken(app, access2).GetAsync("/api/grids/51010401700101")).StatusCode);
        var (refreshAfter, _) = await app.CreateClient().PostJson("/api/auth/refresh", new { refreshToken = refresh2 });
        Assert.Equal(401, refreshAfter);
        var (garbage, _) = await app.CreateClient().PostJson("/api/auth/refresh", new { refreshToken = "not-a-token" });
        Assert.Equal(401, garbage);
    }

    [SkippableFact]
    public async Task A_cookie_session_is_http_only_same_site_strict_and_ends_at_logout()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });
        var login = await client.PostAsJsonAsync("/api/auth/login", new { userName = "sjf.staff", password = GridGovApp.Password, useCookies = true });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var setCookie = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("gridgov.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/auth/logout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
    }

    [SkippableFact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_password()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var (_, name) = await NewAccount(app, "lock");
        var client = app.CreateClient();
        for (var i = 0; i < 5; i++)
            await client.PostJson("/api/auth/login", new { userName = name, password = "wrong-password-" + i });
        var (status, body) = await client.PostJson("/api/auth/login", new { userName = name, password = "initial-pass-123" });
        Assert.Equal(423, status);
        Assert.Contains("15 minutes", body.GetProperty("detail").GetString());
    }

    [SkippableFact]
    public async Task A_new_account_must_change_its_password_before_anything_else()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var (id, name) = await NewAccount(app, "fresh");
        var token = await GridGovApp.LoginAsync(app.CreateClient(), name, "initial-pass-123");
        var client = WithToken(app, token);
        var (_, me) = await client.GetJson("/api/auth/me");
        Assert.True(me.GetProperty("mustChangePassword").GetBoolean());
        var (blocked, problem) = await client.GetJson("/api/locate?lon=104.08&lat=30.65");
        Assert.Equal(403, blocked);
        Assert.Equal("Password change required", problem.GetProperty("title").GetString());

        var (weak, weakBody) = await client.PostJson("/api/auth/password", new { currentPassword = "initial-pass-123", newPassword = "short" });
        Assert.Equal(400, weak);
        Assert.True(weakBody.GetProperty("errors").TryGetProperty("newPassword", out _));
        var (wrongCurrent, wrongBody) = await client.PostJson("/api/auth/password", new { currentPassword = "nope-nope-nope", newPassword = "a-much-better-pass-1" });
        Assert.Equal(400, wrongCurrent);
        Assert.True(wrongBody.GetProperty("errors").TryGetProperty("currentPassword", out _));

        var changed = await client.PostAsJsonAsync("/api/auth/password", new { currentPassword = "initial-pass-123", newPassword = "a-much-better-pass-1" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        // The password change rotated the security stamp: sign in again with the new password.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
        var again = WithToken(app, await GridGovApp.LoginAsync(app.CreateClient(), name, "a-much-better-pass-1"));
        var (ok, _) = await again.GetJson("/api/locate?lon=104.08&lat=30.65");
        Assert.Equal(200, ok);
        Assert.True(id > 0);
    }

    [SkippableFact]
    public async Task With_totp_enabled_sign_in_needs_the_current_code()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var (_, name) = await NewAccount(app, "totp");
        var client = WithToken(app, await GridGovApp.LoginAsync(app.CreateClient(), name, "initial-pass-123"));
        var (_, setup) = await client.PostJson("/api/auth/2fa/setup", new { });
        var key = setup.GetProperty("sharedKey").GetString()!;
        Assert.StartsWith("otpauth://totp/GridGov:", setup.GetProperty("authenticatorUri").GetString());
        var totp = new Totp(Base32Encoding.ToBytes(key));

        var (bad, _) = await client.PostJson("/api/auth/2fa/enable", new { code = "000000" == totp.ComputeTotp() ? "111111" : "000000" });
        Assert.Equal(400, bad);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/auth/2fa/enable", new { code = totp.ComputeTotp() })).StatusCode);

        var (needCode, body) = await app.CreateClient().PostJson("/api/auth/login", new { userName = name, password = "initial-pass-123" });
        Assert.Equal(401, needCode);
        Assert.Equal("Second factor required", body.GetProperty("title").GetString());
        var token = await GridGovApp.LoginAsync(app.CreateClient(), name, "initial-pass-123", totp.ComputeTotp());
        Assert.False(string.IsNullOrEmpty(token));
    }

    [SkippableFact]
    public async Task Responses_carry_the_security_headers()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var response = await app.CreateClient().GetAsync("/health");
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
    }
}
