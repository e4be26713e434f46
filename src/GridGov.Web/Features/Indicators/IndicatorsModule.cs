using GridGov.Web.Hosting;

namespace GridGov.Web.Features.Indicators;

/// <summary>Indicators (24-hour response, on-time closure, satisfaction …) from daily and hourly rollups kept fresh by case events.</summary>
public sealed class IndicatorsModule : IModule
{
    public IReadOnlyList<Type> Surface => [typeof(IndicatorEndpoints), typeof(StatsRollup), typeof(StatsDays)];

    public void AddServices(IServiceCollection services, ModuleContext context)
    {
        services.AddScoped<StatsRollup>();
        services.AddScoped<StatsHourlyRollup>();
        services.AddHostedService<StatsRollupJob>();
        services.AddEventHandler<Cases.CaseSaving, StatsRollup.OnCaseSaving>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapIndicators();
}
