namespace GridGov.Testing;

/// <summary>No usable PostgreSQL server could be found or started; the message says why.</summary>
public sealed class PostgresUnavailableException(string message, Exception? inner = null)
    : Exception(message, inner);
