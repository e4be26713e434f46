using System.Diagnostics;
using System.Globalization;

namespace GridGov.Testing;

/// <summary>
/// Comment put on databases created on a <c>GRIDGOV_TEST_PG</c> server. The test host is usually killed
/// before it can drop them, so the next run drops the ones whose creator is gone.
/// </summary>
internal static class TestDatabaseTag
{
    private const string Prefix = "gridgov-test";
    private static readonly TimeSpan MaxAge = TimeSpan.FromDays(1);

    public static string ForCurrentProcess() =>
        FormattableString.Invariant(
            $"{Prefix} host={Environment.MachineName} pid={Environment.ProcessId} created={DateTimeOffset.UtcNow.ToUnixTimeSeconds()}");

    /// <summary>Stale: made by a dead process on this machine, or older than a day (from anywhere).</summary>
    public static bool IsStale(string? comment, DateTimeOffset now, Func<int, bool> isAlive)
    {
        if (comment is null || !comment.StartsWith(Prefix + " ", StringComparison.Ordinal))
            return false; // not ours: never touch it

        var fields = comment.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(f => f.Split('=', 2))
            .Where(kv => kv.Length == 2)
            .ToDictionary(kv => kv[0], kv => kv[1]);

        if (fields.TryGetValue("created", out var created)
            && long.TryParse(created, NumberStyles.Integer, CultureInfo.InvariantCulture, out var unix)
            && now - DateTimeOffset.FromUnixTimeSeconds(unix) > MaxAge)
            return true;

        return fields.TryGetValue("host", out var host) && host == Environment.MachineName
            && fields.TryGetValue("pid", out var pidText)
            && int.TryParse(pidText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid)
            && !isAlive(pid);
    }

    public static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
