using GridGov.Web.Tests.Cases;
using Microsoft.Playwright;

namespace GridGov.Web.Tests.Browser;

/// <summary>The staff console in Debian's Chromium: sign-in with field errors, today's work, the case list and a case through the loop.</summary>
public sealed class ConsoleBrowserTests
{
    [SkippableFact]
    public async Task A_secretary_signs_in_registers_dispatches_and_verifies_a_case_while_a_neighbour_cannot_see_it()
    {
        await using var s = await BrowserSession.StartAsync();
        var page = await s.NewPageAsync();

        // Field-level validation next to the fields.
        await page.GotoAsync($"{s.BaseUrl}/login");
        await BrowserSession.Shot(page, "01-login");
        await page.ClickAsync("button[type=submit]");
        var messages = await page.Locator(".validation-message").AllInnerTextsAsync();
        Assert.Contains(messages, m => m.Contains("请输入用户名"));
        Assert.Contains(messages, m => m.Contains("请输入密码"));
        await BrowserSession.Shot(page, "02-login-errors");
        await page.FillAsync("#username", "sjf.secretary");
        await page.FillAsync("#password", "wrong-password");
        await page.ClickAsync("button[type=submit]");
        Assert.Contains("用户名或密码错误", await page.Locator(".alert.error").InnerTextAsync());

        await s.SignInAsync(page, "sjf.secretary");
        Assert.Equal("今日工作", await page.Locator("h1").InnerTextAsync());
        await BrowserSession.Shot(page, "03-home");

        // A case reported by the micro-grid worker over the API appears in the list.
        var micro = await s.App.ClientFor("sjf.micro");
        var (lon, lat) = await CaseTestKit.PointIn(s.App);
        var reported = await CaseTestKit.Report(micro, lon, lat);
        var id = reported.GetProperty("id").GetInt64();
        var tracking = reported.GetProperty("trackingNo").GetString()!;
        var apiSecretary = await s.App.ClientFor("sjf.secretary");
        async Task<long> ClosedToday()
        {
            var from = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-2).ToString("O"));
            var to = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"));
            var (_, body) = await Infrastructure.Http.GetJson(apiSecretary, $"/api/indicators?area=510104017001&from={from}&to={to}");
            return body.GetProperty("indicators").GetProperty("closedInPeriod").GetInt64();
        }
        var closedBefore = await ClosedToday();
        await page.GotoAsync($"{s.BaseUrl}/cases?status=reported");
        Assert.True(await page.Locator($"#case-list a:has-text('{tracking}')").CountAsync() == 1);
        await BrowserSession.Shot(page, "04-case-list");

        await page.ClickAsync($"#case-list a:has-text('{tracking}')");
        Assert.Equal("待受理", await page.Locator("#case-status").InnerTextAsync());
        await page.ClickAsync("button[data-action=register]");
        Assert.Equal("已立案", await page.Locator("#case-status").InnerTextAsync());
        var workerId = await CaseTestKit.UserId(await s.App.ClientFor("sjf.worker"));
        await page.SelectOptionAsync("#assignee", workerId.ToString());
        await page.ClickAsync("button[data-action=dispatch]");
        Assert.Equal("已派遣", await page.Locator("#case-status").InnerTextAsync());

        var worker = await s.App.ClientFor("sjf.worker");
        await CaseTestKit.Act(worker, id, "accept");
        await CaseTestKit.Act(worker, id, "feedback", new { photoIds = new[] { await CaseTestKit.UploadPhoto(worker) } });
        await page.ReloadAsync();
        await page.FillAsync("#note-verify_fail", "垃圾未清理干净");
        await page.ClickAsync("button[data-action=verify_fail]");
        Assert.Equal("处置中", await page.Locator("#case-status").InnerTextAsync());
        await CaseTestKit.Act(worker, id, "feedback", new { photoIds = new[] { await CaseTestKit.UploadPhoto(worker) } });
        await page.ReloadAsync();
        await page.ClickAsync("button[data-action=verify_pass]");
        Assert.Equal("已结案", await page.Locator("#case-status").InnerTextAsync());
        var steps = await page.Locator("#case-history li strong").AllInnerTextsAsync();
        Assert.Equal(["上报", "立案", "派遣", "接单", "处置反馈", "核查不通过(返工)", "处置反馈", "核查通过"], steps);
        await BrowserSession.Shot(page, "05-case-detail");
        Assert.Equal(closedBefore + 1, await ClosedToday()); // the indicators follow the loop

        // The neighbouring community's secretary sees nothing of it.
        var other = await s.NewPageAsync();
        await s.SignInAsync(other, "cdl.secretary");
        await other.GotoAsync($"{s.BaseUrl}/cases");
        Assert.Equal(0, await other.Locator($"#case-list a:has-text('{tracking}')").CountAsync());
        await other.GotoAsync($"{s.BaseUrl}/cases/{id}");
        Assert.Contains("不在您的辖区", await other.Locator(".alert.error").InnerTextAsync());
        await BrowserSession.Shot(other, "06-other-community");

        // Phone-sized layout and English.
        var phone = await s.NewPageAsync(390, 844);
        await s.SignInAsync(phone, "sjf.worker");
        await phone.GotoAsync($"{s.BaseUrl}/culture?to=en&returnUrl=/cases");
        Assert.Equal("Cases", await phone.Locator("h1").InnerTextAsync());
        await BrowserSession.Shot(phone, "07-phone-english");
    }
}
