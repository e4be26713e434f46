using GridGov.Web.Hosting;

namespace GridGov.Web.Features.Boundaries;

/// <summary>Boundary import and export as GeoJSON, validated as a whole.</summary>
public sealed class BoundariesModule : IModule
{
    public IReadOnlyList<Type> Surface => [typeof(BoundaryImporter)];

    public void AddServices(IServiceCollection services, ModuleContext context) => services.AddScoped<BoundaryImporter>();

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapBoundaries();
}
