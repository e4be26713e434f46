namespace GridGov.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>Bound from the "Database" configuration section (env: Database__Provider, Database__ConnectionString).</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Empty means the SQLite file data/gridgov.db under the content root.</summary>
    public string? ConnectionString { get; set; }
}
