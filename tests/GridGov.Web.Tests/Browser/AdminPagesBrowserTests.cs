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
        await page.GotoAsync($"{s.BaseUrl}/areas/51010401700101");
        Assert.Contains("水井坊社区第1网格", await page.Locator("h1").InnerTextAsync());
        var before = await page.Locator("#members tbody tr").CountAsync();
        await page.ClickAsync("button:has-text('分配')"); // nobody chosen
        Assert.Contains("registered in your area", await page.Locator(".alert.error").InnerTextAsync());
        await page.SelectOptionAsync("#staff-member", staffMemberId.ToString());
        await page.SelectOptionAsync("#role", "volunteer");
        await page.ClickAsync("button:has-text('分配')");
        await Assertions.Expect(page.Locator("#members tbody tr")).ToHaveCountAsync(before + 1);
        Assert.Contains("李志愿", await page.Locator("#members").InnerTextAsync());
        Assert.Contains("139****0000", await page.Locator("#members").InnerTextAsync());
        await BrowserSession.Shot(page, "30-grid-staff");

        // The neighbouring community's grid is not there for this secretary.
        await page.GotoAsync($"{s.BaseUrl}/areas/51010401700201");
        Assert.Contains("不在您的辖区", await page.Locator(".alert.error").InnerTextAsync());

        var admin = await s.NewPageAsync();
        await s.SignInAsync(admin, "city.admin");
        await admin.GotoAsync($"{s.BaseUrl}/admin/categories");
        await admin.FillAsync("#resp-0101", "100");
        await admin.ClickAsync("button[data-code='0101']");
        Assert.Contains("cannot be longer", await admin.Locator(".alert.error").InnerTextAsync());
        await admin.FillAsync("#resp-0101", "1.5");
        await admin.FillAsync("#res-0101", "36");
        await admin.ClickAsync("button[data-code='0101']");
        Assert.Contains("0101", await admin.Locator(".alert.ok").InnerTextAsync());
        Assert.Equal("36", await admin.InputValueAsync("#res-0101"));
        await BrowserSession.Shot(admin, "31-category-editor");
        await admin.GotoAsync($"{s.BaseUrl}/admin/calendar");
        Assert.Contains("正式", await admin.Locator("#calendar-years tr:has-text('2026')").InnerTextAsync());
        Assert.Contains("暂定", await admin.Locator("#calendar-years tr:has-text('2027')").InnerTextAsync());
        await admin.FillAsync("#cal-year", "2028");
        await admin.FillAsync("#cal-json", "{ broken");
        await admin.ClickAsync("button:has-text('保存')");
        Assert.Contains("Not a calendar year", await admin.Locator(".alert.error").InnerTextAsync());
        Assert.Equal("{ broken", await admin.InputValueAsync("#cal-json")); // nothing typed is lost
        await BrowserSession.Shot(admin, "32-calendar");

        // A secretary cannot edit categories.
        await page.GotoAsync($"{s.BaseUrl}/admin/categories");
        Assert.Equal(0, await page.Locator("#categories").CountAsync());
    }
}
