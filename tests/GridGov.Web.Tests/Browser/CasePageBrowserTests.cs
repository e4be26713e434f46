using GridGov.Web.Tests.Browser.Pages;
using GridGov.Web.Tests.Cases;
using Microsoft.Playwright;

namespace GridGov.Web.Tests.Browser;

/// <summary>
/// The case page as a desk handler and a secretary use it (1440×900): every action the rules allow is offered as a
/// form in Chinese, a refused field says what it needs beside the field and keeps what was typed.
/// </summary>
public sealed class CasePageBrowserTests
{
    [SkippableFact]
    public async Task A_desk_handler_accepts_and_gives_feedback_with_a_photo_after_a_field_message()
    {
        await using var s = await BrowserSession.StartAsync(demoCases: 0);
        var (lon, lat) = await CaseTestKit.PointIn(s.App);
        var id = (await CaseTestKit.Report(await s.App.ClientFor("sjf.micro"), lon, lat)).GetProperty("id").GetInt64();
        var secretary = await s.App.ClientFor("sjf.secretary");
        var workerId = await CaseTestKit.UserId(await s.App.ClientFor("sjf.worker"));
        Assert.Equal(200, (await CaseTestKit.Act(secretary, id, "register")).Status);
        Assert.Equal(200, (await CaseTestKit.Act(secretary, id, "dispatch", new { assigneeUserId = workerId })).Status);

        var page = await s.NewPageAsync(1440, 900);
        await s.SignInAsync(page, "sjf.worker");
        // The bar greets the worker by the name colleagues know, not the sign-in name.
        Assert.Equal("水井坊第1网格专职网格员", (await page.InnerTextAsync("header .who")).Trim());
        var casePage = new CasePage(page, s.BaseUrl);
        await casePage.OpenAsync(id);
        // A handler on a dispatched case: accept, escalate, and nothing a supervisor does.
        var offered = await casePage.OfferedActionsAsync();
        Assert.Contains("accept", offered);
        Assert.Contains("escalate", offered);
        Assert.DoesNotContain("verify_pass", offered);
        Assert.DoesNotContain("dispatch", offered);
        await casePage.ActAsync("accept");
        Assert.Equal("处置中", await casePage.StatusAsync());

        // Now feedback, suspension and extension are offered; feedback without a photo is refused beside the field.
        offered = await casePage.OfferedActionsAsync();
        Assert.Superset(new HashSet<string> { "feedback", "escalate", "request_suspension", "request_extension" }, offered.ToHashSet());
        await casePage.FillNoteAsync("feedback", "已清运完毕，现场已冲洗");
        await casePage.ActAsync("feedback");
        Assert.Contains("照片", await casePage.FieldError("feedback", "photoIds").InnerTextAsync());
        Assert.Equal("已清运完毕，现场已冲洗", await casePage.NoteAsync("feedback")); // what was typed is kept
        Assert.Equal("处置中", await casePage.StatusAsync());

        // A bad number for more time is named in Chinese and kept as typed.
        await casePage.Field("hours", "request_extension").FillAsync("两天");
        await casePage.Field("reason", "request_extension").FillAsync("等待物业配合");
        await casePage.ActAsync("request_extension");
        Assert.Contains("不是数字", await casePage.FieldError("request_extension", "extensionHours").InnerTextAsync());
        Assert.Equal("两天", await casePage.Field("hours", "request_extension").InputValueAsync());

        await casePage.AttachPhotoAsync("feedback", new FilePayload { Name = "after.png", MimeType = "image/png", Buffer = CaseTestKit.Png() });
        await casePage.FillNoteAsync("feedback", "已清运完毕，现场已冲洗");
        await casePage.ActAsync("feedback");
        await page.WaitForURLAsync($"**/cases/{id}?done=feedback");
        Assert.Equal("待核查", await casePage.StatusAsync());
        Assert.Contains("处置后", await casePage.SectionsAsync());
        var last = await casePage.LastStepAsync();
        Assert.Contains("处置反馈", last);
        Assert.Contains("已清运完毕", last);
        // Without any tile server the map shows the city's own outlines and names, and the pin names its area.
        await casePage.WaitForMapAsync();
        Assert.Contains("第1微网格", await casePage.PinLabelAsync());
        await casePage.ShotAsync("60-case-desk-handler-feedback");
    }

    [SkippableFact]
    public async Task A_secretary_merges_a_duplicate_rejects_with_a_reason_and_dispatches_to_a_department_by_name()
    {
        await using var s = await BrowserSession.StartAsync(demoCases: 0);
        var (lon, lat) = await CaseTestKit.PointIn(s.App);
        var micro = await s.App.ClientFor("sjf.micro");
        var first = (await CaseTestKit.Report(micro, lon, lat)).GetProperty("trackingNo").GetString()!;
        var second = (await CaseTestKit.Report(micro, lon, lat)).GetProperty("id").GetInt64();
        var third = (await CaseTestKit.Report(micro, lon, lat)).GetProperty("id").GetInt64();
        var fourth = (await CaseTestKit.Report(micro, lon, lat)).GetProperty("id").GetInt64();

        var page = await s.NewPageAsync(1440, 900);
        await s.SignInAsync(page, "sjf.secretary");
        var casePage = new CasePage(page, s.BaseUrl);
        await casePage.OpenAsync(second);
        Assert.Equal(["register", "reject", "merge"], await casePage.OfferedActionsAsync());
        // The area is shown by name, not by code.
        Assert.Contains("水井坊社区", await casePage.AreaAsync());
        var choices = await casePage.OptionsAsync("merge", "merge");
        Assert.Contains(choices, c => c.Contains(first));
        await casePage.ShotAsync("61-case-new-with-duplicates");
        await casePage.ChooseAsync("merge", "merge", choices.First(c => c.Contains(first)));
        await casePage.ActAsync("merge");
        Assert.Equal("已合并", await casePage.StatusAsync());
        Assert.Contains($"合并至 {first}", await casePage.LastStepAsync());
        Assert.Equal("—", await casePage.BadgeAsync()); // no on-time badge on a merged case

        await casePage.OpenAsync(third);
        await casePage.FillNoteAsync("reject", "与上一件同一地点");
        await casePage.ActAsync("reject");
        Assert.Contains("不予受理原因", await casePage.FieldError("reject", "reason").InnerTextAsync());
        Assert.Equal("与上一件同一地点", await casePage.NoteAsync("reject"));
        await casePage.Field("reason", "reject").SelectOptionAsync("duplicate");
        await casePage.ActAsync("reject");
        Assert.Equal("不予受理", await casePage.StatusAsync());

        await casePage.OpenAsync(fourth);
        await casePage.ActAsync("register");
        var housing = (await casePage.OptionsAsync("department", "dispatch")).First(d => d.Contains("住房"));
        await casePage.ChooseAsync("department", "dispatch", housing);
        await casePage.FillNoteAsync("dispatch", "请住建局处理");
        await casePage.ActAsync("dispatch");
        Assert.Equal("已派遣", await casePage.StatusAsync());
        Assert.Contains(housing, await casePage.HandlerAsync());
        Assert.Contains($"派遣至 {housing}", await casePage.LastStepAsync());
        await casePage.ShotAsync("62-case-dispatched-to-department");
    }

    [SkippableFact]
    public async Task A_secretary_filters_the_list_by_names_and_empty_boxes_mean_any()
    {
        await using var s = await BrowserSession.StartAsync(demoCases: 0);
        var (lon, lat) = await CaseTestKit.PointIn(s.App);
        var micro = await s.App.ClientFor("sjf.micro");
        var garbage = (await CaseTestKit.Report(micro, lon, lat)).GetProperty("trackingNo").GetString()!;
        var light = (await CaseTestKit.Report(micro, lon, lat, category: "1302")).GetProperty("trackingNo").GetString()!;

        var page = await s.NewPageAsync(1440, 900);
        await s.SignInAsync(page, "sjf.secretary");
        var list = new CaseListPage(page, s.BaseUrl);
        await list.OpenAsync();
        // Pressing 筛选 with every box empty lists everything, without an error.
        await list.FilterAsync();
        Assert.Equal(0, await list.Error.CountAsync());
        Assert.Equal(1, await list.CountOfAsync(garbage));
        Assert.Equal(1, await list.CountOfAsync(light));
        // Areas are shown by name, not by code.
        var areaCell = await list.AreaOfAsync(garbage);
        Assert.Contains("微网格", areaCell);
        Assert.DoesNotContain("5101040170010101", areaCell);

        // Category and area chosen by name.
        await list.ChooseCategoryAsync("暴露垃圾");
        await list.ChooseAreaAsync("水井坊社区");
        await list.FilterAsync();
        Assert.Equal(0, await list.Error.CountAsync());
        Assert.Equal(1, await list.CountOfAsync(garbage));
        Assert.Equal(0, await list.CountOfAsync(light));
        await list.ShotAsync("63-case-list-filtered-by-name");
    }
}
