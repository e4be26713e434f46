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
        await page.GotoAsync($"{s.BaseUrl}/cases/{id}");
        // A handler on a dispatched case: accept, escalate, and nothing a supervisor does.
        var offered = await page.Locator("#case-actions button[data-action]").EvaluateAllAsync<string[]>("bs => bs.map(b => b.dataset.action)");
        Assert.Contains("accept", offered);
        Assert.Contains("escalate", offered);
        Assert.DoesNotContain("verify_pass", offered);
        Assert.DoesNotContain("dispatch", offered);
        await page.ClickAsync("button[data-action=accept]");
        Assert.Equal("处置中", await page.Locator("#case-status").InnerTextAsync());

        // Now feedback, suspension and extension are offered; feedback without a photo is refused beside the field.
        offered = await page.Locator("#case-actions button[data-action]").EvaluateAllAsync<string[]>("bs => bs.map(b => b.dataset.action)");
        Assert.Superset(new HashSet<string> { "feedback", "escalate", "request_suspension", "request_extension" }, offered.ToHashSet());
        await page.FillAsync("#note-feedback", "已清运完毕，现场已冲洗");
        await page.ClickAsync("button[data-action=feedback]");
        var error = await page.Locator("form[data-form=feedback] .error[data-field=photoIds]").InnerTextAsync();
        Assert.Contains("照片", error);
        Assert.Equal("已清运完毕，现场已冲洗", await page.InputValueAsync("#note-feedback")); // what was typed is kept
        Assert.Equal("处置中", await page.Locator("#case-status").InnerTextAsync());

        // A bad number for more time is named in Chinese and kept as typed.
        await page.FillAsync("#hours-request_extension", "两天");
        await page.FillAsync("#reason-request_extension", "等待物业配合");
        await page.ClickAsync("button[data-action=request_extension]");
        Assert.Contains("不是数字", await page.Locator("form[data-form=request_extension] .error[data-field=extensionHours]").InnerTextAsync());
        Assert.Equal("两天", await page.InputValueAsync("#hours-request_extension"));

        await page.SetInputFilesAsync("#photos-feedback", new FilePayload { Name = "after.png", MimeType = "image/png", Buffer = CaseTestKit.Png() });
        await page.FillAsync("#note-feedback", "已清运完毕，现场已冲洗");
        await page.ClickAsync("button[data-action=feedback]");
        await page.WaitForURLAsync($"**/cases/{id}?done=feedback");
        Assert.Equal("待核查", await page.Locator("#case-status").InnerTextAsync());
        Assert.Contains("处置后", await page.Locator(".detail h2").AllInnerTextsAsync());
        var last = await page.Locator("#case-history li").Last.InnerTextAsync();
        Assert.Contains("处置反馈", last);
        Assert.Contains("已清运完毕", last);
        // Without any tile server the map shows the city's own outlines and names, and the pin names its area.
        await page.WaitForSelectorAsync("#case-map .leaflet-overlay-pane path");
        await page.WaitForSelectorAsync("#case-map .area-label");
        Assert.Contains("第1微网格", await page.Locator("#case-map .pin-label").InnerTextAsync());
        await BrowserSession.Shot(page, "60-case-desk-handler-feedback");
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
        await page.GotoAsync($"{s.BaseUrl}/cases/{second}");
        var offered = await page.Locator("#case-actions button[data-action]").EvaluateAllAsync<string[]>("bs => bs.map(b => b.dataset.action)");
        Assert.Equal(["register", "reject", "merge"], offered);
        // The area is shown by name, not by code.
        Assert.Contains("水井坊社区", await page.Locator("#case-area").InnerTextAsync());
        var choices = await page.Locator("#merge-merge option").AllInnerTextsAsync();
        Assert.Contains(choices, c => c.Contains(first));
        await BrowserSession.Shot(page, "61-case-new-with-duplicates");
        await page.SelectOptionAsync("#merge-merge", new SelectOptionValue { Label = choices.First(c => c.Contains(first)) });
        await page.ClickAsync("button[data-action=merge]");
        Assert.Equal("已合并", await page.Locator("#case-status").InnerTextAsync());
        Assert.Contains($"合并至 {first}", await page.Locator("#case-history li").Last.InnerTextAsync());
        Assert.Equal("—", (await page.Locator("h1 .badge").InnerTextAsync()).Trim()); // no on-time badge on a merged case

        await page.GotoAsync($"{s.BaseUrl}/cases/{third}");
        await page.FillAsync("#note-reject", "与上一件同一地点");
        await page.ClickAsync("button[data-action=reject]");
        Assert.Contains("不予受理原因", await page.Locator("form[data-form=reject] .error[data-field=reason]").InnerTextAsync());
        Assert.Equal("与上一件同一地点", await page.InputValueAsync("#note-reject"));
        await page.SelectOptionAsync("#reason-reject", "duplicate");
        await page.ClickAsync("button[data-action=reject]");
        Assert.Equal("不予受理", await page.Locator("#case-status").InnerTextAsync());

        await page.GotoAsync($"{s.BaseUrl}/cases/{fourth}");
        await page.ClickAsync("button[data-action=register]");
        var departments = await page.Locator("#department-dispatch option").AllInnerTextsAsync();
        var housing = departments.First(d => d.Contains("住房"));
        await page.SelectOptionAsync("#department-dispatch", new SelectOptionValue { Label = housing });
        await page.FillAsync("#note-dispatch", "请住建局处理");
        await page.ClickAsync("button[data-action=dispatch]");
        Assert.Equal("已派遣", await page.Locator("#case-status").InnerTextAsync());
        Assert.Contains(housing, await page.Locator("#case-handler").InnerTextAsync());
        Assert.Contains($"派遣至 {housing}", await page.Locator("#case-history li").Last.InnerTextAsync());
        await BrowserSession.Shot(page, "62-case-dispatched-to-department");
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
        await page.GotoAsync($"{s.BaseUrl}/cases");
        // Pressing 筛选 with every box empty lists everything, without an error.
        await page.ClickAsync("form.filters button[type=submit]");
        Assert.Equal(0, await page.Locator(".alert.error").CountAsync());
        Assert.Equal(1, await page.Locator($"#case-list a:has-text('{garbage}')").CountAsync());
        Assert.Equal(1, await page.Locator($"#case-list a:has-text('{light}')").CountAsync());
        // Areas are shown by name, not by code.
        var areaCell = await page.Locator($"#case-list tr:has(a:has-text('{garbage}')) td").Last.InnerTextAsync();
        Assert.Contains("微网格", areaCell);
        Assert.DoesNotContain("5101040170010101", areaCell);

        // Category and area chosen by name.
        await page.SelectOptionAsync("#f-category", new SelectOptionValue { Label = "暴露垃圾" });
        var areaOption = (await page.Locator("#f-area option").AllInnerTextsAsync()).First(o => o.Trim().StartsWith("水井坊社区", StringComparison.Ordinal));
        await page.SelectOptionAsync("#f-area", new SelectOptionValue { Label = areaOption });
        await page.ClickAsync("form.filters button[type=submit]");
        Assert.Equal(0, await page.Locator(".alert.error").CountAsync());
        Assert.Equal(1, await page.Locator($"#case-list a:has-text('{garbage}')").CountAsync());
        Assert.Equal(0, await page.Locator($"#case-list a:has-text('{light}')").CountAsync());
        await BrowserSession.Shot(page, "63-case-list-filtered-by-name");
    }
}
