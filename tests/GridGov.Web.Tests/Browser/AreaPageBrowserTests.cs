using GridGov.Web.Tests.Browser.Pages;
using GridGov.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GridGov.Web.Tests.Browser;

/// <summary>Ending a grid assignment asks first, names who and what, and keeps the assignment in the history.</summary>
public sealed class AreaPageBrowserTests
{
    [SkippableFact]
    public async Task Ending_an_assignment_asks_for_confirmation_and_a_no_changes_nothing()
    {
        await using var s = await BrowserSession.StartAsync(demoCases: 0);
        var secretary = await s.App.ClientFor("sjf.secretary");
        var (_, member) = await secretary.PostJson("/api/staff", new { name = "王结对", areaCode = "510104017001", phone = "13912340001" });
        var (status, _) = await secretary.PostJson("/api/grids/51010401700101/assignments",
            new { staffMemberId = member.GetProperty("id").GetInt64(), role = "volunteer" });
        Assert.Equal(201, status);

        var page = await s.NewPageAsync(1440, 900);
        await s.SignInAsync(page, "sjf.secretary");
        var area = new AreaPage(page, s.BaseUrl);
        await area.OpenAsync("51010401700101");
        string? asked = null;
        async void Dismiss(object? _, IDialog d) { asked = d.Message; await d.DismissAsync(); }
        page.Dialog += Dismiss;
        await area.EndAssignmentAsync("王结对");
        Assert.Contains("王结对", asked);
        Assert.Contains("结束", asked);
        Assert.Equal(0, await area.Ended("王结对").CountAsync()); // still active

        page.Dialog -= Dismiss;
        page.Dialog += async (_, d) => await d.AcceptAsync();
        await area.EndAssignmentAsync("王结对");
        await Assertions.Expect(area.Ended("王结对")).ToContainTextAsync("已结束");
    }
}
