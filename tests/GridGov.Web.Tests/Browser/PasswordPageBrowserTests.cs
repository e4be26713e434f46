using GridGov.Web.Tests.Browser.Pages;
using GridGov.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GridGov.Web.Tests.Browser;

/// <summary>An account created by an administrator must choose its own password: the pages lead there, and afterwards everything opens.</summary>
public sealed class PasswordPageBrowserTests
{
    [SkippableFact]
    public async Task A_new_account_is_led_to_the_password_page_and_continues_after_changing_it()
    {
        await using var s = await BrowserSession.StartAsync(demoCases: 0);
        var admin = await s.App.ClientFor("jgy.admin");
        var name = $"pw.{Guid.NewGuid():N}"[..20];
        var (created, body) = await admin.PostJson("/api/users", new { userName = name, displayName = "新同事", initialPassword = "initial-pass-123" });
        Assert.True(created == 201, body.ToString());

        var page = await s.NewPageAsync();
        var signIn = new SignInPage(page, s.BaseUrl);
        await signIn.OpenAsync(returnUrl: "cases");
        await signIn.SubmitAsync(name, "initial-pass-123");
        var password = new PasswordPage(page, s.BaseUrl);
        await password.WaitUntilShownAsync();
        await Assertions.Expect(password.Heading).ToHaveTextAsync("修改密码");

        await password.ChangeAsync("initial-pass-123", "my-own-pass-2026", "my-own-pass-2027");
        await Assertions.Expect(password.FieldError("confirm")).ToHaveTextAsync("两次输入的新密码不一致");
        await password.ChangeAsync("wrong-pass-0000", "my-own-pass-2026", "my-own-pass-2026");
        await Assertions.Expect(password.FieldError("current")).ToHaveTextAsync("当前密码不正确");
        await password.ShotAsync("50-change-password");

        await password.ChangeAsync("initial-pass-123", "my-own-pass-2026", "my-own-pass-2026");
        await page.WaitForURLAsync($"{s.BaseUrl}/cases");
        await Assertions.Expect(password.Heading).ToContainTextAsync("案件");

        // The old password no longer works, the new one does.
        var anon = s.App.CreateClient();
        var (old, _) = await anon.PostJson("/api/auth/login", new { userName = name, password = "initial-pass-123" });
        Assert.Equal(401, old);
        var (fresh, _) = await anon.PostJson("/api/auth/login", new { userName = name, password = "my-own-pass-2026" });
        Assert.Equal(200, fresh);
    }
}
