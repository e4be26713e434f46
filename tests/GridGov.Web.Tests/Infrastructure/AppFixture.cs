using GridGov.Data;

namespace GridGov.Web.Tests.Infrastructure;

/// <summary>
/// One seeded app per test class and provider. Started lazily from inside a test so that a missing PostgreSQL
/// skips (or, under CI=true, fails) the test rather than crashing the fixture.
/// </summary>
public abstract class AppFixture(DatabaseProvider provider) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private GridGovApp? _app;

    public DatabaseProvider Provider => provider;

    public async Task<GridGovApp> GetAsync()
    {
        if (_app is not null) return _app;
        await _gate.WaitAsync();
        try
        {
            return _app ??= await GridGovApp.StartAsync(provider);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteAppFixture() : AppFixture(DatabaseProvider.Sqlite);

public sealed class PostgresAppFixture() : AppFixture(DatabaseProvider.Postgres);
