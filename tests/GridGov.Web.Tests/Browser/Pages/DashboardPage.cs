using Microsoft.Playwright;

namespace GridGov.Web.Tests.Browser.Pages;

/// <summary>The command centre's dashboard (/dashboard). A skeleton: DashboardBrowserTests is being reworked elsewhere and adopts it then.</summary>
public sealed class DashboardPage(IPage page, string baseUrl) : PageObject(page, baseUrl)
{
    public Task OpenAsync(string area) => GotoAsync($"/dashboard?area={area}");
}
