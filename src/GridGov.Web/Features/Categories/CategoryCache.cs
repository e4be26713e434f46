using System.Diagnostics;
using GridGov.Data;
using GridGov.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Categories;

/// <summary>
/// The category table in memory for intake (a few hundred rows, read on every report). An edit on this node clears
/// it at once (<see cref="Hosting.Security.AuditInterceptor"/>); other nodes reload after at most
/// <see cref="Hosting.GridGovOptions.CategoryCacheSeconds"/>, so a changed limit or a deactivated category reaches
/// every node within that delay.
/// </summary>
public sealed class CategoryCache(Hosting.GridGovOptions options, IServiceScopeFactory scopes)
{
    private sealed record Snapshot(IReadOnlyDictionary<string, Category> ByCode, long LoadedAt);

    private volatile Snapshot? _current;

    public async ValueTask<Category?> FindAsync(string code, CancellationToken ct) => (await CurrentAsync(ct)).GetValueOrDefault(code);

    /// <summary>Every category (major and minor, active or not), by code; the public pages and the map read this.</summary>
    public async ValueTask<IReadOnlyDictionary<string, Category>> AllAsync(CancellationToken ct) => await CurrentAsync(ct);

    private async ValueTask<IReadOnlyDictionary<string, Category>> CurrentAsync(CancellationToken ct)
    {
        var snapshot = _current;
        if (snapshot is null || Stopwatch.GetElapsedTime(snapshot.LoadedAt).TotalSeconds >= options.CategoryCacheSeconds)
        {
            // Its own scope: a request served from the cache never creates a DbContext.
            await using var scope = scopes.CreateAsyncScope();
            var rows = await scope.ServiceProvider.GetRequiredService<GridGovDb>().Categories.AsNoTracking().ToListAsync(ct);
            snapshot = new Snapshot(rows.ToDictionary(c => c.Code, StringComparer.Ordinal), Stopwatch.GetTimestamp());
            _current = snapshot;
        }
        return snapshot.ByCode;
    }

    public async ValueTask<string> NameAsync(string code, CancellationToken ct) =>
        (await FindAsync(code, ct))?.Name ?? throw new InvalidOperationException($"category {code} does not exist");

    public void Invalidate() => _current = null;
}
