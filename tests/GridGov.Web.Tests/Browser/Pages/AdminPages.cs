using Microsoft.Playwright;

namespace GridGov.Web.Tests.Browser.Pages;

/// <summary>The category editor (/admin/categories): one form per category row, grouped by major category.</summary>
public sealed class CategoriesPage(IPage page, string baseUrl) : PageObject(page, baseUrl)
{
    public Task OpenAsync() => GotoAsync("/admin/categories");

    /// <summary>The editor's table (absent for those who may not edit).</summary>
    public ILocator Table => Page.Locator("#categories");

    public ILocator MajorRows => Page.Locator("#categories tr.major");

    public ILocator Row(string code) => Page.Locator($"#row-{code}");

    /// <summary>The message under one field of a row (responseHours, resolveHours, name …).</summary>
    public ILocator FieldError(string code, string field) => Row(code).Locator($".error[data-field={field}]");

    public Task<string> NameAsync(string code) => Page.InputValueAsync($"#name-{code}");
    public Task<string> RespondHoursAsync(string code) => Page.InputValueAsync($"#resp-{code}");
    public Task<string> ResolveHoursAsync(string code) => Page.InputValueAsync($"#res-{code}");
    public Task<string> UrgencyAsync(string code) => Page.InputValueAsync($"#urg-{code}");
    public Task<string> HandlerLabelAsync(string code) => Page.Locator($"#handler-{code} option:checked").InnerTextAsync();
    public Task<string> DepartmentLabelAsync(string code) => Page.Locator($"#kind-{code} option:checked").InnerTextAsync();

    /// <summary>Types into a row's fields (null: leave as is) and saves that row.</summary>
    public async Task EditAsync(string code, string? respondHours = null, string? resolveHours = null, string? urgency = null)
    {
        if (respondHours is not null) await Page.FillAsync($"#resp-{code}", respondHours);
        if (resolveHours is not null) await Page.FillAsync($"#res-{code}", resolveHours);
        if (urgency is not null) await Page.SelectOptionAsync($"#urg-{code}", urgency);
        await Page.ClickAsync($"button[data-code='{code}']");
    }

    public Task SearchAsync(string text) => Page.FillAsync("#cat-search", text);
}

/// <summary>The working-day calendar (/admin/calendar): the years on file, and a year's holidays as rows of a form.</summary>
public sealed class CalendarPage(IPage page, string baseUrl) : PageObject(page, baseUrl)
{
    public Task OpenAsync(int? year = null) => GotoAsync(year is null ? "/admin/calendar" : $"/admin/calendar?year={year}#edit");

    public Task<string> YearRowAsync(int year) => Page.Locator($"#calendar-years tr:has-text('{year}')").InnerTextAsync();

    /// <summary>The heading of the form (names the year being edited).</summary>
    public ILocator Form => Page.Locator("#edit");

    public ILocator RowError(int row) => Page.Locator($"tr[data-row='{row}'] .error");

    public Task SourceAsync(string text) => Page.FillAsync("#cal-source", text);

    /// <summary>Fills a holiday row (0-based; null: leave as is).</summary>
    public async Task HolidayAsync(int row, string? name = null, string? from = null, string? to = null, string? workday1 = null)
    {
        if (name is not null) await Page.FillAsync($"#h-name-{row}", name);
        if (from is not null) await Page.FillAsync($"#h-from-{row}", from);
        if (to is not null) await Page.FillAsync($"#h-to-{row}", to);
        if (workday1 is not null) await Page.FillAsync($"#h-w1-{row}", workday1);
    }

    public Task<string> ValueAsync(string field, int row) => Page.InputValueAsync($"#h-{field}-{row}");

    public Task SaveAsync() => Page.ClickAsync("#calendar-form button[type=submit]");
}
