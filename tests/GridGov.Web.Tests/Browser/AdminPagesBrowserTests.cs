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
        Assert.Contains("人员：请选择一位在本辖区登记的人员", await area.Error.InnerTextAsync());
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
        // Names, not codes: the row of 暴露垃圾 under 市容环境, with its handler and urgency in words.
        Assert.Contains("市容环境", await categories.MajorRows.First.InnerTextAsync());
        Assert.Equal("暴露垃圾", await categories.NameAsync("0101"));
        Assert.Contains("职能部门", await categories.HandlerLabelAsync("0101"));
        Assert.Contains("综合行政执法局", await categories.DepartmentLabelAsync("0101"));
        // A response limit longer than the resolve limit, and a word where hours belong: refused in the row, in Chinese, typed text kept.
        await categories.EditAsync("0101", respondHours: "100");
        Assert.Contains("响应时限", await categories.Row("0101").Locator(".error").First.InnerTextAsync());
        Assert.Equal("100", await categories.RespondHoursAsync("0101"));
        await categories.EditAsync("0101", resolveHours: "两天");
        Assert.Contains("处置时限：请填写", await categories.FieldError("0101", "resolveHours").InnerTextAsync());
        Assert.Equal("两天", await categories.ResolveHoursAsync("0101"));
        await categories.ShotAsync("31-category-editor-error");
        // Full-width digits from a Chinese input method count.
        await categories.EditAsync("0101", respondHours: "１．５", resolveHours: "36", urgency: "urgent");
        Assert.Contains("暴露垃圾", await categories.Ok.InnerTextAsync());
        Assert.Equal("36", await categories.ResolveHoursAsync("0101"));
        Assert.Equal("1.5", await categories.RespondHoursAsync("0101"));
        Assert.Equal("urgent", await categories.UrgencyAsync("0101"));
        // The search box narrows the table to matching names.
        await categories.SearchAsync("燃气");
        await Assertions.Expect(categories.Row("0101")).ToBeHiddenAsync();
        await Assertions.Expect(categories.Row("0403")).ToBeVisibleAsync();
        await categories.ShotAsync("31-category-editor");

        // The working calendar: a year filled in as rows of holidays, errors beside the row, nothing typed lost.
        var calendar = new CalendarPage(admin, s.BaseUrl);
        await calendar.OpenAsync();
        Assert.Contains("正式", await calendar.YearRowAsync(2026));
        Assert.Contains("暂定", await calendar.YearRowAsync(2027));
        Assert.Contains("2027", await calendar.Form.InnerTextAsync()); // the provisional year comes first
        await calendar.OpenAsync(2028);
        await calendar.SourceAsync("国务院办公厅关于2028年部分节假日安排的通知");
        await calendar.HolidayAsync(0, "元旦", "2028-01-01", "2027-12-30");
        await calendar.HolidayAsync(1, "春节", "2028-01-25", "2028-02-01", workday1: "2028-01-26");
        await calendar.SaveAsync();
        Assert.Contains("第1行放假最后一天：不能早于放假第一天", await calendar.RowError(0).InnerTextAsync());
        Assert.Contains("第2行调休上班日：这一天已是放假日", await calendar.RowError(1).InnerTextAsync());
        Assert.Equal("春节", await calendar.ValueAsync("name", 1)); // nothing typed is lost
        Assert.Equal("2028-01-26", await calendar.ValueAsync("w1", 1));
        await calendar.ShotAsync("32-calendar-error");
        await calendar.HolidayAsync(0, to: "2028-01-01");
        await calendar.HolidayAsync(1, workday1: "2028-01-22");
        await calendar.SaveAsync();
        Assert.Contains("2028 年的安排已保存", await calendar.Ok.InnerTextAsync());
        Assert.Contains("春节 1月25日～2月1日（调休 1月22日 上班）", await calendar.YearRowAsync(2028));
        // 22 January 2028 is a Saturday made a workday: the API's calendar says so too.
        var (_, years) = await (await s.App.ClientFor("city.admin")).GetJson("/api/calendar");
        Assert.Contains(years.EnumerateArray(), y => y.GetProperty("year").GetInt32() == 2028 && !y.GetProperty("provisional").GetBoolean());
        await calendar.ShotAsync("32-calendar");

        // A secretary cannot edit categories.
        var notAllowed = new CategoriesPage(page, s.BaseUrl);
        await notAllowed.OpenAsync();
        Assert.Equal(0, await notAllowed.Table.CountAsync());
    }
}
