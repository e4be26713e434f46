using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Data;

public static class DbSetup
{
    /// <summary>Resolves the effective connection string, creating the SQLite data folder when needed.</summary>
    public static string ResolveConnectionString(DatabaseOptions options, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString)) return WithDefaults(options.Provider, options.ConnectionString);
        if (options.Provider == DatabaseProvider.Postgres)
            throw new InvalidOperationException("Database:ConnectionString is required when Database:Provider is Postgres");
        var dir = Path.Combine(contentRoot, "data");
        Directory.CreateDirectory(dir);
        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(dir, "gridgov.db") }.ToString();
    }

    /// <summary>
    /// PostgreSQL: prepare the statements a node sends most (intake, session check, duplicate search) once per
    /// connection instead of parsing and planning them on every call, unless the connection string says otherwise.
    /// </summary>
    public static string WithDefaults(DatabaseProvider provider, string connectionString)
    {
        if (provider != DatabaseProvider.Postgres) return connectionString;
        var b = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (b.MaxAutoPrepare == 0 && !connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)) b.MaxAutoPrepare = 64;
        // Prepared statements, but planned with their parameters every time: a generic plan chosen while a table was
        // small (a fresh database, the start of a partition) is kept by PostgreSQL and turned intake 4× slower in
        // 4 of 6 benchmark runs; custom plans cost a little planning and gave steady results (bench/RESULTS.md). Even the
        // intake writer's statements, whose values all sit in arrays, need them: with a generic plan intake fell from
        // 2,611 to 241 cases/s (the custom plan knows each array's length).
        // No JIT compilation of queries: it pays for scans of millions of rows, not for the short queries of this app,
        // and a plan whose estimate crossed jit_above_cost (a lateral join over a set-returning function) spent tens of
        // milliseconds compiling per execution.
        if (string.IsNullOrEmpty(b.Options)) b.Options = "-c plan_cache_mode=force_custom_plan -c jit=off";
        return b.ConnectionString;
    }

    public static void Configure(DbContextOptionsBuilder b, DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Postgres) b.UseNpgsql(connectionString);
        else b.UseSqlite(connectionString);
        b.UseSnakeCaseNamingConvention();
    }

    public static GridGovDb Create(DatabaseProvider provider, string connectionString)
    {
        var b = new DbContextOptionsBuilder<GridGovDb>();
        Configure(b, provider, connectionString);
        return new GridGovDb(b.Options);
    }
}
