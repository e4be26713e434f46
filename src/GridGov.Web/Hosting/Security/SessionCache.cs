using System.Collections.Concurrent;
using System.Diagnostics;

namespace GridGov.Web.Hosting.Security;

/// <summary>
/// What <see cref="SessionGuard"/> reads per request (security stamp, forced password change, lockout, grants),
/// kept per user for <see cref="GridGovOptions.SessionCacheSeconds"/>. A revocation, password change, lockout or
/// grant change made through this node clears the user's entry at once (<see cref="AuditInterceptor"/>); one made on
/// another node takes effect here after at most that many seconds (the documented revocation delay).
/// </summary>
public sealed class SessionCache(GridGovOptions options)
{
    public sealed record Entry(string? SecurityStamp, bool MustChangePassword, DateTimeOffset? LockoutEnd, IReadOnlyList<Grant> Grants, long LoadedAt);

    private readonly ConcurrentDictionary<long, Entry> _entries = new();

    public bool TryGet(long userId, out Entry entry)
    {
        if (_entries.TryGetValue(userId, out entry!) && Stopwatch.GetElapsedTime(entry.LoadedAt).TotalSeconds < options.SessionCacheSeconds) return true;
        entry = null!;
        return false;
    }

    public void Set(long userId, Entry entry)
    {
        if (options.SessionCacheSeconds > 0) _entries[userId] = entry;
    }

    public void Invalidate(long userId) => _entries.TryRemove(userId, out _);

    /// <summary>Forgets every user (tests, or after a bulk change of accounts).</summary>
    public void Clear() => _entries.Clear();
}
