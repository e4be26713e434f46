using Npgsql;
using Xunit.Abstractions;

namespace GridGov.Testing.Tests;

public sealed class PostgresServerTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Shared_server_starts_and_answers_select_1()
    {
        var server = RequiresPostgres.Get();
        output.WriteLine($"PostgreSQL {server.Version}, throwaway={server.IsThrowaway}, started in {server.StartupTime.TotalMilliseconds:F0} ms");

        await using var conn = new NpgsqlConnection(server.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("select 1", conn);
        Assert.Equal(1, await cmd.ExecuteScalarAsync());
        Assert.True(server.Version.Major >= 13, $"unexpectedly old server {server.Version}");
        Assert.Same(server, PostgresServer.Shared);
        Assert.Null(PostgresServer.UnavailableReason);
    }

    [SkippableFact]
    public async Task CreateDatabaseAsync_gives_separate_empty_databases()
    {
        var server = RequiresPostgres.Get();
        var a = await server.CreateDatabaseAsync();
        var b = await server.CreateDatabaseAsync();

        Assert.NotEqual(Scalar<string>(a, "select current_database()"), Scalar<string>(b, "select current_database()"));

        Execute(a, "create table marker(id int); insert into marker values (42)");
        Assert.Equal(42, Scalar<int>(a, "select id from marker"));
        // b must not see a's table: isolation is per database, not per schema.
        Assert.Equal(0L, Scalar<long>(b, "select count(*) from pg_tables where tablename = 'marker'"));
        Assert.Equal(0L, Scalar<long>(b, "select count(*) from pg_tables where schemaname = 'public'"));
    }

    [SkippableFact]
    public async Task CreateDatabaseAsync_uses_given_name_and_handles_concurrency()
    {
        var server = RequiresPostgres.Get();
        var name = $"named_{Guid.NewGuid():N}";
        var cs = await server.CreateDatabaseAsync(name);
        Assert.Equal(name, Scalar<string>(cs, "select current_database()"));

        // Test classes run in parallel, so concurrent creation must work.
        var all = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => server.CreateDatabaseAsync()));
        Assert.Equal(8, all.Distinct().Count());
        foreach (var c in all)
            Assert.Equal(1, Scalar<int>(c, "select 1"));
    }

    [Fact]
    public void Overlong_database_names_are_rejected_instead_of_truncated()
    {
        Assert.Throws<ArgumentException>(() => PostgresServer.QuoteIdentifier(new string('x', 64)));
        Assert.Equal("\"a\"\"b\"", PostgresServer.QuoteIdentifier("a\"b"));
    }

    [SkippableFact]
    public async Task HasPostGis_is_true_and_postgis_works_in_a_fresh_database()
    {
        var server = RequiresPostgres.GetWithPostGis();
        Assert.True(server.HasPostGis);

        var cs = await server.CreateDatabaseAsync();
        Execute(cs, "create extension postgis");
        var version = Scalar<string>(cs, "select postgis_lib_version()");
        output.WriteLine($"PostGIS {version}");
        Assert.Equal(1.0, Scalar<double>(cs, "select ST_Distance('POINT(0 0)'::geometry, 'POINT(1 0)'::geometry)"));
    }

    [SkippableFact]
    public void Throwaway_cluster_is_stopped_and_deleted_on_dispose()
    {
        RequiresPostgres.Get(); // applies the skip / CI-fail policy
        var server = StartLocalOrSkip();
        output.WriteLine($"throwaway cluster PostgreSQL {server.Version} started in {server.StartupTime.TotalMilliseconds:F0} ms");
        var root = Path.GetDirectoryName(server.DataDirectory)!;
        Assert.True(Directory.Exists(root));
        Assert.Equal(1, Scalar<int>(server.ConnectionString, "select 1"));

        server.Dispose();

        Assert.False(Directory.Exists(root));
        Assert.ThrowsAny<Exception>(() => Scalar<int>(NoPool(server.ConnectionString), "select 1"));
        server.Dispose(); // idempotent
    }

    [SkippableFact]
    public async Task Watchdog_removes_cluster_when_owner_process_is_killed()
    {
        Skip.If(OperatingSystem.IsWindows(), "watchdog is Unix-only");
        RequiresPostgres.Get();
        using var owner = System.Diagnostics.Process.Start("sleep", "300");
        var server = StartLocalOrSkip(owner.Id);
        var root = Path.GetDirectoryName(server.DataDirectory)!;
        try
        {
            owner.Kill(); // simulates a test host killed with SIGKILL: no ProcessExit, no Dispose
            await owner.WaitForExitAsync();

            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (Directory.Exists(root) && DateTime.UtcNow < deadline)
                await Task.Delay(100);

            Assert.False(Directory.Exists(root), "watchdog did not remove the cluster directory");
            Assert.ThrowsAny<Exception>(() => Scalar<int>(NoPool(server.ConnectionString), "select 1"));
        }
        finally
        {
            server.Dispose();
        }
    }

    private static PostgresServer StartLocalOrSkip(int? watchPid = null)
    {
        try
        {
            return PostgresServer.StartLocal(watchPid);
        }
        catch (PostgresUnavailableException e) when (!PostgresServer.Shared!.IsThrowaway)
        {
            // Shared server came from GRIDGOV_TEST_PG; local binaries are optional then.
            Skip.If(true, $"no local PostgreSQL binaries: {e.Message}");
            throw;
        }
    }

    private static string NoPool(string cs) =>
        new NpgsqlConnectionStringBuilder(cs) { Pooling = false, Timeout = 3 }.ConnectionString;

    private static T Scalar<T>(string cs, string sql)
    {
        using var conn = new NpgsqlConnection(cs);
        conn.Open();
        using var cmd = new NpgsqlCommand(sql, conn);
        return (T)cmd.ExecuteScalar()!;
    }

    private static void Execute(string cs, string sql)
    {
        using var conn = new NpgsqlConnection(cs);
        conn.Open();
        using var cmd = new NpgsqlCommand(sql, conn);
        cmd.ExecuteNonQuery();
    }
}
