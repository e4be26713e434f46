using GridGov.Web.Tests.Browser.Pages;
using GridGov.Web.Tests.Cases;
using Microsoft.Playwright;

namespace GridGov.Web.Tests.Browser;

/// <summary>The staff console in Debian's Chromium: sign-in with field errors, today's work, the case list and a case through the loop.</summary>
public sealed class ConsoleBrowserTests
{
    [SkippableFact]
    public async Task A_secretary_signs_in_registers_dispatches_and_verifies_a_case_while_a_neighbour_cannot_see_it()
    {
        await using var s = await BrowserSession.StartAsync();
        var page = await s.NewPageAsync();

        // Field-level validation next to the fields.
        var signIn = new SignInPage(page, s.BaseUrl);
        await signIn.OpenAsync();
        await signIn.ShotAsync("01-login");
        await signIn.SubmitAsync();
        var messages = await signIn.FieldMessagesAsync();
        Assert.Contains(messages, m => m.Contains("请输入用户名"));
        Assert.Contains(messages, m => m.Contains("请输入密码"));
        await signIn.ShotAsync("02-login-errors");
        await signIn.SubmitAsync("sjf.secretary", "wrong-password");
        Assert.Contains("用户名或密码错误", await signIn.Error.InnerTextAsync());

        await signIn.SignInAsync("sjf.secretary");
        Assert.Equal("今日工作", await signIn.Heading.InnerTextAsync());
        await signIn.ShotAsync("03-home");

        // A case reported by the micro-grid worker over the API appears in the list.
        var micro = await s.App.ClientFor("sjf.micro");
        var (lon, lat) = await CaseTestKit.PointIn(s.App);
        var reported = await CaseTestKit.Report(micro, lon, lat);
        var id = reported.GetProperty("id").GetInt64();
        var tracking = reported.GetProperty("trackingNo").GetString()!;
        var apiSecretary = await s.App.ClientFor("sjf.secretary");
        async Task<long> ClosedToday()
        {
            var from = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-2).ToString("O"));
            var to = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"));
            var (_, body) = await Infrastructure.Http.GetJson(apiSecretary, $"/api/indicators?area=510104017001&from={from}&to={to}");
            return body.GetProperty("indicators").GetProperty("closedInPeriod").GetInt64();
        }
        var closedBefore = await ClosedToday();
        var list = new CaseListPage(page, s.BaseUrl);
        await list.OpenAsync("status=reported");
        Assert.True(await list.CountOfAsync(tracking) == 1);
        await list.ShotAsync("04-case-list");

        await list.OpenCaseAsync(tracking);
        var casePage = new CasePage(page, s.BaseUrl);
        Assert.Equal("待受理", await casePage.StatusAsync());
        await casePage.ActAsync("register");
        Assert.Equal("已立案", await casePage.StatusAsync());
        var workerId = await CaseTestKit.UserId(await s.App.ClientFor("sjf.worker"));
        await casePage.ChooseAssigneeAsync(workerId);
        await casePage.ActAsync("dispatch");
        Assert.Equal("已派遣", await casePage.StatusAsync());

        var worker = await s.App.ClientFor("sjf.worker");
        await CaseTestKit.Act(worker, id, "accept");
        await CaseTestKit.Act(worker, id, "feedback", new { photoIds = new[] { await CaseTestKit.UploadPhoto(worker) } });
        await page.ReloadAsync();
        await casePage.FillNoteAsync("verify_fail", "垃圾未清理干净");
        await casePage.ActAsync("verify_fail");
        Assert.Equal("处置中", await casePage.StatusAsync());
        await CaseTestKit.Act(worker, id, "feedback", new { photoIds = new[] { await CaseTestKit.UploadPhoto(worker) } });
        await page.ReloadAsync();
        await casePage.ActAsync("verify_pass");
        Assert.Equal("已结案", await casePage.StatusAsync());
        Assert.Equal(["上报", "立案", "派遣", "接单", "处置反馈", "核查不通过(返工)", "处置反馈", "核查通过"], await casePage.StepsAsync());
        await casePage.ShotAsync("05-case-detail");
        Assert.Equal(closedBefore + 1, await ClosedToday()); // the indicators follow the loop

        // The neighbouring community's secretary sees nothing of it.
        var other = await s.NewPageAsync();
        await s.SignInAsync(other, "cdl.secretary");
        var otherList = new CaseListPage(other, s.BaseUrl);
        await otherList.OpenAsync();
        Assert.Equal(0, await otherList.CountOfAsync(tracking));
        var otherCase = new CasePage(other, s.BaseUrl);
        await otherCase.OpenAsync(id);
        Assert.Contains("不在您的辖区", await otherCase.Error.InnerTextAsync());
        await otherCase.ShotAsync("06-other-community");

        // Phone-sized layout and English.
        var phone = await s.NewPageAsync(390, 844);
        await s.SignInAsync(phone, "sjf.worker");
        await phone.GotoAsync($"{s.BaseUrl}/culture?to=en&returnUrl=/cases");
        Assert.Equal("Cases", await phone.Locator("h1").InnerTextAsync());
        await BrowserSession.Shot(phone, "07-phone-english");
    }
}
