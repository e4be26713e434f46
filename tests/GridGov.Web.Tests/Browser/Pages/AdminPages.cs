using Microsoft.Playwright;

namespace GridGov.Web.Tests.Browser.Pages;

/// <summary>The category editor (/admin/categories): time limits per category.</summary>
public sealed class CategoriesPage(IPage page, string baseUrl) : PageObject(page, baseUrl)
{
    public Task OpenAsync() => GotoAsync("/admin/categories");

    /// <summary>The editor's table (absent for those who may not edit).</summary>
    public ILocator Table => Page.Locator("#categories");

    /// <summary>Sets a category's time limits in hours (null: leave as is) and saves its row.</summary>
    public async Task SetLimitsAsync(string code, string? respondHours = null, string? resolveHours = null)
    {
        if (respondHours is not null) await Page.FillAsync($"#resp-{code}", respondHours);
        if (resolveHours is not null) await Page.FillAsync($"#res-{code}", resolveHours);
        await Page.ClickAsync($"button[data-code='{code}']");
    }

    public Task<string> ResolveHoursAsync(string code) => Page.InputValueAsync($"#res-{code}");
}

/// <summary>The working-day calendar (/admin/calendar): one row per year, and a form to upload a year.</summary>
public sealed class CalendarPage(IPage page, string baseUrl) : PageObject(page, baseUrl)
{
    public Task OpenAsync() => GotoAsync("/admin/calendar");

    public Task<string> YearRowAsync(int year) => Page.Locator($"#calendar-years tr:has-text('{year}')").InnerTextAsync();

    public async Task SaveAsync(string year, string json)
    {
        await Page.FillAsync("#cal-year", year);
        await Page.FillAsync("#cal-json", json);
        await Page.ClickAsync("button:has-text('保存')");
    }

    public Task<string> JsonAsync() => Page.InputValueAsync("#cal-json");
}
