using GridGov.Web.Hosting;

namespace GridGov.Web.Features.Regions;

/// <summary>The administrative tree (city → community) and the area page.</summary>
public sealed class RegionsModule : IModule
{
    public IReadOnlyList<Type> Surface => [typeof(AreaDto)];

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapRegions();
}
