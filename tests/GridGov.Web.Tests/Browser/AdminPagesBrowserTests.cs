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
        Assert.Contains("人员：请选择一位在本辖区登记的人员", await page.Locator(".alert.error").InnerTextAsync());
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
        // Names, not codes: the row of 暴露垃圾 under 市容环境, with its handler and urgency in words.
        Assert.Contains("市容环境", await admin.Locator("#categories tr.major").First.InnerTextAsync());
        Assert.Equal("暴露垃圾", await admin.InputValueAsync("#name-0101"));
        Assert.Contains("职能部门", await admin.Locator("#handler-0101 option:checked").InnerTextAsync());
        Assert.Contains("综合行政执法局", await admin.Locator("#kind-0101 option:checked").InnerTextAsync());
        // A response limit longer than the resolve limit, and a word where hours belong: refused in the row, in Chinese, typed text kept.
        await admin.FillAsync("#resp-0101", "100");
        await admin.ClickAsync("button[data-code='0101']");
        Assert.Contains("响应时限", await admin.Locator("#row-0101 .error").First.InnerTextAsync());
        Assert.Equal("100", await admin.InputValueAsync("#resp-0101"));
        await admin.FillAsync("#res-0101", "两天");
        await admin.ClickAsync("button[data-code='0101']");
        Assert.Contains("处置时限：请填写", await admin.Locator("#row-0101 [data-field=resolveHours]").InnerTextAsync());
        Assert.Equal("两天", await admin.InputValueAsync("#res-0101"));
        await BrowserSession.Shot(admin, "31-category-editor-error");
        // Full-width digits from a Chinese input method count.
        await admin.FillAsync("#resp-0101", "１．５");
        await admin.FillAsync("#res-0101", "36");
        await admin.SelectOptionAsync("#urg-0101", "urgent");
        await admin.ClickAsync("button[data-code='0101']");
        Assert.Contains("暴露垃圾", await admin.Locator(".alert.ok").InnerTextAsync());
        Assert.Equal("36", await admin.InputValueAsync("#res-0101"));
        Assert.Equal("1.5", await admin.InputValueAsync("#resp-0101"));
        Assert.Equal("urgent", await admin.InputValueAsync("#urg-0101"));
        // The search box narrows the table to matching names.
        await admin.FillAsync("#cat-search", "燃气");
        await Assertions.Expect(admin.Locator("#row-0101")).ToBeHiddenAsync();
        await Assertions.Expect(admin.Locator("#row-0403")).ToBeVisibleAsync();
        await BrowserSession.Shot(admin, "31-category-editor");

        // The working calendar: a year filled in as rows of holidays, errors beside the row, nothing typed lost.
        await admin.GotoAsync($"{s.BaseUrl}/admin/calendar");
        Assert.Contains("正式", await admin.Locator("#calendar-years tr:has-text('2026')").InnerTextAsync());
        Assert.Contains("暂定", await admin.Locator("#calendar-years tr:has-text('2027')").InnerTextAsync());
        Assert.Contains("2027", await admin.Locator("#edit").InnerTextAsync()); // the provisional year comes first
        await admin.GotoAsync($"{s.BaseUrl}/admin/calendar?year=2028#edit");
        await admin.FillAsync("#cal-source", "国务院办公厅关于2028年部分节假日安排的通知");
        await admin.FillAsync("#h-name-0", "元旦");
        await admin.FillAsync("#h-from-0", "2028-01-01");
        await admin.FillAsync("#h-to-0", "2027-12-30");
        await admin.FillAsync("#h-name-1", "春节");
        await admin.FillAsync("#h-from-1", "2028-01-25");
        await admin.FillAsync("#h-to-1", "2028-02-01");
        await admin.FillAsync("#h-w1-1", "2028-01-26");
        await admin.ClickAsync("#calendar-form button[type=submit]");
        Assert.Contains("第1行放假最后一天：不能早于放假第一天", await admin.Locator("tr[data-row='0'] .error").InnerTextAsync());
        Assert.Contains("第2行调休上班日：这一天已是放假日", await admin.Locator("tr[data-row='1'] .error").InnerTextAsync());
        Assert.Equal("春节", await admin.InputValueAsync("#h-name-1")); // nothing typed is lost
        Assert.Equal("2028-01-26", await admin.InputValueAsync("#h-w1-1"));
        await BrowserSession.Shot(admin, "32-calendar-error");
        await admin.FillAsync("#h-to-0", "2028-01-01");
        await admin.FillAsync("#h-w1-1", "2028-01-22");
        await admin.ClickAsync("#calendar-form button[type=submit]");
        Assert.Contains("2028 年的安排已保存", await admin.Locator(".alert.ok").InnerTextAsync());
        Assert.Contains("春节 1月25日～2月1日（调休 1月22日 上班）", await admin.Locator("#calendar-years tr:has-text('2028')").InnerTextAsync());
        // 22 January 2028 is a Saturday made a workday: the API's calendar says so too.
        var (_, years) = await (await s.App.ClientFor("city.admin")).GetJson("/api/calendar");
        Assert.Contains(years.EnumerateArray(), y => y.GetProperty("year").GetInt32() == 2028 && !y.GetProperty("provisional").GetBoolean());
        await BrowserSession.Shot(admin, "32-calendar");

        // A secretary cannot edit categories.
        await page.GotoAsync($"{s.BaseUrl}/admin/categories");
        Assert.Equal(0, await page.Locator("#categories").CountAsync());
    }
}
