using GridGov.Web.Tests.Browser.Pages;
using GridGov.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GridGov.Web.Tests.Browser;

/// <summary>Grid staffing and the category editor in the browser, with errors shown on the page.</summary>
public sealed class AdminPagesBrowserTests
{
    [SkippableFact]
    public async Task A_secretary_assigns_staff_to_a_grid_and_the_city_admin_edits_time_limits()
    {
        await using var s = await BrowserSession.StartAsync(demoCases: 0);
        var secretary = await s.App.ClientFor("sjf.secretary");
        var (_, member) = await secretary.PostJson("/api/staff", new { name = "李志愿", areaCode = "510104017001", phone = "13912340000" });
        var staffMemberId = member.GetProperty("id").GetInt64();

        var page = await s.NewPageAsync();
        await s.SignInAsync(page, "sjf.secretary");
        var area = new AreaPage(page, s.BaseUrl);
        await area.OpenAsync("51010401700101");
        Assert.Contains("水井坊社区第1网格", await area.Heading.InnerTextAsync());
        var before = await area.MemberRows.CountAsync();
        await area.AssignAsync(); // nobody chosen
        Assert.Contains("registered in your area", await area.Error.InnerTextAsync());
        await area.AssignAsync(staffMemberId, "volunteer");
        await Assertions.Expect(area.MemberRows).ToHaveCountAsync(before + 1);
        Assert.Contains("李志愿", await area.Members.InnerTextAsync());
        Assert.Contains("139****0000", await area.Members.InnerTextAsync());
        await area.ShotAsync("30-grid-staff");

        // The neighbouring community's grid is not there for this secretary.
        await area.OpenAsync("51010401700201");
        Assert.Contains("不在您的辖区", await area.Error.InnerTextAsync());

        var admin = await s.NewPageAsync();
        await s.SignInAsync(admin, "city.admin");
        var categories = new CategoriesPage(admin, s.BaseUrl);
        await categories.OpenAsync();
        await categories.SetLimitsAsync("0101", respondHours: "100");
        Assert.Contains("cannot be longer", await categories.Error.InnerTextAsync());
        await categories.SetLimitsAsync("0101", respondHours: "1.5", resolveHours: "36");
        Assert.Contains("0101", await categories.Ok.InnerTextAsync());
        Assert.Equal("36", await categories.ResolveHoursAsync("0101"));
        await categories.ShotAsync("31-category-editor");
        var calendar = new CalendarPage(admin, s.BaseUrl);
        await calendar.OpenAsync();
        Assert.Contains("正式", await calendar.YearRowAsync(2026));
        Assert.Contains("暂定", await calendar.YearRowAsync(2027));
        await calendar.SaveAsync("2028", "{ broken");
        Assert.Contains("Not a calendar year", await calendar.Error.InnerTextAsync());
        Assert.Equal("{ broken", await calendar.JsonAsync()); // nothing typed is lost
        await calendar.ShotAsync("32-calendar");

        // A secretary cannot edit categories.
        var notAllowed = new CategoriesPage(page, s.BaseUrl);
        await notAllowed.OpenAsync();
        Assert.Equal(0, await notAllowed.Table.CountAsync());
    }
}
