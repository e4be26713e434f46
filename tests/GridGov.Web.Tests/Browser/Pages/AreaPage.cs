using Microsoft.Playwright;

namespace GridGov.Web.Tests.Browser.Pages;

/// <summary>An area's page (/areas/{code}): its members (staff assigned to the grid) and the form to assign one.</summary>
public sealed class AreaPage(IPage page, string baseUrl) : PageObject(page, baseUrl)
{
    public Task OpenAsync(string code) => GotoAsync($"/areas/{code}");

    public ILocator Members => Page.Locator("#members");

    public ILocator MemberRows => Page.Locator("#members tbody tr");

    public ILocator MemberRow(string name) => Page.Locator("#members tbody tr", new() { HasText = name });

    /// <summary>The "ended" mark of a member's row (present once the assignment has ended).</summary>
    public ILocator Ended(string name) => MemberRow(name).Locator(".muted");

    /// <summary>Presses 结束 on a member's row (the page asks first: handle <see cref="IPage.Dialog"/>).</summary>
    public Task EndAssignmentAsync(string name) => MemberRow(name).Locator("button:has-text('结束')").ClickAsync();

    /// <summary>Chooses a staff member and a role (null: leave as is) and presses 分配.</summary>
    public async Task AssignAsync(long? staffMemberId = null, string? role = null)
    {
        if (staffMemberId is { } id) await Page.SelectOptionAsync("#staff-member", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (role is not null) await Page.SelectOptionAsync("#role", role);
        await Page.ClickAsync("button:has-text('分配')");
    }
}
