using GridGov.Web.Hosting;

namespace GridGov.Web.Features.Health;

/// <summary>Liveness and readiness: the database and the routing index.</summary>
public sealed class HealthModule : IModule
{
    public void AddServices(IServiceCollection services, ModuleContext context) =>
        services.AddHealthChecks()
            .AddDbContextCheck<Data.GridGovDb>("database")
            .AddCheck<IndexHealthCheck>("routing-index");

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapHealth();
}
