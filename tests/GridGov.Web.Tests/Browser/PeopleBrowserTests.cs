using GridGov.Web.Tests.Browser.Pages;
using GridGov.Web.Tests.Infrastructure;
using GridGov.Web.Tests.People;
using Microsoft.Playwright;

namespace GridGov.Web.Tests.Browser;

/// <summary>
/// A community secretary at a desk and a micro-grid worker on a phone use the registry: find people and houses, read a
/// building's grid, register someone (a typo in the ID number is named and the typing kept), move them out, and see
/// full numbers only after giving a reason.
/// </summary>
public sealed class PeopleBrowserTests
{
    [SkippableFact]
    public async Task A_secretary_walks_from_the_registry_to_a_building_a_house_and_a_person()
    {
        await using var s = await BrowserSession.StartAsync(demoCases: 0);
        var page = await s.NewPageAsync(1440, 900);
        await s.SignInAsync(page, "sjf.secretary");
        var people = new PeoplePages(page, s.BaseUrl);

        await people.OpenHomeAsync();
        await Assertions.Expect(people.Counts).ToContainTextAsync("实有人口");
        Assert.True(await people.BuildingLinks.CountAsync() > 0, "the demo community has buildings");
        await people.ShotAsync("people-home-desk");

        await people.BuildingLinks.First.ClickAsync();
        await Assertions.Expect(people.Grid).ToBeVisibleAsync();
        var cells = await people.HouseCells.CountAsync();
        Assert.True(cells >= 12, $"a demo building has at least 12 houses, saw {cells}");
        await people.ShotAsync("building-by-use-desk");
        await people.ColourByVerificationAsync();
        Assert.True(await page.Locator("td.house.v-never, td.house.v-fresh, td.house.v-stale").CountAsync() == cells);
        await people.ShotAsync("building-by-verification-desk");

        // A house: register a new resident, first with a mistyped check digit.
        await people.HouseCells.First.Locator("a").ClickAsync();
        await Assertions.Expect(people.Heading).ToContainTextAsync("单元");
        var id = TestResidents.NewIdNumber(1941, male: false);
        var typo = id[..17] + (id[17] == '0' ? '1' : '0');
        await people.RegisterResidentAsync("刘桂兰", typo, "lodger", null, "独居老人");
        await Assertions.Expect(people.FieldError("add-id")).ToContainTextAsync("校验位");
        Assert.Equal("刘桂兰", await page.InputValueAsync("#add-name")); // what was typed is kept
        Assert.Equal(typo, await page.InputValueAsync("#add-id"));
        await people.ShotAsync("house-register-error-desk");

        await people.RegisterResidentAsync(null, id, "lodger", null, "独居老人");
        await Assertions.Expect(people.Ok).ToContainTextAsync("已登记");
        await Assertions.Expect(people.Occupant("刘桂兰")).ToContainTextAsync("借住");
        await Assertions.Expect(people.Occupant("刘桂兰")).ToContainTextAsync("独居老人");
        Assert.DoesNotContain(id, await page.ContentAsync()); // masked on the page
        await people.ShotAsync("house-desk");

        // Found by the whole ID number from the registry's search box.
        await people.OpenHomeAsync();
        await people.SearchAsync(id);
        await Assertions.Expect(people.PeopleResults).ToHaveCountAsync(1);
        await people.PeopleResults.First.Locator("a").ClickAsync();
        await Assertions.Expect(people.Heading).ToContainTextAsync("刘桂兰");
        await Assertions.Expect(people.Heading).ToContainTextAsync("女"); // from the ID number

        await people.RevealAsync(" ");
        await Assertions.Expect(people.RevealError).ToContainTextAsync("查询事由");
        await people.RevealAsync("入户走访需联系本人");
        await Assertions.Expect(people.Facts).ToContainTextAsync(id);
        await people.ShotAsync("person-desk");

        // Moving out keeps the person in the house's history.
        await page.Locator("#homes a").First.ClickAsync();
        page.Dialog += async (_, d) => await d.AcceptAsync();
        await people.MoveOutAsync("刘桂兰");
        await Assertions.Expect(people.Ok).ToContainTextAsync("迁出");
        await Assertions.Expect(people.History.Filter(new() { HasText = "刘桂兰" })).ToHaveCountAsync(1);
    }

    [SkippableFact]
    public async Task A_micro_grid_worker_reads_a_building_on_a_phone_and_finds_by_address()
    {
        await using var s = await BrowserSession.StartAsync(demoCases: 0);
        var page = await s.NewPageAsync(390, 844);
        await s.SignInAsync(page, "sjf.micro");
        var people = new PeoplePages(page, s.BaseUrl);

        await people.OpenHomeAsync();
        Assert.False(await people.ScrollsSidewaysAsync(), "the registry page fits a phone");
        await people.ShotAsync("people-home-phone");
        await people.BuildingLinks.First.ClickAsync();
        await Assertions.Expect(people.Grid).ToBeVisibleAsync();
        Assert.False(await people.ScrollsSidewaysAsync(), "the building grid fits a phone");
        await people.ShotAsync("building-phone");

        await people.OpenHomeAsync();
        await people.SearchAsync("1单元101");
        Assert.True(await people.HouseResults.CountAsync() > 0, "houses found by the words of their address");
        await people.SearchAsync("没有这个人");
        await Assertions.Expect(people.NoResults).ToBeVisibleAsync();
    }

    [SkippableFact]
    public async Task Another_community_gets_not_found_for_a_building_that_is_not_theirs()
    {
        await using var s = await BrowserSession.StartAsync(demoCases: 0);
        var secretary = await s.App.ClientFor("sjf.secretary");
        var houseId = await PeopleApiTests.NewHouse(secretary);
        var page = await s.NewPageAsync(1440, 900);
        await s.SignInAsync(page, "cdl.secretary");
        var people = new PeoplePages(page, s.BaseUrl);
        await page.GotoAsync($"{s.BaseUrl}/houses/{houseId}");
        await Assertions.Expect(people.Error).ToContainTextAsync("没有找到");
    }

    [SkippableFact]
    public async Task A_secretary_links_a_case_to_its_house_and_sees_who_lives_there()
    {
        await using var s = await BrowserSession.StartAsync(demoCases: 0);
        var micro = await s.App.ClientFor("sjf.micro");
        var (lon, lat) = await GridGov.Web.Tests.Cases.CaseTestKit.PointIn(s.App);
        var (_, report) = await micro.PostJson("/api/cases", new { categoryCode = "0601", description = "楼上漏水到楼下", lon, lat, source = "patrol" });
        var caseId = report.GetProperty("case").GetProperty("id").GetInt64();

        var page = await s.NewPageAsync(1440, 900);
        await s.SignInAsync(page, "sjf.secretary");
        await page.GotoAsync($"{s.BaseUrl}/cases/{caseId}");
        var panel = page.Locator("#case-house");
        await Assertions.Expect(panel).ToContainTextAsync("涉及房屋");
        await page.FillAsync("#case-house-q", "1单元101");
        await page.ClickAsync("#case-house-find button[type=submit]");
        var hits = page.Locator("#case-house-hits li");
        Assert.True(await hits.CountAsync() > 0, "the demo community has a 1单元101");
        await hits.First.Locator("button").ClickAsync();
        await Assertions.Expect(panel.Locator(".alert.ok")).ToContainTextAsync("已关联");
        await Assertions.Expect(panel.Locator("a[href^='houses/']")).ToContainTextAsync("1单元101");
        await BrowserSession.Shot(page, "case-with-house-desk");
    }
}
