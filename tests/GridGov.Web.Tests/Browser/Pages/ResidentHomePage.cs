using Microsoft.Playwright;

namespace GridGov.Web.Tests.Browser.Pages;

/// <summary>The residents' home page (/r).</summary>
public sealed class ResidentHomePage(IPage page, string baseUrl) : PageObject(page, baseUrl)
{
    public Task OpenAsync() => GotoAsync("/r");
}
