using Microsoft.Playwright;

namespace GridGov.Web.Tests.Browser.Pages;

/// <summary>Staff's home page, today's work (/).</summary>
public sealed class HomePage(IPage page, string baseUrl) : PageObject(page, baseUrl)
{
    public Task OpenAsync() => GotoAsync("/");
}
