namespace GridGov.Web.Features.Indicators;

/// <summary>Rebuilds dirty daily stats rows and today's hourly rows every half minute (several nodes may; rebuilding is idempotent).</summary>
public sealed class StatsRollupJob(IServiceProvider services, IConfiguration config, ILogger<StatsRollupJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(config.GetValue("GridGov:StatsRollupSeconds", 30));
        if (every <= TimeSpan.Zero) return;
        using var timer = new PeriodicTimer(every);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                var rebuilt = await scope.ServiceProvider.GetRequiredService<StatsRollup>().RebuildAsync(stoppingToken);
                if (rebuilt > 0) log.LogInformation("Rebuilt {Count} daily stats rows", rebuilt);
                await scope.ServiceProvider.GetRequiredService<StatsHourlyRollup>().RebuildAsync(everything: false, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Stats rollup failed; retrying at the next tick");
            }
        }
    }
}
