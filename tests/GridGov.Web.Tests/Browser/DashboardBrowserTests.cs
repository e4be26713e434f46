using GridGov.Web.Tests.Cases;
using Microsoft.Playwright;

namespace GridGov.Web.Tests.Browser;

/// <summary>The command dashboard on a 1920×1080 screen: headline indicators, map layers, drill-down, and a new case arriving live.</summary>
public sealed class DashboardBrowserTests
{
    [SkippableFact]
    public async Task A_new_case_appears_on_the_district_dashboard_without_a_reload_and_areas_drill_down()
    {
        await using var s = await BrowserSession.StartAsync(demoCases: 120);
        var page = await s.NewPageAsync(1920, 1080);
        await s.SignInAsync(page, "jinjiang.ops");
        await page.GotoAsync($"{s.BaseUrl}/dashboard");
        await page.WaitForSelectorAsync("#dashboard[data-live=on]", new PageWaitForSelectorOptions { Timeout = 15000 });
        Assert.Contains("锦江区", await page.Locator(".crumbs").InnerTextAsync());
        Assert.NotEqual("—", await page.Locator("#kpi-ontime").InnerTextAsync());
        var before = int.Parse((await page.Locator("#dashboard").GetAttributeAsync("data-markers"))!);
        await BrowserSession.Shot(page, "10-dashboard-district");

        var micro = await s.App.ClientFor("sjf.micro");
        var (lon, lat) = await CaseTestKit.PointIn(s.App);
        await CaseTestKit.Report(micro, lon, lat);
        await Assertions.Expect(page.Locator("#kpi-new")).ToHaveTextAsync("1", new LocatorAssertionsToHaveTextOptions { Timeout = 10000 });
        var after = int.Parse((await page.Locator("#dashboard").GetAttributeAsync("data-markers"))!);
        Assert.Equal(before + 1, after);
        await BrowserSession.Shot(page, "11-dashboard-live");

        // The map and list are coloured by the indicator the operator chooses.
        await page.SelectOptionAsync("#indicator", "response");
        await Assertions.Expect(page.Locator("#dashboard")).ToHaveAttributeAsync("data-indicator", "response");
        var first = page.Locator("#child-list li").First;
        var raw = await first.GetAttributeAsync("data-response");
        var expected = string.IsNullOrEmpty(raw) ? "—" : (double.Parse(raw, System.Globalization.CultureInfo.InvariantCulture) * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%";
        Assert.Equal(expected, await first.Locator(".rate").InnerTextAsync());

        await page.ClickAsync("#child-list a >> nth=0");
        await page.WaitForSelectorAsync("#dashboard[data-live=on]", new PageWaitForSelectorOptions { Timeout = 15000 });
        Assert.Contains("锦江区", await page.Locator(".crumbs a").First.InnerTextAsync());
        await BrowserSession.Shot(page, "12-dashboard-street");

        // A community secretary cannot open the district's dashboard.
        var secretary = await s.NewPageAsync(1920, 1080);
        await s.SignInAsync(secretary, "cdl.secretary");
        await secretary.GotoAsync($"{s.BaseUrl}/dashboard?area=510104017001");
        Assert.Equal(0, await secretary.Locator("#dashboard").CountAsync());
    }
}
