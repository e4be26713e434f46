using GridGov.Domain.Geo;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GridGov.Web.Features.Health;

/// <summary>Healthy when the routing index holds boundaries; degraded when empty (every point would be unassigned).</summary>
public sealed class IndexHealthCheck(GridIndexHolder holder) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var index = holder.Current;
        var data = new Dictionary<string, object> { ["areas"] = index.Count, ["builtAt"] = index.BuiltAt.ToString("O") };
        return Task.FromResult(index.Count > 0
            ? HealthCheckResult.Healthy($"{index.Count} areas indexed", data)
            : HealthCheckResult.Degraded("routing index is empty: import boundaries", data: data));
    }
}
