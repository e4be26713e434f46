using Microsoft.Playwright;

namespace GridGov.Web.Tests.Browser.Pages;

/// <summary>The registry's pages: /people (search, counts, compounds), /buildings/{id} (the grid view), /houses/{id}, /people/{id}.</summary>
public sealed class PeoplePages(IPage page, string baseUrl) : PageObject(page, baseUrl)
{
    public Task OpenHomeAsync(string? area = null) => GotoAsync(area is null ? "/people" : $"/people?area={area}");

    public async Task SearchAsync(string text)
    {
        await Page.FillAsync("#q", text);
        await Page.ClickAsync("#people-search button[type=submit]");
    }

    public ILocator PeopleResults => Page.Locator("#people-results tbody tr");
    public ILocator HouseResults => Page.Locator("#house-results li");
    public ILocator NoResults => Page.Locator("#no-results");
    public ILocator Counts => Page.Locator("#registry-counts");
    public ILocator BuildingLinks => Page.Locator("#compounds a.chip");

    public ILocator Grid => Page.Locator("#building-grid");
    public ILocator HouseCells => Page.Locator("#building-grid td.house");
    public Task ColourByVerificationAsync() => Page.ClickAsync("a:has-text('按核验情况')");

    public ILocator Occupants => Page.Locator("#occupants tbody tr");
    public ILocator Occupant(string name) => Page.Locator("#occupants tbody tr", new() { HasText = name });
    public ILocator History => Page.Locator("#history tbody tr");
    public ILocator FieldError(string inputId) => Page.Locator($"#{inputId} ~ .error");

    /// <summary>Fills 登记入住 on a house page (null leaves a box as it is) and presses 登记.</summary>
    public async Task RegisterResidentAsync(string? name, string? idNumber, string? relation = null, string? phone = null, params string[] tags)
    {
        if (name is not null) await Page.FillAsync("#add-name", name);
        if (idNumber is not null) await Page.FillAsync("#add-id", idNumber);
        if (phone is not null) await Page.FillAsync("#add-phone", phone);
        if (relation is not null) await Page.SelectOptionAsync("#add-relation", relation);
        foreach (var t in tags) await Page.CheckAsync($"#add-form input[name=tags][value='{t}']");
        await Page.ClickAsync("#add-form button[type=submit]");
    }

    public Task MoveOutAsync(string name) => Occupant(name).Locator("button:has-text('迁出')").ClickAsync();

    public ILocator Facts => Page.Locator("#person-facts");

    public async Task RevealAsync(string reason)
    {
        await Page.FillAsync("#reason", reason);
        await Page.ClickAsync("#reveal-form button[type=submit]");
    }

    public ILocator RevealError => Page.Locator("#reveal-form .error");

    /// <summary>True when the page is wider than the window (a phone would scroll sideways).</summary>
    public async Task<bool> ScrollsSidewaysAsync() =>
        await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
}
