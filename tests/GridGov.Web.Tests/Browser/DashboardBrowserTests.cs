using System.Text.RegularExpressions;
using GridGov.Web.Tests.Cases;
using Microsoft.Playwright;

namespace GridGov.Web.Tests.Browser;

/// <summary>
/// The command dashboard as a big screen: at 1920×1080 without the console's bar, a banner with the date and a ticking
/// clock, rates, counts, pies, a map with names, legend and clustered cases, the ranking and the live events list; a
/// new case arriving live flashes; drill-down; nothing cut off at wall and desk sizes; a phone stacks it without
/// overflowing sideways.
/// </summary>
public sealed partial class DashboardBrowserTests
{
    private static readonly LocatorAssertionsToHaveTextOptions Soon = new() { Timeout = 10000 };

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

        // A wall screen: no console bar; the banner names the area, says the date in Chinese and its clock ticks.
        Assert.Equal(0, await page.Locator("header.topbar").CountAsync());
        Assert.Equal("锦江区城市运行指挥舱", await page.Locator("h1").InnerTextAsync());
        Assert.Matches(ChineseDate(), await page.Locator("#today").InnerTextAsync());
        var clock = await page.Locator("#clock").InnerTextAsync();
        Assert.Matches(@"^\d\d:\d\d:\d\d$", clock);
        await Assertions.Expect(page.Locator("#clock")).Not.ToHaveTextAsync(clock, new LocatorAssertionsToHaveTextOptions { Timeout = 3000 });

        // Pies by category and by source, with names (never wire codes) in their legends.
        await page.WaitForSelectorAsync("#pie-category svg path");
        await page.WaitForSelectorAsync("#pie-source svg path");
        Assert.True(int.Parse((await page.Locator("#pie-category").GetAttributeAsync("data-slices"))!) >= 2);
        var sources = await page.Locator("#pie-source").InnerTextAsync();
        Assert.DoesNotContain("patrol", sources);
        Assert.Matches("网格巡查|网格员App|居民上报|12345热线|感知设备|视频监控|企业反映|外部平台", sources);

        // The ranking: best first, numbered, each with a bar; the map names the streets, has a legend and clustered cases.
        var ranking = page.Locator("#child-list li");
        Assert.True(await ranking.CountAsync() >= 2);
        Assert.Equal("1", await ranking.First.Locator(".no").InnerTextAsync());
        var rates = (await page.Locator("#child-list li").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.ontime)"))
            .Select(r => r == "" ? -1 : double.Parse(r, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(rates.OrderByDescending(r => r), rates);
        Assert.True(await page.Locator(".dash-area-name").CountAsync() >= 2);
        Assert.Contains("锦官驿街道", await page.Locator(".leaflet-tooltip-pane").InnerTextAsync());
        Assert.Contains("超期", await page.Locator("#legend").InnerTextAsync());
        Assert.True(await page.Locator(".case-cluster, .case-dot").CountAsync() >= 1);

        // The events list: the latest cases by name; an overdue one pulses red.
        Assert.True(await page.Locator("#events li").CountAsync() >= 5);
        Assert.Equal(0, await page.Locator("#events li.clock-red:not(.overdue)").CountAsync());
        if (await page.Locator("#events li.overdue").CountAsync() > 0)
            Assert.Equal("ev-overdue", await page.Locator("#events li.overdue").First.EvaluateAsync<string>("e => getComputedStyle(e).animationName"));
        await BrowserSession.Shot(page, "10-dashboard-district");
        Assert.Empty(await CutOff(page));

        var micro = await s.App.ClientFor("sjf.micro");
        var (lon, lat) = await CaseTestKit.PointIn(s.App);
        var id = (await CaseTestKit.Report(micro, lon, lat)).GetProperty("id").GetInt64();
        await Assertions.Expect(page.Locator("#kpi-new")).ToHaveTextAsync("1", Soon);
        var after = int.Parse((await page.Locator("#dashboard").GetAttributeAsync("data-markers"))!);
        Assert.Equal(before + 1, after);
        // It tops the events list, named by its street, and flashes.
        var arrived = page.Locator("#events li").First;
        await Assertions.Expect(arrived).ToHaveAttributeAsync("data-id", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(arrived).ToHaveClassAsync(new Regex(@"\bfresh\b"));
        Assert.Equal("ev-new", await arrived.EvaluateAsync<string>("e => getComputedStyle(e).animationName"));
        Assert.Contains("锦官驿街道", await arrived.InnerTextAsync());
        Assert.Equal($"cases/{id}", await arrived.Locator("a").GetAttributeAsync("href"));
        await BrowserSession.Shot(page, "11-dashboard-live");

        // A case marker opens a popup that links to the case (a cluster first zooms in or spreads out).
        for (var i = 0; i < 6 && await page.Locator(".case-dot").CountAsync() == 0; i++)
        {
            await page.Locator(".case-cluster").First.DispatchEventAsync("click");
            await page.WaitForTimeoutAsync(800);
        }
        await page.Locator(".case-dot").First.DispatchEventAsync("click");
        await Assertions.Expect(page.Locator(".case-pop a")).ToHaveAttributeAsync("href", new Regex(@"^cases/\d+$"));
        await BrowserSession.Shot(page, "11b-dashboard-popup");

        // The map and list are coloured by the indicator the operator chooses.
        await page.SelectOptionAsync("#indicator", "response");
        await Assertions.Expect(page.Locator("#dashboard")).ToHaveAttributeAsync("data-indicator", "response");
        var first = page.Locator("#child-list li").First;
        var raw = await first.GetAttributeAsync("data-response");
        var expected = string.IsNullOrEmpty(raw) ? "—" : (double.Parse(raw, System.Globalization.CultureInfo.InvariantCulture) * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%";
        Assert.Equal(expected, await first.Locator(".rate").InnerTextAsync());
        Assert.Equal("24小时响应率", await page.Locator("#legend-indicator-name").InnerTextAsync());

        await page.ClickAsync("#child-list a >> nth=0");
        await page.WaitForSelectorAsync("#dashboard[data-live=on]", new PageWaitForSelectorOptions { Timeout = 15000 });
        Assert.Contains("锦江区", await page.Locator(".crumbs a").First.InnerTextAsync());
        Assert.Empty(await CutOff(page));
        await BrowserSession.Shot(page, "12-dashboard-street");

        // A community secretary cannot open the district's dashboard.
        var secretary = await s.NewPageAsync(1920, 1080);
        await s.SignInAsync(secretary, "cdl.secretary");
        await secretary.GotoAsync($"{s.BaseUrl}/dashboard?area=510104017001");
        Assert.Equal(0, await secretary.Locator("#dashboard").CountAsync());
    }

    [SkippableFact]
    public async Task The_dashboard_fits_a_desk_screen_and_stacks_on_a_phone_without_overflowing_sideways()
    {
        await using var s = await BrowserSession.StartAsync(demoCases: 120);
        var desk = await s.NewPageAsync(1440, 900);
        await s.SignInAsync(desk, "jinjiang.ops");
        await desk.GotoAsync($"{s.BaseUrl}/dashboard");
        await desk.WaitForSelectorAsync("#dashboard[data-live=on]", new PageWaitForSelectorOptions { Timeout = 15000 });
        await desk.WaitForSelectorAsync("#pie-source svg path");
        await BrowserSession.Shot(desk, "13-dashboard-desk");
        Assert.Empty(await CutOff(desk));

        var phone = await s.NewPageAsync(390, 844);
        await s.SignInAsync(phone, "jinjiang.ops");
        await phone.GotoAsync($"{s.BaseUrl}/dashboard");
        await phone.WaitForSelectorAsync("#dashboard[data-live=on]", new PageWaitForSelectorOptions { Timeout = 15000 });
        await phone.WaitForSelectorAsync("#pie-source svg path");
        Assert.True(await phone.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth") <= 390);
        // Stacked: every block is as wide as the screen at most, and the map comes below the counts.
        var widest = await phone.EvaluateAsync<double>("() => Math.max(...[...document.querySelectorAll('.panel, .counts, .screen-banner')].map(e => e.getBoundingClientRect().right))");
        Assert.True(widest <= 390, $"a block reaches {widest}px");
        var countsBottom = await phone.EvaluateAsync<double>("() => document.querySelector('.counts').getBoundingClientRect().bottom");
        var mapTop = await phone.EvaluateAsync<double>("() => document.querySelector('.map-panel').getBoundingClientRect().top");
        Assert.True(mapTop >= countsBottom);
        await BrowserSession.Shot(phone, "14-dashboard-phone");
    }

    /// <summary>
    /// What does not fit the screen: a block outside the viewport, a page that scrolls, a number or heading wider than
    /// its box, a ranking that needs scrolling.
    /// </summary>
    private static async Task<string[]> CutOff(IPage page) => await page.EvaluateAsync<string[]>("""
        () => {
          const w = innerWidth, h = innerHeight, bad = [];
          const name = e => e.id || e.className || e.tagName;
          for (const e of document.querySelectorAll('.screen-banner, .panel, .counts, .count-tile, .rate-tile, .legend')) {
            const r = e.getBoundingClientRect();
            if (r.left < -0.5 || r.top < -0.5 || r.right > w + 0.5 || r.bottom > h + 0.5 || r.width < 20 || r.height < 20)
              bad.push(`${name(e)} at ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}`);
          }
          for (const e of document.querySelectorAll('.banner-title, .crumbs, .today, .clock, .panel-head h2, .count-tile .v, .count-tile .k, .rate-tile .v, .rate-tile .k'))
            if (e.scrollWidth > e.clientWidth + 1) bad.push(`${name(e)} clipped: ${e.textContent}`);
          const s = document.scrollingElement;
          if (s.scrollHeight > h + 1 || s.scrollWidth > w + 1) bad.push(`page scrolls: ${s.scrollWidth}×${s.scrollHeight}`);
          const ranking = document.querySelector('#ranking .panel-body');
          if (ranking.scrollHeight > ranking.clientHeight + 1) bad.push('ranking needs scrolling');
          return bad;
        }
        """);

    [GeneratedRegex(@"^\d{4}年\d{1,2}月\d{1,2}日 星期[日一二三四五六]$")]
    private static partial Regex ChineseDate();
}
