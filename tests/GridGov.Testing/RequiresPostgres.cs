namespace GridGov.Testing;

/// <summary>
/// Entry point for tests that need PostgreSQL: returns the shared server, skips the test when none is
/// available locally, and fails it under CI=true.
/// </summary>
public static class RequiresPostgres
{
    public static PostgresServer Get()
    {
        if (PostgresServer.Shared is { } server)
            return server;

        var reason = PostgresServer.UnavailableReason ?? "unknown reason";
        Requirement.Unmet(
            $"PostgreSQL is required under CI=true: {reason}",
            $"PostgreSQL not found (set GRIDGOV_TEST_PG or install postgresql): {reason}");
        return null;
    }

    /// <summary>Like <see cref="Get"/>, but also requires that <c>CREATE EXTENSION postgis</c> works.</summary>
    public static PostgresServer GetWithPostGis()
    {
        var server = Get();
        if (server.HasPostGis)
            return server;

        var reason = server.PostGisUnavailableReason ?? "unknown reason";
        Requirement.Unmet(
            $"PostGIS is required under CI=true: {reason}",
            $"PostGIS not available (install postgresql-15-postgis-3): {reason}");
        return null;
    }
}
