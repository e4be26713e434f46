using GridGov.Web.Tests.Browser;
using GridGov.Web.Tests.Browser.Pages;
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

        // Opens a page with its page object, then asks axe what is wrong there.
        async Task Check(PageObject page, Func<Task> open)
        {
            await open();
            var url = new Uri(page.Page.Url).PathAndQuery;
            problems.AddRange((await Axe.SeriousViolations(page.Page)).Select(v => $"{url}: {v}"));
        }
        async Task<IPage> Tab(int width, int height) => await (await s.Browser.NewContextAsync(Axe.Context(width, height))).NewPageAsync();

        // Staff at the desk (1440×900).
        var desk = await Tab(1440, 900);
        var signIn = new SignInPage(desk, s.BaseUrl);
        await Check(signIn, () => signIn.OpenAsync());
        await signIn.SignInAsync("sjf.secretary");
        var home = new HomePage(desk, s.BaseUrl);
        await Check(home, home.OpenAsync);
        var list = new CaseListPage(desk, s.BaseUrl);
        await Check(list, () => list.OpenAsync());
        var casePage = new CasePage(desk, s.BaseUrl);
        await Check(casePage, async () => { await casePage.OpenAsync(id); await casePage.WaitForMapAsync(); });
        var area = new AreaPage(desk, s.BaseUrl);
        await Check(area, () => area.OpenAsync("51010401700101"));

        // The command centre's wall (1920×1080) and a worker's phone (390×844).
        var wall = await Tab(1920, 1080);
        await s.SignInAsync(wall, "jinjiang.ops");
        var dashboard = new DashboardPage(wall, s.BaseUrl);
        await Check(dashboard, () => dashboard.OpenAsync("510104"));
        var phone = await Tab(390, 844);
        await s.SignInAsync(phone, "sjf.micro");
        var field = new FieldAppPage(phone, s.BaseUrl);
        await Check(field, () => field.OpenAsync());

        // Residents and the public, on phones.
        var visitor = await Tab(390, 844);
        var residentHome = new ResidentHomePage(visitor, s.BaseUrl);
        await Check(residentHome, residentHome.OpenAsync);
        var signUp = new ResidentSignUpPage(visitor, s.BaseUrl);
        await Check(signUp, signUp.OpenAsync);
        var map = new PublicMapPage(visitor, s.BaseUrl);
        await Check(map, map.OpenAsync);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
