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
        await page.GotoAsync($"{s.BaseUrl}/login?returnUrl=cases");
        await page.FillAsync("#username", name);
        await page.FillAsync("#password", "initial-pass-123");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/account/password"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("修改密码");

        await page.FillAsync("#current", "initial-pass-123");
        await page.FillAsync("#new", "my-own-pass-2026");
        await page.FillAsync("#confirm", "my-own-pass-2027");
        await page.ClickAsync("section.login button[type=submit]");
        await Assertions.Expect(page.Locator("#confirm-error")).ToHaveTextAsync("两次输入的新密码不一致");
        await page.FillAsync("#current", "wrong-pass-0000");
        await page.FillAsync("#new", "my-own-pass-2026");
        await page.FillAsync("#confirm", "my-own-pass-2026");
        await page.ClickAsync("section.login button[type=submit]");
        await Assertions.Expect(page.Locator("#current-error")).ToHaveTextAsync("当前密码不正确");
        await BrowserSession.Shot(page, "50-change-password");

        await page.FillAsync("#current", "initial-pass-123");
        await page.FillAsync("#new", "my-own-pass-2026");
        await page.FillAsync("#confirm", "my-own-pass-2026");
        await page.ClickAsync("section.login button[type=submit]");
        await page.WaitForURLAsync($"{s.BaseUrl}/cases");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("案件");

        // The old password no longer works, the new one does.
        var anon = s.App.CreateClient();
        var (old, _) = await anon.PostJson("/api/auth/login", new { userName = name, password = "initial-pass-123" });
        Assert.Equal(401, old);
        var (fresh, _) = await anon.PostJson("/api/auth/login", new { userName = name, password = "my-own-pass-2026" });
        Assert.Equal(200, fresh);
    }
}
