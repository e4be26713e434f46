using Microsoft.Playwright;

namespace GridGov.Web.Tests.Browser.Pages;

/// <summary>The public map of cases (/map), open to anyone.</summary>
public sealed class PublicMapPage(IPage page, string baseUrl) : PageObject(page, baseUrl)
{
    public Task OpenAsync() => GotoAsync("/map");

    /// <summary>How many cases are in view ("当前范围 …").</summary>
    public ILocator Count => Page.Locator("#map-count");

    public ILocator DistrictOutlines => Page.Locator("path.district-outline");

    /// <summary>The case markers (the interactive paths that are not outlines).</summary>
    public ILocator Markers => Page.Locator("path.leaflet-interactive:not(.district-outline)");
}
