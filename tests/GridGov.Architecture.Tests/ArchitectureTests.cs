using GridGov.Domain.Areas;
using GridGov.Web.Hosting;

namespace GridGov.Architecture.Tests;

/// <summary>The app keeps its shape: a pure domain, modules that use each other only through their surfaces, no cycles.</summary>
public sealed class ArchitectureTests
{
    private static readonly System.Reflection.Assembly Web = typeof(IModule).Assembly;
    private static readonly IReadOnlyList<ModuleInfo> AppModules = ArchitectureRules.ModulesOf(Web);

    private static void None(IReadOnlyList<string> problems) => Assert.True(problems.Count == 0, string.Join("\n", problems));

    [Fact]
    public void The_domain_library_does_no_io() =>
        None(ArchitectureRules.IoIn(typeof(AreaCode).Assembly, "GridGov.Domain"));

    [Fact]
    public void Every_feature_folder_is_a_discovered_module()
    {
        var folders = Web.GetTypes().Select(t => t.Namespace).OfType<string>()
            .Where(n => n.StartsWith("GridGov.Web.Features.", StringComparison.Ordinal)).Select(n => n.Split('.')[3]).Distinct().Order().ToList();
        Assert.Equal(folders, AppModules.Select(m => m.Name).Order().ToList());
    }

    [Fact]
    public void No_module_reaches_into_another_modules_internals() =>
        None(ArchitectureRules.InternalsReached(Web, AppModules));

    [Fact]
    public void Modules_depend_on_each_other_without_cycles() =>
        None(ArchitectureRules.Cycles(Web, AppModules));

    [Fact]
    public void The_module_map_in_ARCHITECTURE_md_is_current()
    {
        // ARCHITECTURE.md lists each module's uses between two markers; the map must say what the code does.
        var doc = File.ReadAllText(Path.Combine(RepoRoot(), "ARCHITECTURE.md"));
        const string start = "<!-- module-uses:start -->", end = "<!-- module-uses:end -->";
        var i = doc.IndexOf(start, StringComparison.Ordinal);
        var j = doc.IndexOf(end, StringComparison.Ordinal);
        Assert.True(i >= 0 && j > i, "ARCHITECTURE.md has no module-uses block");
        var documented = doc[(i + start.Length)..j].Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith('|') && !l.StartsWith("| module") && !l.StartsWith("| ---"))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries)).ToDictionary(c => c[1].Trim('`'), c => c[3] == "–" ? "" : c[3]);
        var actual = ArchitectureRules.Uses(Web, AppModules).ToDictionary(e => e.Key, e => string.Join(", ", e.Value));
        Assert.Equal(actual.OrderBy(e => e.Key).Select(e => $"{e.Key}: {e.Value}"), documented.OrderBy(e => e.Key).Select(e => $"{e.Key}: {e.Value}"));
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GridGov.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    [Fact]
    public void The_case_engine_is_called_with_an_actor_not_the_http_caller()
    {
        // The engine and its internals run in jobs and device handlers: nothing in them may read the HTTP request.
        var engine = NetArchTest.Rules.Types.InAssembly(Web).That().HaveNameMatching("^(CaseEngine|CaseIntake|CaseActions|CaseAccess)$")
            .Should().NotHaveDependencyOnAny("GridGov.Web.Hosting.Security.Caller", "Microsoft.AspNetCore.Http.HttpContext", "Microsoft.AspNetCore.Http.IHttpContextAccessor")
            .GetResult();
        Assert.True(engine.IsSuccessful, string.Join(", ", engine.FailingTypes?.Select(t => t.FullName) ?? []));
    }
}
