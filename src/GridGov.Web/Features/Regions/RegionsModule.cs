using GridGov.Web.Hosting;

namespace GridGov.Web.Features.Regions;

/// <summary>The administrative tree (city → community), the area page and the base map's outlines.</summary>
public sealed class RegionsModule : IModule
{
    public IReadOnlyList<Type> Surface => [typeof(AreaDto)];

    public void AddServices(IServiceCollection services, ModuleContext context) => services.AddSingleton<OutlineCache>();

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapRegions();
        app.MapOutlines();
    }
}
