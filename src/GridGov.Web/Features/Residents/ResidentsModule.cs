using GridGov.Web.Hosting;

namespace GridGov.Web.Features.Residents;

/// <summary>The residents' channel: accounts by mobile number, reports, own cases and ratings, the public case pages and map.</summary>
public sealed class ResidentsModule : IModule
{
    public void AddServices(IServiceCollection services, ModuleContext context) => services.AddResidents();

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapResidents();
        app.MapPublicCases();
    }
}
