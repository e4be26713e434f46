using Microsoft.Playwright;

namespace GridGov.Web.Tests.Browser.Pages;

/// <summary>
/// A case's page (/cases/{id}): status, area, handler, history, the map, and one form per action the rules allow
/// (each form is <c>form[data-form=action]</c> with its button <c>button[data-action=action]</c>; its fields are
/// named <c>#note-action</c>, <c>#reason-action</c>, <c>#hours-action</c>, <c>#photos-action</c> and so on).
/// </summary>
public sealed class CasePage(IPage page, string baseUrl) : PageObject(page, baseUrl)
{
    public Task OpenAsync(long id) => GotoAsync($"/cases/{id}");

    public Task<string> StatusAsync() => Page.Locator("#case-status").InnerTextAsync();

    public Task<string> AreaAsync() => Page.Locator("#case-area").InnerTextAsync();

    public Task<string> HandlerAsync() => Page.Locator("#case-handler").InnerTextAsync();

    /// <summary>The on-time badge beside the title.</summary>
    public async Task<string> BadgeAsync() => (await Page.Locator("h1 .badge").InnerTextAsync()).Trim();

    /// <summary>The actions offered, in the page's order (their data-action names).</summary>
    public Task<string[]> OfferedActionsAsync() =>
        Page.Locator("#case-actions button[data-action]").EvaluateAllAsync<string[]>("bs => bs.map(b => b.dataset.action)");

    /// <summary>Presses the button of an action's form.</summary>
    public Task ActAsync(string action) => Page.ClickAsync($"button[data-action={action}]");

    /// <summary>A field of an action's form by its prefix: note, reason, hours, photos, merge, department.</summary>
    public ILocator Field(string prefix, string action) => Page.Locator($"#{prefix}-{action}");

    public Task FillNoteAsync(string action, string text) => Field("note", action).FillAsync(text);

    public Task<string> NoteAsync(string action) => Field("note", action).InputValueAsync();

    /// <summary>The message beside a field of an action's form (the field as the API names it, e.g. photoIds).</summary>
    public ILocator FieldError(string action, string field) => Page.Locator($"form[data-form={action}] .error[data-field={field}]");

    public Task AttachPhotoAsync(string action, FilePayload photo) => Field("photos", action).SetInputFilesAsync(photo);

    /// <summary>The options of a select of an action's form (e.g. merge, department).</summary>
    public Task<IReadOnlyList<string>> OptionsAsync(string prefix, string action) => Page.Locator($"#{prefix}-{action} option").AllInnerTextsAsync();

    public Task ChooseAsync(string prefix, string action, string label) =>
        Page.SelectOptionAsync($"#{prefix}-{action}", new SelectOptionValue { Label = label });

    /// <summary>Chooses whom to dispatch to, by user id.</summary>
    public Task ChooseAssigneeAsync(long userId) => Page.SelectOptionAsync("#assignee", userId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public ILocator History => Page.Locator("#case-history li");

    /// <summary>The names of the history's steps, oldest first.</summary>
    public Task<IReadOnlyList<string>> StepsAsync() => Page.Locator("#case-history li strong").AllInnerTextsAsync();

    public Task<string> LastStepAsync() => History.Last.InnerTextAsync();

    /// <summary>Section headings of the detail (e.g. 处置后 for the photos after).</summary>
    public Task<IReadOnlyList<string>> SectionsAsync() => Page.Locator(".detail h2").AllInnerTextsAsync();

    public ILocator Map => Page.Locator("#case-map");

    /// <summary>Waits until the map has drawn the city's outlines and their names.</summary>
    public async Task WaitForMapAsync()
    {
        await Page.WaitForSelectorAsync("#case-map .leaflet-overlay-pane path");
        await Page.WaitForSelectorAsync("#case-map .area-label");
    }

    public Task<string> PinLabelAsync() => Map.Locator(".pin-label").InnerTextAsync();
}
