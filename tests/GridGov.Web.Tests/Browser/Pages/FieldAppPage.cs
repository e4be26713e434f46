using Microsoft.Playwright;

namespace GridGov.Web.Tests.Browser.Pages;

/// <summary>
/// The field app on a worker's phone (/field): the report form (category tiles and search, the pin, the description,
/// photos), 我的上报, 我的任务 and one case with its accept and feedback steps.
/// </summary>
public sealed class FieldAppPage(IPage page, string baseUrl) : PageObject(page, baseUrl)
{
    /// <summary>A phone (390×844, touch, zh-CN); with a GPS fix at the point given, or with no location permission at all.</summary>
    public static async Task<FieldAppPage> OnPhoneAsync(BrowserSession s, string user, (double Lon, double Lat)? gps)
    {
        var options = new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 }, Locale = "zh-CN", IsMobile = true, HasTouch = true,
        };
        if (gps is { } p)
        {
            options.Geolocation = new Geolocation { Longitude = (float)p.Lon, Latitude = (float)p.Lat, Accuracy = 8 };
            options.Permissions = ["geolocation"];
        }
        var context = await s.Browser.NewContextAsync(options);
        var page = await context.NewPageAsync();
        var app = new FieldAppPage(page, s.BaseUrl);
        await new SignInPage(page, s.BaseUrl).SignInAsync(user);
        return app;
    }

    public IBrowserContext Context => Page.Context;

    /// <summary>Opens the report form and waits until the category tiles are drawn.</summary>
    public async Task OpenAsync(string view = "report")
    {
        await GotoAsync("/field#" + view);
        if (view == "report") await Page.WaitForSelectorAsync("#cat-grid .cat-tile");
    }

    public ILocator Tiles => Page.Locator("#cat-grid .cat-tile");
    public ILocator TileHint => Page.Locator("#cat-hint");
    public ILocator Chosen => Page.Locator("#cat-chosen");
    public ILocator Location => Page.Locator("#location");
    public ILocator PinName => Page.Locator("#pin-name");
    public ILocator Places => Page.Locator("#places button.place");
    public ILocator SentText => Page.Locator("#sent-text");
    public ILocator Pending => Page.Locator("#pending");
    public ILocator Net => Page.Locator("#net");
    public ILocator SubmitButton => Page.Locator("#submit");

    public Task<string> FieldErrorAsync(string field) => Page.InnerTextAsync($"#{field}-error");

    public Task PickAsync(string categoryName) => Page.Locator("#cat-grid .cat-tile", new() { HasText = categoryName }).First.ClickAsync();

    public Task SearchCategoryAsync(string text) => Page.FillAsync("#cat-search", text);

    public Task DescribeAsync(string text) => Page.FillAsync("#description", text);

    public Task AddPhotoAsync(byte[] png, string input = "#photo") =>
        Page.SetInputFilesAsync(input, new FilePayload { Name = "scene.png", MimeType = "image/png", Buffer = png });

    public Task SubmitAsync() => Page.ClickAsync("#submit");

    public async Task SearchPlaceAsync(string text)
    {
        await Page.FillAsync("#place", text);
        await Page.ClickAsync("#place-go");
    }

    public Task OpenTabAsync(string view) => Page.ClickAsync($".tabs a[data-view={view}]");

    public ILocator MineRows => Page.Locator("#mine-list li");
    public ILocator TaskRows => Page.Locator("#task-list li");
    public ILocator MineEmpty => Page.Locator("#mine-empty");

    public ILocator CaseHeading => Page.Locator("#case-h");
    public ILocator AcceptButton => Page.Locator("#accept");
    public ILocator CaseMessage => Page.Locator("#case-msg");
    public ILocator FeedbackForm => Page.Locator("#feedback");

    public async Task SendFeedbackAsync(byte[]? photo, string note)
    {
        if (photo is not null) await AddPhotoAsync(photo, "#fb-photo");
        await Page.FillAsync("#fb-note", note);
        await Page.ClickAsync("#fb-send");
    }

    public ILocator DoneHeading => Page.Locator("#done-h");
    public ILocator DoneText => Page.Locator("#done-text");

    /// <summary>Elements that reach past the right edge of the screen (a phone page must never scroll sideways).</summary>
    public Task<string[]> WiderThanScreenAsync() => Page.EvaluateAsync<string[]>("""
        () => document.scrollingElement.scrollWidth <= screen.width ? [] : [...document.querySelectorAll('body *')]
          .filter(e => !e.closest('.leaflet-container') && e.getBoundingClientRect().right > screen.width + 0.5 && e.getClientRects().length)
          .map(e => `${e.tagName}#${e.id}.${e.className} → ${Math.round(e.getBoundingClientRect().right)}`).slice(0, 8)
        """);
}
