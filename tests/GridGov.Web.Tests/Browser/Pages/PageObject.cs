using Microsoft.Playwright;

namespace GridGov.Web.Tests.Browser.Pages;

/// <summary>
/// A page of the app as a test drives it: the selectors and the common steps live here, the assertions stay in the
/// tests. Each page object wraps one Playwright page (one browser tab) and the app's base address.
/// </summary>
public abstract class PageObject(IPage page, string baseUrl)
{
    public IPage Page { get; } = page;
    public string BaseUrl { get; } = baseUrl;

    /// <summary>The page's top heading.</summary>
    public ILocator Heading => Page.Locator("h1");

    /// <summary>The page-level error (a refusal, "not in your area", a validation summary).</summary>
    public ILocator Error => Page.Locator(".alert.error");

    /// <summary>The page-level success message.</summary>
    public ILocator Ok => Page.Locator(".alert.ok");

    protected Task GotoAsync(string path) => Page.GotoAsync(BaseUrl + path);

    public Task ShotAsync(string name) => BrowserSession.Shot(Page, name);
}
