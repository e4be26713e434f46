using GridGov.Web.Tests.Browser;
using GridGov.Web.Tests.Cases;
using Microsoft.Playwright;

namespace GridGov.Web.Tests.Accessibility;

/// <summary>axe-core finds no serious or critical violation on the main pages, at the size each is used.</summary>
public sealed class AccessibilityBrowserTests
{
    [SkippableFact]
    public async Task The_main_pages_have_no_serious_accessibility_violations()
    {
        await using var s = await BrowserSession.StartAsync(demoCases: 20);
        var (lon, lat) = await CaseTestKit.PointIn(s.App);
        var reported = await CaseTestKit.Report(await s.App.ClientFor("sjf.micro"), lon, lat);
        var id = reported.GetProperty("id").GetInt64();
        var problems = new List<string>();

        async Task Check(IPage page, string url, string? waitFor = null)
        {
            await page.GotoAsync(s.BaseUrl + url);
            if (waitFor is not null) await page.WaitForSelectorAsync(waitFor);
            problems.AddRange((await Axe.SeriousViolations(page)).Select(v => $"{url}: {v}"));
        }

        // Staff at the desk (1440×900).
        var desk = await (await s.Browser.NewContextAsync(Axe.Context(1440, 900))).NewPageAsync();
        await Check(desk, "/login");
        await s.SignInAsync(desk, "sjf.secretary");
        await Check(desk, "/");
        await Check(desk, "/cases");
        await Check(desk, $"/cases/{id}", "#case-map .leaflet-overlay-pane path");
        await Check(desk, "/areas/51010401700101");

        // The command centre's wall (1920×1080) and a worker's phone (390×844).
        var wall = await (await s.Browser.NewContextAsync(Axe.Context(1920, 1080))).NewPageAsync();
        await s.SignInAsync(wall, "jinjiang.ops");
        await Check(wall, "/dashboard?area=510104");
        var phone = await (await s.Browser.NewContextAsync(Axe.Context(390, 844))).NewPageAsync();
        await s.SignInAsync(phone, "sjf.micro");
        await Check(phone, "/field");

        // Residents and the public, on phones.
        var visitor = await (await s.Browser.NewContextAsync(Axe.Context(390, 844))).NewPageAsync();
        await Check(visitor, "/r");
        await Check(visitor, "/r/signup");
        await Check(visitor, "/map");

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
