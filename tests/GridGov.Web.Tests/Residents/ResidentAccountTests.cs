using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Web.Features.Residents;
using GridGov.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GridGov.Web.Tests.Residents.ResidentKit;

namespace GridGov.Web.Tests.Residents;

/// <summary>Sign-up, sign-in and reset by mobile number and SMS code; what is stored of the number.</summary>
public sealed class ResidentAccountTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory, BothDatabases]
    public async Task A_resident_signs_up_with_an_sms_code_and_signs_in_by_number_and_the_number_is_never_stored_in_clear(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (client, phone) = await NewResident(app, nickname: "王阿姨");

        var (status, me) = await client.GetJson("/api/auth/me");
        Assert.Equal(200, status);
        Assert.Equal("王阿姨", me.GetProperty("displayName").GetString());
        var grant = Assert.Single(me.GetProperty("grants").EnumerateArray());
        Assert.Equal("resident", grant.GetProperty("role").GetString());

        await using var db = app.Db();
        var masked = phone[..3] + "****" + phone[^4..];
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.DisplayName == "王阿姨" && u.PhoneMasked == masked);
        Assert.False(user.MustChangePassword);
        Assert.Null(user.PhoneNumber);
        Assert.DoesNotContain(phone, user.UserName);
        Assert.DoesNotContain(phone, user.PhoneLookup);
        Assert.DoesNotContain(phone, user.PhoneCipher);
        Assert.Equal(64, user.PhoneLookup!.Length);
        var audit = await db.AuditLog.AsNoTracking().Where(a => a.EntityType == "AppUser" && a.EntityId == user.Id.ToString()).ToListAsync();
        Assert.NotEmpty(audit);
        Assert.All(audit, a => Assert.DoesNotContain(phone, a.Summary));
        var codes = await db.PhoneVerifications.AsNoTracking().Where(v => v.PhoneLookup == user.PhoneLookup).ToListAsync();
        var used = Assert.Single(codes);
        Assert.NotNull(used.UsedAt);
    }

    [SkippableTheory, BothDatabases]
    public async Task Bad_sign_up_input_gets_field_errors_and_a_mistake_elsewhere_does_not_spend_the_code(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var anon = Open311.Open311Kit.Anonymous(app);
        var phone = NewPhone();

        var (badPhone, badPhoneBody) = await anon.PostJson("/api/resident/codes", new { phone = "12345", purpose = "signup" });
        Assert.Equal(400, badPhone);
        Assert.True(badPhoneBody.GetProperty("errors").TryGetProperty("phone", out _));
        Assert.Equal(400, (await anon.PostJson("/api/resident/codes", new { phone, purpose = "promote" })).Status);

        var code = await SendCode(anon, phone);
        // A second code within the minute is refused with the wait.
        var (again, againBody) = await anon.PostJson("/api/resident/codes", new { phone, purpose = "signup" });
        Assert.Equal(429, again);
        Assert.Contains("秒后再试", againBody.GetProperty("detail").GetString());

        var (weak, weakBody) = await anon.PostJson("/api/resident/signup", new { consent = true, phone, code, password = "short" });
        Assert.Equal(400, weak);
        Assert.Contains("至少 10 位", weakBody.GetProperty("errors").GetProperty("password")[0].GetString());
        var (noCode, noCodeBody) = await anon.PostJson("/api/resident/signup", new { consent = true, phone, password = Password });
        Assert.Equal(400, noCode);
        Assert.True(noCodeBody.GetProperty("errors").TryGetProperty("code", out _));
        var wrong = code == "000000" ? "111111" : "000000";
        var (bad, badBody) = await anon.PostJson("/api/resident/signup", new { consent = true, phone, code = wrong, password = Password });
        Assert.Equal(400, bad);
        Assert.Contains("验证码不正确", badBody.GetProperty("errors").GetProperty("code")[0].GetString());

        // Without the consent to the personal information rules: refused, naming the box, and the code is not spent.
        var (noConsent, noConsentBody) = await anon.PostJson("/api/resident/signup", new { phone, code, password = Password });
        Assert.Equal(400, noConsent);
        Assert.Contains("个人信息处理规则", noConsentBody.GetProperty("errors").GetProperty("consent")[0].GetString());

        // The code still works after the weak password, one wrong try and the missing consent.
        Assert.Equal(201, (await anon.PostJson("/api/resident/signup", new { consent = true, phone, code, password = Password })).Status);
        // The same number again: already registered, both at the code and the sign-up.
        Assert.Equal(409, (await anon.PostJson("/api/resident/codes", new { phone, purpose = "signup" })).Status);
        Assert.Equal(409, (await anon.PostJson("/api/resident/signup", new { consent = true, phone, code, password = Password })).Status);
        await using var db = app.Db();
        var masked = phone[..3] + "****" + phone[^4..];
        Assert.Equal(1, await db.Users.CountAsync(u => u.PhoneMasked == masked && u.DisplayName == u.PhoneMasked));
        var consented = await db.Users.AsNoTracking().SingleAsync(u => u.PhoneMasked == masked);
        Assert.NotNull(consented.PrivacyConsentAt); // when the resident agreed, and to which version, is kept
        Assert.Equal(GridGov.Web.Features.Residents.PrivacyRules.Version, consented.PrivacyConsentVersion);
    }

    [SkippableTheory, BothDatabases]
    public async Task Five_wrong_codes_kill_the_code(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var anon = Open311.Open311Kit.Anonymous(app);
        var phone = NewPhone();
        var code = await SendCode(anon, phone);
        var wrong = code == "000000" ? "111111" : "000000";
        for (var i = 0; i < 5; i++)
            Assert.Equal(400, (await anon.PostJson("/api/resident/signup", new { consent = true, phone, code = wrong, password = Password })).Status);
        var (status, body) = await anon.PostJson("/api/resident/signup", new { consent = true, phone, code, password = Password });
        Assert.Equal(400, status);
        Assert.Contains("错误次数过多", body.GetProperty("errors").GetProperty("code")[0].GetString());
    }

    [SkippableTheory, BothDatabases]
    public async Task A_forgotten_password_is_reset_by_sms_and_old_sessions_end(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (client, phone) = await NewResident(app);
        var anon = Open311.Open311Kit.Anonymous(app);
        Assert.Equal(404, (await anon.PostJson("/api/resident/codes", new { phone = NewPhone(), purpose = "reset" })).Status);

        var code = await SendCode(anon, phone, "reset");
        Assert.Equal(400, (await anon.PostJson("/api/resident/password/reset", new { phone, code, newPassword = "short" })).Status);
        var reset = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(anon, "/api/resident/password/reset", new { phone, code, newPassword = "xinmima2026ab" });
        Assert.Equal(System.Net.HttpStatusCode.NoContent, reset.StatusCode);

        Assert.Equal(401, (await client.GetJson("/api/auth/me")).Status);
        Assert.Equal(401, (await anon.PostJson("/api/resident/login", new { phone, password = Password })).Status);
        var fresh = await SignIn(app, phone, "xinmima2026ab");
        Assert.Equal(200, (await fresh.GetJson("/api/auth/me")).Status);
        // A spent code does not reset twice.
        Assert.Equal(400, (await anon.PostJson("/api/resident/password/reset", new { phone, code, newPassword = "dierci2026abc" })).Status);
    }

    [SkippableTheory, BothDatabases]
    public async Task Wrong_password_is_refused_without_saying_whether_the_number_exists(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (_, phone) = await NewResident(app);
        var anon = Open311.Open311Kit.Anonymous(app);
        var (known, knownBody) = await anon.PostJson("/api/resident/login", new { phone, password = "wrong-password-1" });
        var (unknown, unknownBody) = await anon.PostJson("/api/resident/login", new { phone = NewPhone(), password = "wrong-password-1" });
        Assert.Equal(401, known);
        Assert.Equal(401, unknown);
        Assert.Equal(knownBody.GetProperty("detail").GetString(), unknownBody.GetProperty("detail").GetString());
    }

    [SkippableTheory, BothDatabases]
    public async Task A_real_sms_gateway_plugs_in_and_then_no_code_is_shown(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var gateway = new CapturingSms();
        await using var withGateway = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ISmsSender>(gateway)));
        var anon = Open311.Open311Kit.Anonymous(withGateway);
        var phone = NewPhone();
        var (status, body) = await anon.PostJson("/api/resident/codes", new { phone, purpose = "signup" });
        Assert.Equal(200, status);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("demoCode").ValueKind);
        var (to, text) = Assert.Single(gateway.Sent);
        Assert.Equal(phone, to);
        var code = System.Text.RegularExpressions.Regex.Match(text, @"\d{6}").Value;
        Assert.Equal(201, (await anon.PostJson("/api/resident/signup", new { consent = true, phone, code, password = Password })).Status);
    }

    private sealed class CapturingSms : ISmsSender
    {
        public List<(string Phone, string Text)> Sent { get; } = [];
        public bool IsDemo => false;

        public Task SendAsync(string phone, string message, CancellationToken ct)
        {
            lock (Sent) Sent.Add((phone, message));
            return Task.CompletedTask;
        }
    }
}
