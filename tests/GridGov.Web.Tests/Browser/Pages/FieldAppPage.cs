using Microsoft.Playwright;

namespace GridGov.Web.Tests.Browser.Pages;

/// <summary>The field app on a worker's phone (/field). A skeleton: FieldAppBrowserTests is being reworked elsewhere and adopts it then.</summary>
public sealed class FieldAppPage(IPage page, string baseUrl) : PageObject(page, baseUrl)
{
    public Task OpenAsync() => GotoAsync("/field");
}
