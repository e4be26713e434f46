using System.Text.RegularExpressions;
using GridGov.Web.Tests.Browser.Pages;
using GridGov.Web.Tests.Infrastructure;
using GridGov.Web.Tests.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace GridGov.Web.Tests.Browser;

/// <summary>
/// A verification round walked end to end: the community secretary opens it on the console, the micro-grid worker
/// finds the houses on the phone by building and floor, confirms one offline (a double tap, sent once when the network
/// returns) and corrects another; the secretary approves the correction, which reaches the registry; the district's
/// command screen shows the rate and drills down.
/// </summary>
public sealed class VerificationBrowserTests
{
    private static readonly LocatorAssertionsToHaveTextOptions Soon = new() { Timeout = 20000 };

    [SkippableFact]
    public async Task A_round_goes_from_the_console_to_the_phone_and_back_with_a_correction_approved()
    {
        await using var s = await BrowserSession.StartAsync(demoCases: 0, demoHomes: false); // the wall counts every house of the micro-grid
        var secretaryApi = await s.App.ClientFor("sjf.secretary");
        var (_, building) = await secretaryApi.PostJson("/api/buildings", new { name = "9栋", areaCode = VerificationRounds.Micro, units = 1, floors = 2, housesPerFloor = 2 });
        var houses = building.GetProperty("houses").EnumerateArray().ToDictionary(h => h.GetProperty("number").GetString()!, h => h.GetProperty("id").GetInt64());
        await secretaryApi.PostJson("/api/people", new { name = "王秀英", idNumber = TestResidents.NewIdNumber(1944, male: false), phone = TestResidents.NewPhone(), registration = "registered", houseId = houses["201"], relation = "head" });

        var console = new VerificationConsolePage(await s.NewPageAsync(), s.BaseUrl);
        await s.SignInAsync(console.Page, "sjf.secretary");
        await console.OpenAsync();
        await console.OpenRoundAsync("2026年冬季人房核验", VerificationRounds.Micro);
        await Assertions.Expect(console.Result).ToHaveTextAsync("已开启核验，房屋已交给各网格员");
        await Assertions.Expect(console.Rounds.First).ToContainTextAsync("2026年冬季人房核验");
        await console.ShotAsync("40-verification-console-opened");

        var phone = await FieldAppPage.OnPhoneAsync(s, "sjf.micro", gps: null);
        var verify = new FieldVerifyPage(phone);
        await phone.OpenAsync("tasks");
        await verify.OpenListAsync();
        await Assertions.Expect(verify.Summary).ToContainTextAsync("2026年冬季人房核验");
        await Assertions.Expect(verify.Houses.Filter(new() { HasText = "王*英（户主）" })).ToHaveCountAsync(1); // masked in the list
        await phone.ShotAsync("41-field-verify-list");

        // Offline: confirm 101 with a double tap; it waits, then goes once.
        await verify.OpenHouseAsync("101");
        await phone.Context.SetOfflineAsync(true);
        await Assertions.Expect(phone.Net).ToHaveTextAsync("离线");
        await verify.DoubleTapConfirmAsync();
        await Assertions.Expect(verify.Message).ToHaveTextAsync("已保存，联网后自动发送");
        await Assertions.Expect(phone.Pending).ToHaveTextAsync("待发送 1");
        await phone.ShotAsync("42-field-verify-offline");
        await phone.Context.SetOfflineAsync(false);
        await Assertions.Expect(phone.Pending).ToHaveTextAsync("待发送 0", Soon);
        await using (var db = s.App.Db())
        {
            Assert.Equal(1, await db.VerificationReports.CountAsync(r => r.HouseId == houses["101"]));
            Assert.NotNull((await db.Houses.SingleAsync(h => h.Id == houses["101"])).VerifiedAt);
        }

        // Online: 201 has a new tenant and is let.
        await verify.BackAsync();
        await verify.OpenHouseAsync("201");
        await Assertions.Expect(verify.People.First).ToContainTextAsync("王秀英");
        await verify.CorrectAsync("rented", "赵敏", TestResidents.NewIdNumber(1996, male: false), "tenant");
        await Assertions.Expect(verify.Message).ToHaveTextAsync("更正已提交，社区审核后生效", new() { Timeout = 15000 });
        await phone.ShotAsync("43-field-verify-corrected");
        var width = await phone.Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the phone page is {width}px wide");

        await console.OpenAsync();
        await Assertions.Expect(console.Requests).ToHaveCountAsync(1);
        await Assertions.Expect(console.Requests.First).ToContainTextAsync("用途：自住→出租");
        await console.ShotAsync("44-verification-console-review");
        await console.ApproveFirstAsync();
        await Assertions.Expect(console.Result).ToHaveTextAsync("已通过，更正已写入登记");
        var (_, house) = await secretaryApi.GetJson($"/api/houses/{houses["201"]}");
        Assert.Equal("rented", house.GetProperty("use").GetString());
        Assert.Contains("赵敏", house.GetProperty("occupants").ToString());

        // The district's command screen: the rate, then one level down at a time to the micro-grid.
        var wall = await s.NewPageAsync(1920, 1080);
        await s.SignInAsync(wall, "jinjiang.admin");
        await wall.GotoAsync($"{s.BaseUrl}/dashboard?area=510104");
        await wall.ClickAsync("#screen-switch");
        await Assertions.Expect(wall.Locator("#verify-rate-value")).ToHaveTextAsync(new Regex(@"^\d+\.\d$"));
        foreach (var code in new[] { "510104017", VerificationRounds.Community, VerificationRounds.Grid, VerificationRounds.Micro })
            await wall.ClickAsync($".verify-bars li[data-area='{code}'] a");
        await Assertions.Expect(wall.Locator(".crumbs strong")).ToContainTextAsync("微网格");
        await Assertions.Expect(wall.Locator("#verify-houses")).ToHaveTextAsync("4");
        await Assertions.Expect(wall.Locator("#verify-rate-value")).ToHaveTextAsync("50.0");
        await wall.GotoAsync($"{s.BaseUrl}/dashboard/verification?area=510104");
        await BrowserSession.Shot(wall, "45-dashboard-verification");
    }
}
