using GridGov.Web.Hosting;

namespace GridGov.Web.Features.Grids;

/// <summary>Grids and micro-grids under communities: lists and lookups.</summary>
public sealed class GridsModule : IModule
{
    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapGrids();
}
