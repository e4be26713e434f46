using System.Text.Json;
using GridGov.Testing;
using Microsoft.Playwright;

namespace GridGov.Web.Tests.Accessibility;

/// <summary>
/// Runs axe-core (npm, locked in this folder) in a page and returns its serious and critical violations, each as
/// "rule: what (where)". Missing axe-core skips locally and fails under CI=true, like a missing Chromium.
/// </summary>
public static class Axe
{
    private static readonly string Script = Path.Combine(Root(), "tests", "GridGov.Web.Tests", "Accessibility", "node_modules", "axe-core", "axe.min.js");

    /// <summary>A context that lets the test inject axe (the app's CSP allows only its own scripts).</summary>
    public static BrowserNewContextOptions Context(int width, int height) =>
        new() { ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "zh-CN", BypassCSP = true };

    public static async Task<IReadOnlyList<string>> SeriousViolations(IPage page)
    {
        var script = RequiresInstalled.Get(Script, "axe-core", "run npm ci in tests/GridGov.Web.Tests/Accessibility");
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = script });
        var result = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }))");
        return result.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("id").GetString()}: {v.GetProperty("help").GetString()} ({string.Join("; ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()))})")
            .ToList();
    }

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GridGov.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? AppContext.BaseDirectory;
    }
}
