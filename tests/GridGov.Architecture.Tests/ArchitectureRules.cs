using System.Reflection;
using GridGov.Web.Hosting;
using NetArchTest.Rules;

namespace GridGov.Architecture.Tests;

/// <summary>A module as the rules see it: its namespace and the types it lets other modules use.</summary>
public sealed record ModuleInfo(string Name, string Namespace, IReadOnlyList<Type> Surface);

/// <summary>
/// The architecture's rules as functions of an assembly, so the same rules run on the app and on planted violations
/// (which must fail them). Dependencies are read from the IL by NetArchTest (Mono.Cecil): signatures, fields, bodies.
/// </summary>
public static class ArchitectureRules
{
    /// <summary>
    /// What a pure library must not touch: files, network, databases, the web stack, the console, other processes, the
    /// system clock. (System.Environment is not listed: every C# iterator reads its thread id from it.)
    /// </summary>
    public static readonly string[] IoDependencies =
    [
        "System.IO.File", "System.IO.FileInfo", "System.IO.Directory", "System.IO.DirectoryInfo", "System.IO.FileStream", "System.IO.Path",
        "System.Net", "System.Data", "Microsoft.Data", "Microsoft.EntityFrameworkCore", "Npgsql", "Microsoft.AspNetCore",
        "Microsoft.Extensions.Hosting", "System.Console", "System.Diagnostics.Process", "System.TimeProvider",
    ];

    public static IReadOnlyList<ModuleInfo> ModulesOf(Assembly assembly) =>
        Modules.Discover(assembly).Select(m => new ModuleInfo(m.Name, m.GetType().Namespace!, m.Surface)).ToList();

    /// <summary>Types of <paramref name="namespacePrefix"/> that do I/O (empty when the rule holds).</summary>
    public static IReadOnlyList<string> IoIn(Assembly assembly, string namespacePrefix)
    {
        var result = Load(assembly).That().ResideInNamespace(namespacePrefix).Should().NotHaveDependencyOnAny(IoDependencies).GetResult();
        return Names(result);
    }

    /// <summary>"A.Type → B.Internal" for every use of another module's type that is not on its surface.</summary>
    public static IReadOnlyList<string> InternalsReached(Assembly assembly, IReadOnlyList<ModuleInfo> modules)
    {
        var problems = new List<string>();
        foreach (var owner in modules)
        {
            var internals = Load(assembly).That().ResideInNamespace(owner.Namespace).GetTypes()
                .Select(t => t.ReflectionType)
                .Where(t => !t.IsNested && !t.Name.StartsWith('<') && !owner.Surface.Contains(t) && !typeof(IModule).IsAssignableFrom(t))
                .Select(t => t.FullName!).ToList();
            if (internals.Count == 0) continue;
            foreach (var user in modules.Where(m => m != owner))
            {
                var result = Load(assembly).That().ResideInNamespace(user.Namespace).Should().NotHaveDependencyOnAny([.. internals]).GetResult();
                foreach (var type in Names(result))
                {
                    // Name the internals it uses, one by one, so the failure says what to move to the surface.
                    var used = internals.Where(i => !Load(assembly).That().HaveNameMatching("^" + System.Text.RegularExpressions.Regex.Escape(type.Split('.').Last()) + "$")
                        .And().ResideInNamespace(user.Namespace).Should().NotHaveDependencyOnAny(i).GetResult().IsSuccessful);
                    problems.Add($"{type} ({user.Name}) uses {string.Join(", ", used)}: internal to {owner.Name}");
                }
            }
        }
        return problems;
    }

    /// <summary>For each module, the modules it uses (through their surfaces or events), by name.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Uses(Assembly assembly, IReadOnlyList<ModuleInfo> modules) =>
        modules.ToDictionary(m => m.Name, m => (IReadOnlyList<string>)modules.Where(o => o != m && !Load(assembly).That()
            .ResideInNamespace(m.Namespace).Should().NotHaveDependencyOnAny(o.Namespace).GetResult().IsSuccessful).Select(o => o.Name).Order(StringComparer.Ordinal).ToList());

    /// <summary>Every cycle among modules (each as "A → B → A"), from their dependencies on each other's namespaces.</summary>
    public static IReadOnlyList<string> Cycles(Assembly assembly, IReadOnlyList<ModuleInfo> modules)
    {
        var edges = Uses(assembly, modules);
        var cycles = new HashSet<string>();
        foreach (var start in edges.Keys) Walk(start, [start]);
        return cycles.ToList();

        void Walk(string at, List<string> path)
        {
            foreach (var next in edges[at])
            {
                if (next == path[0])
                {
                    // Report each cycle once, starting from its smallest name.
                    var i = path.IndexOf(path.Min(StringComparer.Ordinal)!);
                    var turned = path.Skip(i).Concat(path.Take(i)).ToList();
                    cycles.Add(string.Join(" → ", turned.Append(turned[0])));
                }
                else if (!path.Contains(next) && string.CompareOrdinal(next, path[0]) > 0) Walk(next, [.. path, next]);
            }
        }
    }

    // Reading an assembly with Cecil is the slow part: once per assembly.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Assembly, Types> Loaded = new();

    private static Types Load(Assembly assembly) => Loaded.GetOrAdd(assembly, a => Types.InAssembly(a));

    private static IReadOnlyList<string> Names(TestResult result) =>
        result.IsSuccessful ? [] : result.FailingTypes.Select(t => t.FullName).Where(n => !n.Contains('<')).Distinct().ToList();
}
