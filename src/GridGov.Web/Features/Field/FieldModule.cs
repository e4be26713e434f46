using GridGov.Web.Hosting;

namespace GridGov.Web.Features.Field;

/// <summary>
/// The field worker's phone app (PWA, <c>/field</c>): reports and acts through the cases API; its own small API gives
/// where the worker starts (their area's centre, the categories most used there) and their reports and tasks.
/// </summary>
public sealed class FieldModule : IModule
{
    public void AddServices(IServiceCollection services, ModuleContext context)
    {
        services.AddScoped<FieldStart>();
        services.AddScoped<FieldCases>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapField();
}
