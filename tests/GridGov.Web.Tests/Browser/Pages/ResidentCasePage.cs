using Microsoft.Playwright;

namespace GridGov.Web.Tests.Browser.Pages;

/// <summary>
/// A case as residents and the public see it (/r/cases/{trackingNo}): status, timeline, the result; right after
/// filing (?new=1) also the confirmation of what was asked and when it will be done.
/// </summary>
public sealed class ResidentCasePage(IPage page, string baseUrl) : PageObject(page, baseUrl)
{
    public Task OpenAsync(string trackingNo, bool justFiled = false) => GotoAsync($"/r/cases/{trackingNo}" + (justFiled ? "?new=1" : ""));

    public async Task<string> TrackingNoAsync() => (await Page.Locator("#tracking-no").InnerTextAsync()).Trim();

    public ILocator Status => Page.Locator("#status");

    public ILocator Filed => Page.Locator("#filed");

    public ILocator Timeline => Page.Locator("#timeline");

    /// <summary>The confirmation's repetition of what was asked.</summary>
    public Task<string> WhatAsync() => Page.Locator("#filed-what").InnerTextAsync();

    /// <summary>The confirmation's "when it will be done", in words.</summary>
    public Task<string> WhenAsync() => Page.Locator("#filed-when").InnerTextAsync();

    public ILocator PhotosAfter => Page.Locator("#after-photos img");

    public Task<string> HandlerNoteAsync() => Page.Locator("#handler-note").InnerTextAsync();
}

/// <summary>A resident's own cases (/r/mine) and the tracking form (/r/track).</summary>
public sealed class ResidentMinePage(IPage page, string baseUrl) : PageObject(page, baseUrl)
{
    public Task OpenAsync() => GotoAsync("/r/mine");

    public ILocator Cases => Page.Locator("#my-cases");

    /// <summary>Looks a case up by its number on /r/track and waits for its page.</summary>
    public async Task TrackAsync(string typed, string trackingNo)
    {
        await GotoAsync("/r/track");
        await Page.FillAsync("#no", typed);
        await Page.ClickAsync("#track-form button[type=submit]");
        await Page.WaitForURLAsync($"{BaseUrl}/r/cases/{trackingNo}");
    }
}
