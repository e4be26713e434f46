using System.Data.Common;
using GridGov.Data.Audit;
using GridGov.Domain.Areas;
using GridGov.Domain.Cases;
using Microsoft.Data.Sqlite;

namespace GridGov.Data.Cases;

/// <summary>
/// A batch of reports in one SQLite transaction with prepared statements: the file's single write lock is taken once
/// per batch instead of twice per report. A taken idempotency key or tracking number skips that row only.
/// </summary>
public sealed class IntakeBatchSqlite(string connectionString, CreatedSummary auditSummary) : IIntakeBatchStore
{
    // Built once from the shared column lists: a report's values are parameters named after their columns.
    private static readonly string InsertCaseSql = $"""
        INSERT INTO {CaseIntakeColumns.Into}
        VALUES ({CaseIntakeColumns.Values(DatabaseProvider.Sqlite, name => "$" + name)})
        ON CONFLICT DO NOTHING
        RETURNING id
        """;

    private static readonly string InsertHistorySql = Insert(new CaseHistoryInsert(CaseId: "$case_id", DistrictCode: "$district_code",
        At: "$at", ActorUserId: "$actor_user_id", ActorName: "$actor_name", Action: "$action", FromStatus: "$status", ToStatus: "$status",
        Note: "$note"));

    private static readonly string InsertAuditSql = Insert(new AuditLogInsert(At: "$at", UserId: "$user_id", UserName: "$user_name",
        Action: "'create'", EntityType: "'Case'", EntityId: "$entity_id", AreaCode: "$area_code", DistrictCode: "$district_code",
        Summary: "$summary", Ip: "$ip"));

    /// <summary>Nothing to close: each batch opens the file's connection from the pool and returns it.</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public async Task<IReadOnlyList<IntakeOutcome>> WriteAsync(IReadOnlyList<PendingIntake> batch, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        await using var conn = new SqliteConnection(connectionString);
        await conn.OpenAsync(ct);
        await using var tx = (SqliteTransaction)await conn.BeginTransactionAsync(ct);

        await using var insertCase = Command(conn, tx, InsertCaseSql, [.. CaseIntakeColumns.FromReport.Select(c => c.Name)]);
        await using var insertHistory = Command(conn, tx, InsertHistorySql,
            "case_id", "district_code", "at", "actor_user_id", "actor_name", "action", "status", "note");
        await using var insertAudit = Command(conn, tx, InsertAuditSql,
            "at", "user_id", "user_name", "entity_id", "area_code", "district_code", "summary", "ip");
        await using var insertDirty = Command(conn, tx, "INSERT INTO case_stats_dirty (area_code, day) VALUES ($area_code, $day)", "area_code", "day");
        await using var keyTaken = Command(conn, tx, "SELECT 1 FROM cases WHERE idempotency_key = $key", "key");

        var outcomes = new IntakeOutcome[batch.Count];
        var dirty = new HashSet<(string, string)>();
        for (var i = 0; i < batch.Count; i++)
        {
            var r = batch[i];
            var c = r.Case;
            for (var p = 0; p < CaseIntakeColumns.FromReport.Count; p++)
                insertCase.Parameters[p].Value = CaseIntakeColumns.FromReport[p].ValueOf(c) ?? DBNull.Value;
            if (await insertCase.ExecuteScalarAsync(ct) is not long id)
            {
                var taken = c.IdempotencyKey is { } key && await Scalar(keyTaken, ct, key) is not null;
                outcomes[i] = new IntakeOutcome(taken ? IntakeOutcomeKind.KeyTaken : IntakeOutcomeKind.TrackingTaken);
                continue;
            }
            outcomes[i] = new IntakeOutcome(IntakeOutcomeKind.Created, id);
            Set(insertHistory, id, c.DistrictCode, c.ReportedAt, r.ActorUserId, r.ActorName, CaseAction.Report.Wire(), (int)CaseStatus.Reported, r.HistoryNote);
            await insertHistory.ExecuteNonQueryAsync(ct);
            var district = AreaCode.DistrictOf(c.AreaCode);
            Set(insertAudit, now, r.ActorUserId, r.AuditUserName, id.ToString(System.Globalization.CultureInfo.InvariantCulture), c.AreaCode, district,
                auditSummary(r.CaseType, c), r.Ip);
            await insertAudit.ExecuteNonQueryAsync(ct);
            if (AreaCode.Truncate(c.AreaCode, AreaCode.CommunityLength) is { } community && dirty.Add((community, Domain.Indicators.ChinaDay.Key(c.ReportedAt))))
            {
                Set(insertDirty, community, Domain.Indicators.ChinaDay.Key(c.ReportedAt));
                await insertDirty.ExecuteNonQueryAsync(ct);
                // No hourly marker: the report is the case's one instant, and the hourly pass finds it by time.
            }
        }
        await tx.CommitAsync(ct);
        return outcomes;
    }

    private static string Insert(InsertRow row) => $"INSERT INTO {row.Into} VALUES ({row.Values})";

    private static SqliteCommand Command(SqliteConnection conn, SqliteTransaction tx, string sql, params string[] parameters)
    {
        var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var p in parameters) cmd.AddParameter("$" + p);
        return cmd;
    }

    private static void Set(DbCommand cmd, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) cmd.Parameters[i].Value = values[i] ?? DBNull.Value;
    }

    private static Task<object?> Scalar(DbCommand cmd, CancellationToken ct, params object?[] values)
    {
        Set(cmd, values);
        return cmd.ExecuteScalarAsync(ct);
    }
}
