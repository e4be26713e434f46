using Microsoft.Playwright;

namespace GridGov.Web.Tests.Browser.Pages;

/// <summary>The console's 人房核验 page: open a round, read its progress, approve or send back corrections.</summary>
public sealed class VerificationConsolePage(IPage page, string baseUrl) : PageObject(page, baseUrl)
{
    public Task OpenAsync(string query = "") => GotoAsync("/verification" + query);

    public async Task OpenRoundAsync(string name, string area)
    {
        await Page.FillAsync("#round-name", name);
        await Page.SelectOptionAsync("#round-area", area);
        await Page.ClickAsync("#open-round-button");
    }

    public ILocator Result => Page.Locator("#verify-result");
    public ILocator Rounds => Page.Locator("#rounds-table tbody tr");
    public ILocator Requests => Page.Locator("#review-table tbody tr");
    public ILocator ProgressRows => Page.Locator("#progress-table tbody tr");

    public Task ApproveFirstAsync() => Page.Locator("#review-table button.primary").First.ClickAsync();
}

/// <summary>The field app's 待核验房屋 on the phone: the list by building and floor, one house, confirm or correct.</summary>
public sealed class FieldVerifyPage(FieldAppPage app)
{
    public IPage Page => app.Page;

    public async Task OpenListAsync()
    {
        await app.OpenTabAsync("verify");
        await Page.WaitForSelectorAsync("#verify-list .house-card, #verify-empty:not([hidden])");
    }

    public ILocator Houses => Page.Locator("#verify-list .house-card");
    public ILocator Summary => Page.Locator("#verify-summary");
    public ILocator Message => Page.Locator("#house-msg");
    public ILocator People => Page.Locator("#house-people li");

    /// <summary>Opens a house from the list and waits until it is drawn with its buttons.</summary>
    public async Task OpenHouseAsync(string number)
    {
        await Houses.Filter(new() { HasText = number + "室" }).First.Locator("a").ClickAsync();
        await Assertions.Expect(Page.Locator("#house-h")).ToContainTextAsync(number);
        await Assertions.Expect(Page.Locator("#house-confirm")).ToBeVisibleAsync();
    }

    public Task DoubleTapConfirmAsync() => Page.Locator("#house-confirm").DblClickAsync();

    public async Task CorrectAsync(string use, string newName, string newIdNumber, string relation)
    {
        await Page.ClickAsync("#house-correct");
        await Page.SelectOptionAsync("#fix-use", use);
        await Page.ClickAsync("#fix-add");
        await Page.FillAsync("#new-name-0", newName);
        await Page.FillAsync("#new-id-0", newIdNumber);
        await Page.SelectOptionAsync("#new-rel-0", relation);
        await Page.ClickAsync("#fix-send");
    }

    public Task BackAsync() => Page.ClickAsync("#view-house a.back");
}
