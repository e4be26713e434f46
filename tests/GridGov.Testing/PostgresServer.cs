using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Npgsql;

namespace GridGov.Testing;

/// <summary>
/// A PostgreSQL server for tests and benchmarks: either the one named by <c>GRIDGOV_TEST_PG</c>, or a
/// throwaway local cluster (initdb + pg_ctl) that is deleted on dispose / process exit.
/// Most callers want <see cref="RequiresPostgres.Get"/> rather than this class directly.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    public const string EnvironmentVariable = "GRIDGOV_TEST_PG";

    private static readonly Lazy<(PostgresServer? Server, string? Reason)> s_shared =
        new(StartShared, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ThrowawayCluster? _cluster;
    private readonly Lazy<string?> _postGisProblem;
    private readonly ConcurrentBag<string> _createdDatabases = [];
    private readonly EventHandler _onProcessExit;
    private int _disposed;

    /// <summary>One server per test process, started on first use; null when none is available.</summary>
    public static PostgresServer? Shared => s_shared.Value.Server;

    /// <summary>Why <see cref="Shared"/> is null (null when it is available).</summary>
    public static string? UnavailableReason => s_shared.Value.Reason;

    /// <summary>Superuser connection string to the <c>postgres</c> maintenance database.</summary>
    public string ConnectionString { get; }

    public Version Version { get; }

    /// <summary>True for a cluster we created (and will delete); false for <c>GRIDGOV_TEST_PG</c>.</summary>
    public bool IsThrowaway => _cluster is not null;

    public string? DataDirectory => _cluster?.DataDirectory;

    public TimeSpan StartupTime { get; }

    /// <summary>Whether <c>CREATE EXTENSION postgis</c> works (probed once, in a scratch database).</summary>
    public bool HasPostGis => _postGisProblem.Value is null;

    internal string? PostGisUnavailableReason => _postGisProblem.Value;

    private PostgresServer(string connectionString, ThrowawayCluster? cluster, TimeSpan startupTime)
    {
        ConnectionString = connectionString;
        _cluster = cluster;
        StartupTime = startupTime;
        _postGisProblem = new(ProbePostGis, LazyThreadSafetyMode.ExecutionAndPublication);

        // xunit never disposes statics, so stop on exit/SIGTERM. vstest kills the host ~100 ms into ProcessExit;
        // stopping takes ~40 ms, and the cluster watchdog removes whatever is left.
        _onProcessExit = (_, _) => Dispose();
        AppDomain.CurrentDomain.ProcessExit += _onProcessExit;

        try
        {
            using var conn = OpenAdmin();
            Version = conn.PostgreSqlVersion;
            if (cluster is null)
                DropStaleTestDatabases(conn);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Uses <c>GRIDGOV_TEST_PG</c> if set, otherwise starts a throwaway local cluster.</summary>
    /// <exception cref="PostgresUnavailableException">No server could be used.</exception>
    public static PostgresServer Start()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(configured))
            return StartLocal();

        var sw = Stopwatch.StartNew();
        try
        {
            return new PostgresServer(configured, cluster: null, sw.Elapsed);
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException)
        {
            // An explicit setting that does not work is reported rather than silently replaced.
            throw new PostgresUnavailableException($"{EnvironmentVariable} is set but unusable: {e.Message}", e);
        }
    }

    /// <summary>Always starts a new throwaway cluster from local binaries.</summary>
    public static PostgresServer StartLocal() => StartLocal(watchPid: null);

    internal static PostgresServer StartLocal(int? watchPid)
    {
        var binaries = PostgresBinaries.Find(out var searched)
            ?? throw new PostgresUnavailableException(searched);

        var sw = Stopwatch.StartNew();
        var cluster = ThrowawayCluster.Start(binaries, watchPid);
        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = cluster.Port,
            Username = "postgres",
            Database = "postgres",
            IncludeErrorDetail = true,
        }.ConnectionString;
        try
        {
            return new PostgresServer(connectionString, cluster, sw.Elapsed);
        }
        catch (NpgsqlException e)
        {
            cluster.Dispose();
            throw new PostgresUnavailableException(
                $"cluster started but connecting failed: {e.Message}\n{cluster.ReadLogTail()}", e);
        }
    }

    /// <summary>Creates an empty database (from template0) and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string? name = null, CancellationToken cancellationToken = default)
    {
        name ??= NewDatabaseName("t");
        var sql = $"CREATE DATABASE {QuoteIdentifier(name)} TEMPLATE template0 ENCODING 'UTF8'";
        await using (var conn = new NpgsqlConnection(ConnectionString))
        {
            await conn.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var cmd = new NpgsqlCommand(sql, conn);
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            if (TagSql(name) is { } tag)
            {
                await using var comment = new NpgsqlCommand(tag, conn);
                await comment.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        _createdDatabases.Add(name);
        return ConnectionStringFor(name);
    }

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { Database = database }.ConnectionString;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        AppDomain.CurrentDomain.ProcessExit -= _onProcessExit;

        if (_cluster is not null)
        {
            _cluster.Dispose(); // databases vanish with the cluster
            return;
        }

        // Someone else's server: leave it as we found it.
        NpgsqlConnection.ClearAllPools();
        foreach (var name in _createdDatabases)
            TryDropDatabase(name);
    }

    private string? ProbePostGis()
    {
        var name = NewDatabaseName("postgis_probe");
        try
        {
            ExecuteAdmin($"CREATE DATABASE {QuoteIdentifier(name)} TEMPLATE template0");
            if (TagSql(name) is { } tag)
                ExecuteAdmin(tag);
            // No pooling, so no idle connection keeps the scratch database from being dropped.
            var cs = new NpgsqlConnectionStringBuilder(ConnectionStringFor(name)) { Pooling = false }.ConnectionString;
            using var conn = new NpgsqlConnection(cs);
            conn.Open();
            using var cmd = new NpgsqlCommand("CREATE EXTENSION postgis", conn);
            cmd.ExecuteNonQuery();
            return null;
        }
        catch (NpgsqlException e)
        {
            return $"CREATE EXTENSION postgis failed on PostgreSQL {Version}: {e.Message}";
        }
        finally
        {
            TryDropDatabase(name);
        }
    }

    /// <summary>Only databases on someone else's server need tagging; a throwaway cluster is deleted whole.</summary>
    private string? TagSql(string name) =>
        IsThrowaway ? null : $"COMMENT ON DATABASE {QuoteIdentifier(name)} IS '{TestDatabaseTag.ForCurrentProcess()}'";

    private void DropStaleTestDatabases(NpgsqlConnection conn)
    {
        var stale = new List<string>();
        using (var cmd = new NpgsqlCommand(
            "SELECT datname, shobj_description(oid, 'pg_database') FROM pg_database WHERE NOT datistemplate", conn))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                var comment = reader.IsDBNull(1) ? null : reader.GetString(1);
                if (TestDatabaseTag.IsStale(comment, DateTimeOffset.UtcNow, TestDatabaseTag.IsAlive))
                    stale.Add(reader.GetString(0));
            }
        }
        foreach (var name in stale)
            TryDropDatabase(name);
    }

    private void TryDropDatabase(string name)
    {
        try
        {
            ExecuteAdmin($"DROP DATABASE IF EXISTS {QuoteIdentifier(name)} WITH (FORCE)");
        }
        catch (NpgsqlException e)
        {
            Console.Error.WriteLine($"[GridGov.Testing] could not drop test database {name}: {e.Message}");
        }
    }

    private void ExecuteAdmin(string sql)
    {
        using var conn = OpenAdmin();
        using var cmd = new NpgsqlCommand(sql, conn);
        cmd.ExecuteNonQuery();
    }

    private NpgsqlConnection OpenAdmin()
    {
        var conn = new NpgsqlConnection(ConnectionString);
        try
        {
            conn.Open();
            return conn;
        }
        catch
        {
            conn.Dispose();
            throw;
        }
    }

    private static (PostgresServer?, string?) StartShared()
    {
        try
        {
            var server = Start();
            Console.Error.WriteLine(server.IsThrowaway
                ? $"[GridGov.Testing] PostgreSQL {server.Version} throwaway cluster in {server.DataDirectory}, started in {server.StartupTime.TotalSeconds:F2}s"
                : $"[GridGov.Testing] PostgreSQL {server.Version} from {EnvironmentVariable}");
            return (server, null);
        }
        catch (PostgresUnavailableException e)
        {
            return (null, e.Message);
        }
        catch (Exception e)
        {
            return (null, $"{e.GetType().Name}: {e.Message}");
        }
    }

    private static string NewDatabaseName(string prefix) => $"gridgov_{prefix}_{Guid.NewGuid():N}";

    internal static string QuoteIdentifier(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        // PostgreSQL silently truncates longer names, which would make two "different" databases collide.
        if (Encoding.UTF8.GetByteCount(name) > 63)
            throw new ArgumentException($"database name longer than 63 bytes: {name}", nameof(name));
        return "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
