using Microsoft.Playwright;

namespace GridGov.Web.Tests.Browser.Pages;

/// <summary>A resident's sign-in by phone number and password (/r/login).</summary>
public sealed class ResidentSignInPage(IPage page, string baseUrl) : PageObject(page, baseUrl)
{
    public Task OpenAsync() => GotoAsync("/r/login");

    public Task WaitUntilShownAsync() => Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/r/login"));

    public async Task SignInAsync(string phone, string password)
    {
        await OpenAsync();
        await Page.FillAsync("#phone", phone);
        await Page.FillAsync("#password", password);
        await Page.ClickAsync("button.primary");
    }
}
