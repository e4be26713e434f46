using GridGov.Web.Hosting;

namespace GridGov.Web.Features.Open311;

public static class Open311Setup
{
    /// <summary>Open311's services: the service catalog (attributes file), keys, request views and the per-key/per-address limiter.</summary>
    public static IServiceCollection AddOpen311(this IServiceCollection services)
    {
        services.AddSingleton(sp => ServiceCatalog.Load(sp.GetRequiredService<GridGovOptions>(), sp.GetRequiredService<ILogger<ServiceCatalog>>()));
        services.AddSingleton<Open311Throttle>();
        services.AddScoped<ApiKeys>();
        services.AddScoped<RequestViews>();
        return services;
    }
}
