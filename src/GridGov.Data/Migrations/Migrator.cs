using System.Data.Common;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace GridGov.Data.Migrations;

/// <summary>One versioned schema step: an embedded SQL script per provider (Migrations/{provider}/NNNN_name.sql).</summary>
public sealed record Migration(int Version, string Name, string Sql, string Checksum);

/// <summary>
/// Applies pending migrations at start-up without `dotnet ef`. Serialised across app nodes by a database lock
/// (PostgreSQL advisory lock; SQLite's write lock via BEGIN IMMEDIATE), recorded in schema_history with a
/// checksum so an edited, already-applied script is caught instead of silently diverging.
/// </summary>
public static class Migrator
{
    private const long AdvisoryLockKey = 5101_2026_0001;

    public static IReadOnlyList<Migration> Available(DatabaseProvider provider)
    {
        var folder = provider == DatabaseProvider.Postgres ? "postgres" : "sqlite";
        var asm = typeof(Migrator).Assembly;
        var prefix = $"{asm.GetName().Name}.Migrations.{folder}.";
        return asm.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Load(asm, n, n[prefix.Length..^4]))
            .OrderBy(m => m.Version)
            .ToList();
    }

    private static Migration Load(Assembly asm, string resource, string fileName)
    {
        using var stream = asm.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var sql = reader.ReadToEnd().Replace("\r\n", "\n");
        var underscore = fileName.IndexOf('_');
        var version = int.Parse(fileName[..underscore], System.Globalization.CultureInfo.InvariantCulture);
        var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
        return new Migration(version, fileName[(underscore + 1)..], sql, checksum);
    }

    /// <summary>Brings the database to the newest version; returns the versions applied by this call.</summary>
    public static async Task<IReadOnlyList<int>> MigrateAsync(DatabaseProvider provider, string connectionString, CancellationToken ct = default)
    {
        var migrations = Available(provider);
        return provider == DatabaseProvider.Postgres
            ? await MigratePostgresAsync(connectionString, migrations, ct)
            : await MigrateSqliteAsync(connectionString, migrations, ct);
    }

    private static async Task<IReadOnlyList<int>> MigratePostgresAsync(string cs, IReadOnlyList<Migration> migrations, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync(ct);
        await Exec(conn, null, $"SELECT pg_advisory_lock({AdvisoryLockKey})", ct);
        try
        {
            await Exec(conn, null, """
                CREATE TABLE IF NOT EXISTS schema_history (
                  version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
                  applied_at timestamptz NOT NULL DEFAULT now())
                """, ct);
            return await ApplyPending(conn, migrations, async () => (DbTransaction)await conn.BeginTransactionAsync(ct), ct);
        }
        finally
        {
            await Exec(conn, null, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    private static async Task<IReadOnlyList<int>> MigrateSqliteAsync(string cs, IReadOnlyList<Migration> migrations, CancellationToken ct)
    {
        var builder = new SqliteConnectionStringBuilder(cs) { DefaultTimeout = 60 };
        await using var conn = new SqliteConnection(builder.ToString());
        await conn.OpenAsync(ct);
        await Exec(conn, null, "PRAGMA journal_mode=WAL", ct);
        // BEGIN IMMEDIATE takes SQLite's single write lock: a second process waits here until the first is done.
        await using var tx = conn.BeginTransaction(System.Data.IsolationLevel.Serializable, deferred: false);
        await Exec(conn, tx, """
            CREATE TABLE IF NOT EXISTS schema_history (
              version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL,
              applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))
            """, ct);
        var applied = await ApplyPending(conn, migrations, () => Task.FromResult<DbTransaction>(tx), ct, commitEach: false);
        await tx.CommitAsync(ct);
        return applied;
    }

    private static async Task<IReadOnlyList<int>> ApplyPending(
        DbConnection conn, IReadOnlyList<Migration> migrations, Func<Task<DbTransaction>> begin, CancellationToken ct,
        bool commitEach = true)
    {
        var done = new Dictionary<int, string>();
        DbTransaction? readTx = commitEach ? null : await begin();
        await using (var cmd = conn.CreateCommand())
        {
            cmd.Transaction = readTx;
            cmd.CommandText = "SELECT version, checksum FROM schema_history";
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) done[r.GetInt32(0)] = r.GetString(1);
        }
        foreach (var m in migrations)
            if (done.TryGetValue(m.Version, out var sum) && sum != m.Checksum)
                throw new InvalidOperationException(
                    $"Migration {m.Version:D4}_{m.Name} was changed after it was applied (checksum differs). Add a new migration instead of editing an applied one.");

        var newlyApplied = new List<int>();
        foreach (var m in migrations.Where(m => !done.ContainsKey(m.Version)))
        {
            var tx = await begin();
            await Exec(conn, tx, m.Sql, ct);
            await using (var cmd = conn.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = "INSERT INTO schema_history (version, name, checksum) VALUES (@v, @n, @c)";
                cmd.AddParameter("@v", m.Version);
                cmd.AddParameter("@n", m.Name);
                cmd.AddParameter("@c", m.Checksum);
                await cmd.ExecuteNonQueryAsync(ct);
            }
            if (commitEach)
            {
                await tx.CommitAsync(ct);
                await tx.DisposeAsync();
            }
            newlyApplied.Add(m.Version);
        }
        return newlyApplied;
    }

    private static async Task Exec(DbConnection conn, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 600;
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
