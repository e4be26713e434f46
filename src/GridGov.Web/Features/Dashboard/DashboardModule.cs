using GridGov.Web.Hosting;

namespace GridGov.Web.Features.Dashboard;

/// <summary>
/// The command dashboard (一舱), a full-screen page for a command centre's wall, its overview API (pies and latest
/// cases) and its live feed: committed case changes pushed to the screens of their areas.
/// </summary>
public sealed class DashboardModule : IModule
{
    public void AddServices(IServiceCollection services, ModuleContext context)
    {
        services.AddSingleton<CaseBroadcaster>();
        services.AddScoped<IEventHandler<Cases.CaseChanged>>(sp => sp.GetRequiredService<CaseBroadcaster>());
    }

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapHub<CaseHub>(CaseHub.Path);
        app.MapOverview();
    }
}
