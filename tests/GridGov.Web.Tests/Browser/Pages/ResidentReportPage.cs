using Microsoft.Playwright;

namespace GridGov.Web.Tests.Browser.Pages;

/// <summary>A resident's report (/r/report): a service, its questions, a description, photos and a pin on the map.</summary>
public sealed class ResidentReportPage(IPage page, string baseUrl) : PageObject(page, baseUrl)
{
    public Task OpenAsync() => GotoAsync("/r/report");

    public Task WaitUntilShownAsync() => Page.WaitForURLAsync($"{BaseUrl}/r/report");

    public Task ChooseServiceAsync(string code) => Page.SelectOptionAsync("#service", code);

    /// <summary>Answers a service's question that is a choice (a select).</summary>
    public Task ChooseAnswerAsync(string service, string question, string value) => Page.SelectOptionAsync($"#q-{service}-{question}", value);

    /// <summary>Ticks one value of a service's multiple-choice question.</summary>
    public Task TickAnswerAsync(string service, string question, string value) => Page.CheckAsync($"input[name=q-{service}-{question}][value={value}]");

    /// <summary>Types the answer to a service's question that is a text or a number.</summary>
    public Task TypeAnswerAsync(string service, string question, string value) => Page.FillAsync($"#q-{service}-{question}", value);

    public Task DescribeAsync(string text) => Page.FillAsync("#description", text);

    public Task AttachPhotoAsync(FilePayload photo) => Page.SetInputFilesAsync("#photos", photo);

    /// <summary>Presses 定位 (the pin from the phone's position).</summary>
    public Task LocateAsync() => Page.ClickAsync("#locate");

    public ILocator Pin => Page.Locator("#pin");

    /// <summary>Presses 提交.</summary>
    public Task SendAsync() => Page.ClickAsync("#send");

    /// <summary>Waits for the confirmation page the report leads to.</summary>
    public Task WaitUntilFiledAsync() => Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/r/cases/.*new=1"));

    /// <summary>The message beside a field, named as the API names it (serviceCode, location, attributes-…).</summary>
    public ILocator FieldError(string field) => Page.Locator($"#{field}-error");
}
