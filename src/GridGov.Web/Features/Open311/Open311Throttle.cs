using System.Threading.RateLimiting;

namespace GridGov.Web.Features.Open311;

/// <summary>
/// Rate limits of the Open311 API: per API key, and per client address for calls without a (valid) key. Applied
/// inside the handlers rather than by the rate-limiting middleware because a POST carries its api_key in the form
/// body, which the middleware's (synchronous) partitioning cannot read. Fixed one-minute windows, no queueing.
/// Limits: GridGov:Open311RequestsPerMinutePerKey (default 600), GridGov:Open311RequestsPerMinutePerAddress (120).
/// Per node, like the sign-in limit.
/// </summary>
public sealed class Open311Throttle : IDisposable
{
    public const string PerKeySetting = "GridGov:Open311RequestsPerMinutePerKey";
    public const string PerAddressSetting = "GridGov:Open311RequestsPerMinutePerAddress";

    private readonly PartitionedRateLimiter<string> _limiter;

    public Open311Throttle(IConfiguration config)
    {
        var perKey = Math.Max(1, config.GetValue(PerKeySetting, 600));
        var perAddress = Math.Max(1, config.GetValue(PerAddressSetting, 120));
        _limiter = PartitionedRateLimiter.Create<string, string>(partition => RateLimitPartition.GetFixedWindowLimiter(partition,
            p => new FixedWindowRateLimiterOptions
            {
                PermitLimit = p.StartsWith("key:", StringComparison.Ordinal) ? perKey : perAddress,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }));
    }

    /// <summary>True when the call may proceed: counted against the key when there is one, else the address.</summary>
    public bool Admit(HttpContext http, KeyHolder? key)
    {
        var partition = key is not null ? $"key:{key.KeyId}" : $"ip:{http.Connection.RemoteIpAddress?.ToString() ?? "unknown"}";
        using var lease = _limiter.AttemptAcquire(partition);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
