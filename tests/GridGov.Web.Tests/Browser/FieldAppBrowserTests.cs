using System.Text.RegularExpressions;
using GridGov.Web.Tests.Browser.Pages;
using GridGov.Web.Tests.Cases;
using Microsoft.Playwright;

namespace GridGov.Web.Tests.Browser;

/// <summary>
/// The field-worker app on a phone, walked as a grid worker would: report online by tapping a category tile (a double
/// tap files one case), offline (saved, sent once when the network returns), without a GPS fix (the pin and a place
/// search); find it again in 我的上报; work a task from 我的任务 through accept and feedback with a photo.
/// </summary>
public sealed partial class FieldAppBrowserTests
{
    private static readonly LocatorAssertionsToHaveTextOptions Soon = new() { Timeout = 20000 };

    [GeneratedRegex(@"\b\d{4}\b")]
    private static partial Regex Code();

    private static async Task<int> CasesDescribed(BrowserSession s, string description)
    {
        await using var db = s.App.Db();
        return db.Cases.Count(c => c.Description == description);
    }

    [SkippableFact]
    public async Task A_worker_reports_by_tapping_a_tile_and_a_double_tap_files_one_case_found_again_in_my_reports()
    {
        await using var s = await BrowserSession.StartAsync(demoCases: 0);
        var gps = await CaseTestKit.PointIn(s.App);
        var phone = await FieldAppPage.OnPhoneAsync(s, "sjf.micro", gps);
        await phone.OpenAsync();

        // A dozen tiles by name, no codes; the GPS fix is taken and the pin names where it is.
        var tiles = await phone.Tiles.AllInnerTextsAsync();
        Assert.InRange(tiles.Count, 8, 12);
        Assert.Contains(tiles, t => t.Contains("暴露垃圾"));
        Assert.DoesNotContain(tiles, t => Code().IsMatch(t));
        await Assertions.Expect(phone.Location).ToHaveTextAsync(new Regex("^已定位"), Soon);
        await Assertions.Expect(phone.PinName).ToHaveTextAsync(new Regex("图钉在：.*水井坊"), Soon);

        // Nothing chosen: each field says what to do, in Chinese, beside it.
        await phone.SubmitAsync();
        Assert.Contains("请选择类别", await phone.FieldErrorAsync("category"));
        Assert.Contains("请说说是什么问题", await phone.FieldErrorAsync("description"));
        await phone.ShotAsync("20-field-errors");

        // Search finds any category by name (here beyond the tiles); clearing it brings the tiles back.
        // "漏水" is in no category's name: the words workers use find the burst main and the neighbours' dispute.
        await phone.SearchCategoryAsync("漏水");
        await Assertions.Expect(phone.TileHint).ToHaveTextAsync(new Regex("^找到"));
        var found = await phone.Tiles.AllInnerTextsAsync();
        Assert.Contains(found, t => t.Contains("自来水管爆裂"));
        Assert.Contains(found, t => t.Contains("邻里纠纷"));
        await phone.SearchCategoryAsync("无此类别xyz");
        await Assertions.Expect(phone.TileHint).ToHaveTextAsync(new Regex("没有找到「无此类别xyz」"));
        await phone.SearchCategoryAsync("");
        await phone.PickAsync("暴露垃圾");
        await Assertions.Expect(phone.Chosen).ToHaveTextAsync(new Regex("已选：暴露垃圾"));
        Assert.Equal("", await phone.FieldErrorAsync("category"));

        var description = "路边垃圾堆了三天 " + Guid.NewGuid().ToString("N")[..6];
        await phone.DescribeAsync(description);
        Assert.Equal("", await phone.FieldErrorAsync("description")); // the message goes once the field is filled
        await phone.AddPhotoAsync(CaseTestKit.Png(640, 480));
        Assert.Empty(await phone.WiderThanScreenAsync());
        await phone.ShotAsync("20b-field-report");
        await phone.SubmitButton.DblClickAsync(); // a double tap: one form, one key, one case
        await Assertions.Expect(phone.SentText).ToHaveTextAsync(new Regex(@"^已上报，编号 \S+"), Soon);
        var tracking = (await phone.SentText.InnerTextAsync()).Split("编号 ")[1].Trim();
        await phone.ShotAsync("22-field-sent");
        await phone.Page.WaitForTimeoutAsync(1000); // give a second request every chance to arrive
        Assert.Equal(1, await CasesDescribed(s, description));

        // 我的上报: the report by its tracking number, opening to the case.
        await phone.OpenTabAsync("mine");
        await Assertions.Expect(phone.MineRows.First).ToContainTextAsync(tracking);
        Assert.Contains("暴露垃圾", await phone.MineRows.First.InnerTextAsync());
        await phone.ShotAsync("24-field-mine");
        await phone.MineRows.First.Locator("a").ClickAsync();
        await Assertions.Expect(phone.CaseHeading).ToHaveTextAsync($"编号 {tracking}");
        await Assertions.Expect(phone.Page.Locator("#case-body")).ToContainTextAsync(description);
    }

    [SkippableFact]
    public async Task Without_a_gps_fix_the_worker_places_the_pin_by_a_place_search_and_the_case_lands_there()
    {
        await using var s = await BrowserSession.StartAsync(demoCases: 0);
        var phone = await FieldAppPage.OnPhoneAsync(s, "sjf.micro", gps: null); // location permission not given
        await phone.OpenAsync();
        await Assertions.Expect(phone.Location).ToHaveTextAsync(new Regex("拖到问题地点"), Soon);
        Assert.True(await phone.Page.Locator("#pin-ok").IsVisibleAsync());

        await phone.PickAsync("暴露垃圾");
        var description = "没有定位的上报 " + Guid.NewGuid().ToString("N")[..6];
        await phone.DescribeAsync(description);
        await phone.SubmitAsync();
        Assert.Contains("请先确定位置", await phone.FieldErrorAsync("location")); // nothing is sent from nowhere
        Assert.Equal(description, await phone.Page.InputValueAsync("#description")); // and nothing typed is lost

        await phone.SearchPlaceAsync("水");
        await Assertions.Expect(phone.Page.Locator("#place-msg")).ToHaveTextAsync(new Regex("至少输入两个字"));
        await phone.SearchPlaceAsync("水井坊");
        await Assertions.Expect(phone.Places.First).ToBeVisibleAsync();
        var place = await phone.Places.First.Locator(".name").InnerTextAsync();
        Assert.Contains("水井坊", place);
        await phone.Places.First.ClickAsync();
        await Assertions.Expect(phone.PinName).ToHaveTextAsync(new Regex("图钉在：.*水井坊"), Soon);
        await phone.ShotAsync("25-field-no-gps-pin");

        await phone.SubmitAsync();
        await Assertions.Expect(phone.SentText).ToHaveTextAsync(new Regex("^已上报"), Soon);
        await using var db = s.App.Db();
        var filed = db.Cases.Single(c => c.Description == description);
        Assert.StartsWith("510104017001", filed.AreaCode); // 水井坊社区
    }

    [SkippableFact]
    public async Task An_offline_report_is_saved_then_sent_once_and_shows_up_in_the_console_and_live_on_the_dashboard()
    {
        await using var s = await BrowserSession.StartAsync(demoCases: 20);
        var gps = await CaseTestKit.PointIn(s.App);

        var dashboard = await s.NewPageAsync(1920, 1080);
        await s.SignInAsync(dashboard, "jinjiang.ops");
        await dashboard.GotoAsync($"{s.BaseUrl}/dashboard");
        await dashboard.WaitForSelectorAsync("#dashboard[data-live=on]", new PageWaitForSelectorOptions { Timeout = 15000 });

        var phone = await FieldAppPage.OnPhoneAsync(s, "sjf.micro", gps);
        await phone.OpenAsync();
        await Assertions.Expect(phone.Location).ToHaveTextAsync(new Regex("^已定位"), Soon);

        await phone.Context.SetOfflineAsync(true);
        await Assertions.Expect(phone.Net).ToHaveTextAsync("离线");
        var description = "离线上报：楼道堆放杂物 " + Guid.NewGuid().ToString("N")[..6];
        await phone.PickAsync("暴露垃圾");
        await phone.DescribeAsync(description);
        await phone.AddPhotoAsync(CaseTestKit.Png(640, 480));
        await phone.SubmitAsync();
        await Assertions.Expect(phone.SentText).ToHaveTextAsync("已保存，联网后自动发送");
        Assert.StartsWith("暴露垃圾 · 离线上报", await phone.Page.InnerTextAsync("#sent-what")); // which report this was
        await Assertions.Expect(phone.Pending).ToHaveTextAsync("待发送 1");
        await phone.ShotAsync("21-field-offline-queued");

        await phone.Context.SetOfflineAsync(false);
        await Assertions.Expect(phone.Pending).ToHaveTextAsync("待发送 0", Soon);
        await Assertions.Expect(phone.SentText).ToHaveTextAsync(new Regex(@"^已上报，编号 \S+"), Soon);
        var tracking = (await phone.SentText.InnerTextAsync()).Split("编号 ")[1].Trim();
        Assert.Equal(1, await CasesDescribed(s, description));

        // Exactly once in the console list of the community secretary, and live on the district dashboard.
        var console = await s.NewPageAsync();
        await s.SignInAsync(console, "sjf.secretary");
        await console.GotoAsync($"{s.BaseUrl}/cases?status=reported");
        Assert.Equal(1, await console.Locator($"#case-list a:has-text('{tracking}')").CountAsync());
        await Assertions.Expect(dashboard.Locator("#kpi-new")).ToHaveTextAsync("1", new LocatorAssertionsToHaveTextOptions { Timeout = 10000 });
        await BrowserSession.Shot(dashboard, "23-dashboard-after-field-report");
    }

    [SkippableFact]
    public async Task A_worker_works_a_task_from_my_tasks_accept_then_feedback_with_a_photo_and_a_confirmation()
    {
        await using var s = await BrowserSession.StartAsync(demoCases: 0);
        var (lon, lat) = await CaseTestKit.PointIn(s.App);
        var micro = await s.App.ClientFor("sjf.micro");
        var secretary = await s.App.ClientFor("sjf.secretary");
        var workerId = await CaseTestKit.UserId(await s.App.ClientFor("sjf.worker"));
        var ids = new List<long>();
        foreach (var category in new[] { "0101", "1302" })
        {
            var id = (await CaseTestKit.Report(micro, lon, lat, category: category)).GetProperty("id").GetInt64();
            Assert.Equal(200, (await CaseTestKit.Act(secretary, id, "register")).Status);
            Assert.Equal(200, (await CaseTestKit.Act(secretary, id, "dispatch", new { assigneeUserId = workerId })).Status);
            ids.Add(id);
        }

        // A worker with nothing to do is told what to do instead.
        var idle = await FieldAppPage.OnPhoneAsync(s, "sjf.micro", (lon, lat));
        await idle.OpenAsync("tasks");
        await Assertions.Expect(idle.Page.Locator("#tasks-empty")).ToBeVisibleAsync();
        Assert.Contains("去巡查", await idle.Page.Locator("#tasks-empty").InnerTextAsync());

        var phone = await FieldAppPage.OnPhoneAsync(s, "sjf.worker", (lon, lat));
        await phone.OpenAsync("tasks");
        await Assertions.Expect(phone.TaskRows).ToHaveCountAsync(2);
        // Nearest deadline first, each with its clock in words and colour.
        var first = phone.TaskRows.First;
        await Assertions.Expect(first).ToHaveClassAsync(new Regex(@"\bclock-(green|yellow|red)\b"));
        Assert.Matches("还剩|已超期", await first.InnerTextAsync());
        await Assertions.Expect(phone.Page.Locator("#task-count")).ToHaveTextAsync("2");
        await phone.ShotAsync("26-field-tasks");

        await first.Locator("a").ClickAsync();
        await Assertions.Expect(phone.CaseHeading).ToHaveTextAsync(new Regex("^编号 "));
        await Assertions.Expect(phone.AcceptButton).ToBeVisibleAsync();
        Assert.False(await phone.FeedbackForm.IsVisibleAsync()); // feedback comes after accepting
        await phone.AcceptButton.ClickAsync();
        await Assertions.Expect(phone.CaseMessage).ToHaveTextAsync(new Regex("^已接单"), Soon);
        await Assertions.Expect(phone.FeedbackForm).ToBeVisibleAsync();
        // The history names people as they are called, not by their sign-in names.
        var steps = await phone.Page.Locator("#case-history").InnerTextAsync();
        Assert.Contains("水井坊第1网格专职网格员", steps);
        Assert.DoesNotContain("sjf.", steps);

        // Feedback needs a photo of the result: said beside it; then sent, with a confirmation in words.
        await phone.SendFeedbackAsync(null, "已清理");
        Assert.Contains("请拍一张处置后的照片", await phone.Page.InnerTextAsync("#fb-photo-error"));
        Assert.Equal("已清理", await phone.Page.InputValueAsync("#fb-note"));
        await phone.ShotAsync("27-field-case");
        await phone.SendFeedbackAsync(CaseTestKit.Png(640, 480), "已清理，现场恢复");
        await Assertions.Expect(phone.DoneText).ToContainTextAsync("已交社区核查", new LocatorAssertionsToContainTextOptions { Timeout = 20000 });
        await Assertions.Expect(phone.DoneHeading).ToHaveTextAsync("处置反馈已提交");
        await phone.ShotAsync("28-field-feedback-sent");

        await using var db = s.App.Db();
        var worked = db.Cases.Where(c => ids.Contains(c.Id)).ToList();
        Assert.Single(worked, c => c.Status == Domain.Cases.CaseStatus.AwaitingVerification);
        Assert.Single(worked, c => c.Status == Domain.Cases.CaseStatus.Dispatched);
    }
}
