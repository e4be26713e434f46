using GridGov.Data;
using GridGov.Testing;
using GridGov.Web.Tests.Browser.Pages;
using GridGov.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GridGov.Web.Tests.Browser;

/// <summary>The real app on Kestrel (127.0.0.1, random port) and Debian's Chromium driven by Playwright; never downloads a browser.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public required GridGovApp App { get; init; }
    public required string BaseUrl { get; init; }
    public required IPlaywright Playwright { get; init; }
    public required IBrowser Browser { get; init; }

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static async Task<BrowserSession> StartAsync(int demoCases = 40, bool demoHomes = true)
    {
        var chromium = RequiresChromium.Get();
        var app = await GridGovApp.StartKestrelAsync(DatabaseProvider.Sqlite, demoCases, demoHomes);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
        return new BrowserSession { App = app, BaseUrl = address.TrimEnd('/'), Playwright = playwright, Browser = browser };
    }

    public async Task<IPage> NewPageAsync(int width = 1366, int height = 768)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "zh-CN" });
        return await context.NewPageAsync();
    }

    public Task SignInAsync(IPage page, string user) => new SignInPage(page, BaseUrl).SignInAsync(user);

    public static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await App.DisposeAsync();
    }
}
