using GridGov.Web.Tests.Cases;
using GridGov.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GridGov.Web.Tests.Browser;

/// <summary>The field-worker app on a phone: a report made offline waits in the outbox and arrives exactly once when the network returns.</summary>
public sealed class FieldAppBrowserTests
{
    [SkippableFact]
    public async Task An_offline_report_is_queued_then_sent_once_and_shows_up_in_the_console_and_live_on_the_dashboard()
    {
        await using var s = await BrowserSession.StartAsync(demoCases: 20);
        var (lon, lat) = await CaseTestKit.PointIn(s.App);

        var dashboard = await s.NewPageAsync(1920, 1080);
        await s.SignInAsync(dashboard, "jinjiang.ops");
        await dashboard.GotoAsync($"{s.BaseUrl}/dashboard");
        await dashboard.WaitForSelectorAsync("#dashboard[data-live=on]", new PageWaitForSelectorOptions { Timeout = 15000 });

        var context = await s.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 }, Locale = "zh-CN", IsMobile = true, HasTouch = true,
            Geolocation = new Geolocation { Longitude = (float)lon, Latitude = (float)lat, Accuracy = 8 }, Permissions = ["geolocation"],
        });
        var phone = await context.NewPageAsync();
        await phone.GotoAsync($"{s.BaseUrl}/login");
        await phone.FillAsync("#username", "sjf.micro");
        await phone.FillAsync("#password", Infrastructure.GridGovApp.Password);
        await phone.ClickAsync("button[type=submit]");
        await phone.WaitForURLAsync($"{s.BaseUrl}/");
        await phone.GotoAsync($"{s.BaseUrl}/field");
        await phone.WaitForSelectorAsync("#category option[value='0101']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        await Assertions.Expect(phone.Locator("#location")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^位置"));

        // Field errors next to the fields.
        await phone.ClickAsync("#report button[type=submit]");
        Assert.Equal("请选择类别", await phone.InnerTextAsync("#category-error"));
        Assert.Equal("请描述问题", await phone.InnerTextAsync("#description-error"));
        await BrowserSession.Shot(phone, "20-field-errors");

        await context.SetOfflineAsync(true);
        await Assertions.Expect(phone.Locator("#net")).ToHaveTextAsync("离线");
        var description = "离线上报：楼道堆放杂物 " + Guid.NewGuid().ToString("N")[..6];
        await phone.SelectOptionAsync("#category", "0101");
        await phone.FillAsync("#description", description);
        await phone.SetInputFilesAsync("#photo", new FilePayload { Name = "scene.png", MimeType = "image/png", Buffer = CaseTestKit.Png(640, 480) });
        await phone.ClickAsync("#report button[type=submit]");
        await Assertions.Expect(phone.Locator("#pending")).ToHaveTextAsync("待发送 1");
        await BrowserSession.Shot(phone, "21-field-offline-queued");

        await context.SetOfflineAsync(false);
        await Assertions.Expect(phone.Locator("#pending")).ToHaveTextAsync("待发送 0", new LocatorAssertionsToHaveTextOptions { Timeout = 20000 });
        var sent = await phone.InnerTextAsync("#sent");
        Assert.StartsWith("已上报", sent);
        var tracking = sent.Split("编号 ")[1].Trim();
        await BrowserSession.Shot(phone, "22-field-sent");

        // Exactly one case, visible to the community secretary, and live on the district dashboard.
        var secretary = await s.App.ClientFor("sjf.secretary");
        var (_, list) = await secretary.GetJson("/api/cases?status=reported&limit=200");
        var matches = 0;
        foreach (var item in list.GetProperty("items").EnumerateArray())
        {
            var (_, detail) = await secretary.GetJson($"/api/cases/{item.GetProperty("id").GetInt64()}");
            if (detail.GetProperty("description").GetString() == description) matches++;
        }
        Assert.Equal(1, matches);
        // …and exactly once in the console list of the community secretary.
        var console = await s.NewPageAsync();
        await s.SignInAsync(console, "sjf.secretary");
        await console.GotoAsync($"{s.BaseUrl}/cases?status=reported");
        Assert.Equal(1, await console.Locator($"#case-list a:has-text('{tracking}')").CountAsync());
        await Assertions.Expect(dashboard.Locator("#kpi-new")).ToHaveTextAsync("1", new LocatorAssertionsToHaveTextOptions { Timeout = 10000 });
        await BrowserSession.Shot(dashboard, "23-dashboard-after-field-report");
    }
}
