using GridGov.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GridGov.Web.Tests.Browser.Pages;

/// <summary>The staff sign-in page (/login).</summary>
public sealed class SignInPage(IPage page, string baseUrl) : PageObject(page, baseUrl)
{
    public Task OpenAsync(string? returnUrl = null) =>
        GotoAsync(returnUrl is null ? "/login" : $"/login?returnUrl={Uri.EscapeDataString(returnUrl)}");

    /// <summary>Types the name and password and presses 登录; does not wait for where it leads.</summary>
    public async Task SubmitAsync(string? user = null, string? password = null)
    {
        if (user is not null) await Page.FillAsync("#username", user);
        if (password is not null) await Page.FillAsync("#password", password);
        await Page.ClickAsync("button[type=submit]");
    }

    /// <summary>The messages beside the fields.</summary>
    public Task<IReadOnlyList<string>> FieldMessagesAsync() => Page.Locator(".validation-message").AllInnerTextsAsync();

    /// <summary>Signs in with the demo password and waits for the home page.</summary>
    public async Task SignInAsync(string user)
    {
        await OpenAsync();
        await SubmitAsync(user, GridGovApp.Password);
        await Page.WaitForURLAsync($"{BaseUrl}/");
    }
}
