using GridGov.Data;

namespace GridGov.Web.Tests.Infrastructure;

/// <summary>
/// A class fixture with one seeded app per database provider, each started on first use. Started from inside a test
/// so that a missing PostgreSQL skips (or, under CI=true, fails) that test only rather than crashing the fixture.
/// Use with <see cref="BothDatabasesAttribute"/>: <c>var app = await apps.GetAsync(provider);</c>
/// </summary>
public class Apps : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<DatabaseProvider, GridGovApp> _apps = [];

    public async Task<GridGovApp> GetAsync(DatabaseProvider provider)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_apps.TryGetValue(provider, out var app))
                _apps[provider] = app = await StartAsync(provider);
            return app;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>How an app is started; a fixture with another slice of the city overrides this.</summary>
    protected virtual Task<GridGovApp> StartAsync(DatabaseProvider provider) => GridGovApp.StartAsync(provider);

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps.Values) await app.DisposeAsync();
        _apps.Clear();
        GC.SuppressFinalize(this);
    }
}
