using Microsoft.Playwright;

namespace GridGov.Web.Tests.Browser.Pages;

/// <summary>A resident's sign-up with an SMS code (/r/signup); the demo shows the code on the page.</summary>
public sealed class ResidentSignUpPage(IPage page, string baseUrl) : PageObject(page, baseUrl)
{
    public Task OpenAsync() => GotoAsync("/r/signup");

    /// <summary>Types the phone number and presses 发送验证码.</summary>
    public async Task SendCodeAsync(string phone)
    {
        await Page.FillAsync("#phone", phone);
        await Page.ClickAsync("button[value=send]");
    }

    /// <summary>The code the demo shows instead of sending an SMS.</summary>
    public async Task<string> DemoCodeAsync() => (await Page.Locator("#demo-code").InnerTextAsync()).Trim();

    /// <summary>Fills the form (null: leave as is); <see cref="SubmitAsync"/> or Enter in a field sends it.</summary>
    public async Task FillAsync(string? code = null, string? password = null, string? nickname = null, bool consent = false)
    {
        if (code is not null) await Page.FillAsync("#code", code);
        if (password is not null) await Page.FillAsync("#password", password);
        if (nickname is not null) await Page.FillAsync("#nickname", nickname);
        if (consent) await Page.CheckAsync("#consent");
    }

    /// <summary>Presses 注册 (the primary button, not "send another code").</summary>
    public Task SubmitAsync() => Page.ClickAsync("button.primary[value=signup]");

    /// <summary>Presses Enter in the nickname field: this must sign up too.</summary>
    public Task PressEnterAsync() => Page.PressAsync("#nickname", "Enter");

    /// <summary>The message beside a field: phone, code, password, nickname.</summary>
    public ILocator FieldError(string field) => Page.Locator($"#{field}-error");
}
