using Microsoft.Playwright;

namespace GridGov.Web.Tests.Browser.Pages;

/// <summary>The staff case list (/cases) with its filter form.</summary>
public sealed class CaseListPage(IPage page, string baseUrl) : PageObject(page, baseUrl)
{
    /// <summary>Opens the list; <paramref name="query"/> is a query string without '?', e.g. "status=reported".</summary>
    public Task OpenAsync(string? query = null) => GotoAsync(query is null ? "/cases" : $"/cases?{query}");

    /// <summary>The link to a case in the list, by its tracking number.</summary>
    public ILocator Link(string trackingNo) => Page.Locator($"#case-list a:has-text('{trackingNo}')");

    public Task<int> CountOfAsync(string trackingNo) => Link(trackingNo).CountAsync();

    /// <summary>The text of the area column of a case's row.</summary>
    public Task<string> AreaOfAsync(string trackingNo) =>
        Page.Locator($"#case-list tr:has(a:has-text('{trackingNo}')) td").Last.InnerTextAsync();

    public Task OpenCaseAsync(string trackingNo) => Link(trackingNo).ClickAsync();

    public Task ChooseCategoryAsync(string label) => Page.SelectOptionAsync("#f-category", new SelectOptionValue { Label = label });

    /// <summary>Chooses the first area whose name starts with <paramref name="name"/>; returns the option's text.</summary>
    public async Task<string> ChooseAreaAsync(string name)
    {
        var option = (await Page.Locator("#f-area option").AllInnerTextsAsync()).First(o => o.Trim().StartsWith(name, StringComparison.Ordinal));
        await Page.SelectOptionAsync("#f-area", new SelectOptionValue { Label = option });
        return option;
    }

    /// <summary>Presses 筛选.</summary>
    public Task FilterAsync() => Page.ClickAsync("form.filters button[type=submit]");
}
