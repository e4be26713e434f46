using System.Diagnostics;
using GridGov.Data.Seeding;
using GridGov.Domain.Geo;

namespace GridGov.Web.Hosting;

/// <summary>Reloads boundaries from the database into a new index and swaps it in; one rebuild at a time.</summary>
public sealed class IndexRebuilder(Database database, GridGovOptions options, GridIndexHolder holder, ILogger<IndexRebuilder> log)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public TimeSpan LastBuild { get; private set; }

    public async Task RebuildAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var clock = Stopwatch.StartNew();
            var fresh = await IndexLoader.LoadAsync(database.Provider, database.ConnectionString, options.City, options.FallbackDistanceMeters, ct);
            holder.Swap(fresh);
            LastBuild = clock.Elapsed;
            log.LogInformation("Routing index: {Count} areas in {Ms} ms", fresh.Count, clock.ElapsedMilliseconds);
        }
        finally
        {
            _gate.Release();
        }
    }
}
