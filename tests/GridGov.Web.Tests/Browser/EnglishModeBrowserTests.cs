using System.Text.RegularExpressions;
using GridGov.Web.Tests.Cases;
using Microsoft.Playwright;

namespace GridGov.Web.Tests.Browser;

/// <summary>
/// English is a whole language, not a second line under the Chinese: a user who chose English reads the interface's
/// words (navigation, headings, labels, buttons, table headers, messages) in English. Data stays as entered (Chinese
/// names of places and categories), so only the interface's own words are checked.
/// </summary>
public sealed partial class EnglishModeBrowserTests
{
    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();

    [SkippableFact]
    public async Task A_user_who_chose_english_reads_the_console_in_english()
    {
        await using var s = await BrowserSession.StartAsync(demoCases: 40);
        var micro = await s.App.ClientFor("sjf.micro");
        var (lon, lat) = await CaseTestKit.PointIn(s.App);
        var id = (await CaseTestKit.Report(micro, lon, lat)).GetProperty("id").GetInt64();

        var page = await s.NewPageAsync(1440, 900);
        await s.SignInAsync(page, "city.admin");
        await page.ClickAsync("a.lang");
        var secretary = await s.NewPageAsync(1440, 900);
        await s.SignInAsync(secretary, "sjf.secretary");
        await secretary.ClickAsync("a.lang");

        var offenders = new List<string>();
        async Task Check(IPage p, string path, string? submit = null)
        {
            await p.GotoAsync($"{s.BaseUrl}{path}");
            if (submit is not null) await p.ClickAsync(submit);
            // The interface's own words; data inside them (names of places and categories) is marked data-data.
            var texts = await p.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('nav a, h1, h2, label, button, th, .alert, .error, [role=alert]')].map(e => {
                    const copy = e.cloneNode(true);
                    copy.querySelectorAll('[data-data], option').forEach(d => d.remove());
                    return e.matches('[data-data]') ? '' : copy.textContent;
                })
                """);
            offenders.AddRange(texts.Where(t => Chinese().IsMatch(t)).Select(t => $"{path}: {t.Trim()}"));
        }
        await Check(secretary, "/");
        await Check(secretary, "/cases");
        await Check(secretary, $"/cases/{id}");
        await Check(secretary, "/areas/51010401700101");
        await Check(secretary, "/areas/51010401700101", "button:has-text('Assign')"); // the refusal message too
        await Check(page, "/admin/categories");
        await Check(page, "/admin/calendar");
        await BrowserSession.Shot(secretary, "90-english-area");
        Assert.True(offenders.Count == 0, "Chinese words in English mode:\n" + string.Join("\n", offenders.Distinct()));
    }
}
