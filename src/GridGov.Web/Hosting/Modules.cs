using System.Reflection;

namespace GridGov.Web.Hosting;

/// <summary>What a module may read while it registers its services.</summary>
public sealed record ModuleContext(IConfiguration Configuration, GridGovOptions Options, Database Database);

/// <summary>
/// One capability (a folder under <c>Features/</c>): it registers its own services and maps its own endpoints, and is
/// found by <see cref="Modules.Discover"/>, so adding a module edits no central file. Other modules use its public
/// surface (the types it lists in <see cref="Surface"/>) or its in-process events, never its internals; the
/// architecture tests hold every module to that.
/// </summary>
public interface IModule
{
    /// <summary>The module's name: its folder under <c>Features/</c>.</summary>
    string Name => GetType().Namespace!.Split('.').Last();

    /// <summary>The types other modules may use (services, messages, events). Everything else is internal to the module.</summary>
    IReadOnlyList<Type> Surface => [];

    void AddServices(IServiceCollection services, ModuleContext context) { }

    void MapEndpoints(IEndpointRouteBuilder app) { }
}

public static class Modules
{
    /// <summary>Every module in the app, in a stable order (by name).</summary>
    public static IReadOnlyList<IModule> Discover(Assembly? assembly = null) =>
        (assembly ?? typeof(Modules).Assembly).GetTypes()
            .Where(t => typeof(IModule).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
            .Select(t => (IModule)Activator.CreateInstance(t)!)
            .OrderBy(m => m.Name, StringComparer.Ordinal).ToList();
}
