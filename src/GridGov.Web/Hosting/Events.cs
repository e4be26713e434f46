namespace GridGov.Web.Hosting;

/// <summary>
/// Handles an in-process event of another module (e.g. the dashboard and indicators handle the case engine's
/// events). Register with <c>services.AddEventHandler&lt;TEvent, THandler&gt;()</c>; the publisher never knows who listens.
/// </summary>
public interface IEventHandler<in TEvent>
{
    Task HandleAsync(TEvent e, CancellationToken ct);
}

/// <summary>
/// Publishes in-process events to every registered handler, in registration order, in the publisher's scope (so a
/// handler of an in-transaction event writes through the same unit of work).
/// </summary>
public sealed class EventBus(IServiceProvider services, ILogger<EventBus> log)
{
    /// <summary>Every handler runs; the first failure propagates (for events inside a transaction: the write fails).</summary>
    public async Task PublishAsync<TEvent>(TEvent e, CancellationToken ct)
    {
        foreach (var handler in services.GetServices<IEventHandler<TEvent>>()) await handler.HandleAsync(e, ct);
    }

    /// <summary>For events after a commit: a failing handler is logged and the others still run; the publisher's work stands.</summary>
    public async Task NotifyAsync<TEvent>(TEvent e, CancellationToken ct)
    {
        foreach (var handler in services.GetServices<IEventHandler<TEvent>>())
        {
            try { await handler.HandleAsync(e, ct); }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "{Handler} failed on {Event}", handler.GetType().Name, typeof(TEvent).Name);
            }
        }
    }
}

public static class EventSetup
{
    public static IServiceCollection AddEventHandler<TEvent, THandler>(this IServiceCollection services)
        where THandler : class, IEventHandler<TEvent> => services.AddScoped<IEventHandler<TEvent>, THandler>();
}
