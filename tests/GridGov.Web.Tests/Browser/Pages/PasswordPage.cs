using Microsoft.Playwright;

namespace GridGov.Web.Tests.Browser.Pages;

/// <summary>The page where an account changes its password (/account/password).</summary>
public sealed class PasswordPage(IPage page, string baseUrl) : PageObject(page, baseUrl)
{
    public Task WaitUntilShownAsync() => Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/account/password"));

    public async Task ChangeAsync(string current, string next, string confirm)
    {
        await Page.FillAsync("#current", current);
        await Page.FillAsync("#new", next);
        await Page.FillAsync("#confirm", confirm);
        await Page.ClickAsync("section.login button[type=submit]");
    }

    /// <summary>The message beside a field: current, new or confirm.</summary>
    public ILocator FieldError(string field) => Page.Locator($"#{field}-error");
}
