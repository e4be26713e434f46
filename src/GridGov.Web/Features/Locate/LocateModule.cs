using GridGov.Web.Hosting;

namespace GridGov.Web.Features.Locate;

/// <summary>Routing a point (or an address) to its micro-grid and the areas above it.</summary>
public sealed class LocateModule : IModule
{
    public IReadOnlyList<Type> Surface => [typeof(AddressLocator)];

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapLocate();
}
