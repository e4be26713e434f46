using Microsoft.EntityFrameworkCore;

namespace GridGov.Data.Indicators;

/// <summary>The hourly rollup's one provider-specific statement: one pass at a time across nodes.</summary>
public static class HourlyRollupSql
{
    private const long PassLockKey = 0x4752_4944_4852; // "GRIDHR"

    private static readonly string TryLockSql = $"SELECT pg_try_advisory_xact_lock({PassLockKey}) AS \"Value\"";

    /// <summary>
    /// Takes the pass's lock until the end of the current transaction, or says that another node holds it. PostgreSQL only
    /// (an advisory lock); on SQLite, one node's file, the transaction is all there is and this is always true.
    /// </summary>
    public static async Task<bool> TryLockPassAsync(GridGovDb db, CancellationToken ct) =>
        !db.Database.IsNpgsql() || await db.Database.SqlQueryRaw<bool>(TryLockSql).SingleAsync(ct);
}
