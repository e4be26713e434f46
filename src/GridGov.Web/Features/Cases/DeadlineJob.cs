namespace GridGov.Web.Features.Cases;

/// <summary>Runs the deadline sweep every minute on every node; the sweep's claims make concurrent runs safe.</summary>
public sealed class DeadlineJob(IServiceProvider services, IConfiguration config, ILogger<DeadlineJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(config.GetValue("GridGov:DeadlineSweepSeconds", 60));
        if (every <= TimeSpan.Zero) return; // disabled (tests drive the sweep themselves)
        using var timer = new PeriodicTimer(every);
        do
        {
            try
            {
                var result = await services.GetRequiredService<DeadlineSweep>().RunAsync(stoppingToken);
                if (result.Escalated > 0)
                    log.LogInformation("Deadline sweep escalated {Count} overdue cases in {Ms} ms", result.Escalated, result.Elapsed.TotalMilliseconds);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Deadline sweep failed; retrying at the next tick");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
