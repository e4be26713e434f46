using System.Data.Common;
using GridGov.Data.Seeding;
using GridGov.Domain.Cases;
using Npgsql;

namespace GridGov.Data.Cases;

/// <summary>A breach the sweep claimed, as the case is after the claim (its new level).</summary>
public readonly record struct ClaimedBreach(long Id, string AreaCode, string DistrictCode, HandlerLevel Level, long? AssigneeUserId,
    CaseStatus Status, string TrackingNo);

/// <summary>
/// What the sweep records for a claimed breach: the history note, which is also the notifications' message, the
/// supervising area to notify, and the user to notify (null: none).
/// </summary>
public readonly record struct BreachNotice(string Message, string SupervisingArea, long? User);

/// <summary>
/// The deadline sweep's statements: each batch claims breaches with a conditional UPDATE (escalated_for_due_at :=
/// resolve_due_at, only where it differs, so concurrent sweeps claim each breach once), then writes their history rows
/// and notifications, all in one transaction. The caller says which statuses run the clock, the highest level, and
/// what each breach says to whom.
/// </summary>
public sealed class DeadlineSweepSql
{
    private readonly DatabaseProvider _provider;
    private readonly string _connectionString;
    private readonly string _claimSql;

    public DeadlineSweepSql(DatabaseProvider provider, string connectionString, IEnumerable<CaseStatus> clockRunning, HandlerLevel highest,
        int batch)
    {
        (_provider, _connectionString) = (provider, connectionString);
        var open = string.Join(",", clockRunning.Select(s => (int)s));
        // The inner SELECT uses the (status, resolve_due_at) index; the outer WHERE repeats the claim condition so
        // that a row another node escalated meanwhile is skipped, not escalated twice.
        _claimSql = $"""
            UPDATE cases SET escalated_for_due_at = resolve_due_at, escalation_count = escalation_count + 1,
              handler_level = CASE WHEN handler_level < {(int)highest} THEN handler_level + 1 ELSE {(int)highest} END,
              version = version + 1
            WHERE id IN (
              SELECT id FROM cases
              WHERE status IN ({open}) AND resolve_due_at < @now
                AND (escalated_for_due_at IS NULL OR escalated_for_due_at <> resolve_due_at)
              ORDER BY resolve_due_at LIMIT {batch} {(provider == DatabaseProvider.Postgres ? "FOR UPDATE SKIP LOCKED" : "")})
              AND (escalated_for_due_at IS NULL OR escalated_for_due_at <> resolve_due_at)
            RETURNING id, area_code, district_code, handler_level, assignee_user_id, status, tracking_no
            """;
    }

    // PostgreSQL: a whole batch's history rows and notifications in two statements (arrays as parameters).
    private static readonly string HistoryFromArraysSql = $"""
        INSERT INTO {History("i", "d", "s", "m").Into}
        SELECT {History("i", "d", "s", "m").Values} FROM unnest(@ids, @districts, @statuses, @messages) AS t(i, d, s, m)
        """;

    private static readonly string NotificationsFromArraysSql = $"""
        INSERT INTO {Notification("NULL", "a", "i", "m").Into}
        SELECT {Notification("NULL", "a", "i", "m").Values} FROM unnest(@areas, @ids, @messages) AS t(a, i, m)
        UNION ALL
        SELECT {Notification("u", "NULL", "i", "m").Values} FROM unnest(@users, @uids, @umessages) AS t(u, i, m)
        """;

    // SQLite: one row per execution of a prepared statement.
    private static readonly string HistoryRowSql = $"""
        INSERT INTO {History("@case", "@district", "@status", "@note").Into}
        VALUES ({History("@case", "@district", "@status", "@note").Values})
        """;

    private static readonly string NotificationRowSql = $"""
        INSERT INTO {Notification("@user", "@area", "@case", "@message").Into}
        VALUES ({Notification("@user", "@area", "@case", "@message").Values})
        """;

    private static CaseHistoryInsert History(string caseId, string district, string status, string note) =>
        new(CaseId: caseId, DistrictCode: district, At: "@at", ActorUserId: "NULL", ActorName: "'system'", Action: "'escalate'",
            FromStatus: status, ToStatus: status, Note: note);

    private static NotificationInsert Notification(string user, string area, string caseId, string message) =>
        new(UserId: user, AreaCode: area, CaseId: caseId, Kind: "'overdue'", Message: message, CreatedAt: "@at");

    /// <summary>Claims up to one batch of breaches as of <paramref name="now"/> and records each; the number claimed.</summary>
    public async Task<int> EscalateBatchAsync(DateTime now, Func<ClaimedBreach, BreachNotice> notice, CancellationToken ct)
    {
        await using var conn = AreaBulkWriter.Open(_provider, _connectionString);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var claimed = new List<ClaimedBreach>();
        await using (var cmd = conn.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = _claimSql;
            cmd.AddParameter("@now", now);
            await using DbDataReader r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                claimed.Add(new ClaimedBreach(r.GetInt64(0), r.GetString(1), r.GetString(2), (HandlerLevel)r.GetInt32(3),
                    r.IsDBNull(4) ? null : r.GetInt64(4), (CaseStatus)r.GetInt32(5), r.GetString(6)));
        }
        if (claimed.Count > 0)
        {
            var notices = claimed.Select(notice).ToList();
            if (_provider == DatabaseProvider.Postgres)
                await RecordSetBasedAsync((NpgsqlConnection)conn, (NpgsqlTransaction)tx, claimed, notices, now, ct);
            else await RecordAsync(conn, tx, claimed, notices, now, ct);
        }
        await tx.CommitAsync(ct);
        return claimed.Count;
    }

    private static async Task RecordSetBasedAsync(NpgsqlConnection conn, NpgsqlTransaction tx, List<ClaimedBreach> claimed,
        List<BreachNotice> notices, DateTime now, CancellationToken ct)
    {
        var ids = claimed.Select(c => c.Id).ToArray();
        var messages = notices.Select(n => n.Message).ToArray();
        await using (var history = new NpgsqlCommand(HistoryFromArraysSql, conn, tx))
        {
            history.Parameters.AddWithValue("at", now);
            history.Parameters.AddWithValue("ids", ids);
            history.Parameters.AddWithValue("districts", claimed.Select(c => c.DistrictCode).ToArray());
            history.Parameters.AddWithValue("statuses", claimed.Select(c => (int)c.Status).ToArray());
            history.Parameters.AddWithValue("messages", messages);
            await history.ExecuteNonQueryAsync(ct);
        }
        var toUsers = notices.Select((n, i) => (n, i)).Where(x => x.n.User is not null).ToList();
        await using (var notify = new NpgsqlCommand(NotificationsFromArraysSql, conn, tx))
        {
            notify.Parameters.AddWithValue("at", now);
            notify.Parameters.AddWithValue("areas", notices.Select(n => n.SupervisingArea).ToArray());
            notify.Parameters.AddWithValue("ids", ids);
            notify.Parameters.AddWithValue("messages", messages);
            notify.Parameters.AddWithValue("users", toUsers.Select(x => x.n.User!.Value).ToArray());
            notify.Parameters.AddWithValue("uids", toUsers.Select(x => ids[x.i]).ToArray());
            notify.Parameters.AddWithValue("umessages", toUsers.Select(x => messages[x.i]).ToArray());
            await notify.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task RecordAsync(DbConnection conn, DbTransaction tx, List<ClaimedBreach> claimed, List<BreachNotice> notices,
        DateTime now, CancellationToken ct)
    {
        await using var history = conn.CreateCommand();
        history.Transaction = tx;
        history.CommandText = HistoryRowSql;
        await using var notify = conn.CreateCommand();
        notify.Transaction = tx;
        notify.CommandText = NotificationRowSql;
        var (hCase, hDistrict, hAt, hStatus, hNote) = (history.AddParameter("@case"), history.AddParameter("@district"),
            history.AddParameter("@at"), history.AddParameter("@status"), history.AddParameter("@note"));
        var (nUser, nArea, nCase, nMessage, nAt) = (notify.AddParameter("@user"), notify.AddParameter("@area"),
            notify.AddParameter("@case"), notify.AddParameter("@message"), notify.AddParameter("@at"));
        hAt.Value = now;
        nAt.Value = now;
        for (var i = 0; i < claimed.Count; i++)
        {
            var (c, n) = (claimed[i], notices[i]);
            hCase.Value = c.Id; hDistrict.Value = c.DistrictCode; hStatus.Value = (int)c.Status; hNote.Value = n.Message;
            await history.ExecuteNonQueryAsync(ct);
            // The supervising area at the new level, and the user if any.
            nCase.Value = c.Id; nMessage.Value = n.Message;
            nUser.Value = DBNull.Value; nArea.Value = n.SupervisingArea;
            await notify.ExecuteNonQueryAsync(ct);
            if (n.User is { } user)
            {
                nUser.Value = user; nArea.Value = DBNull.Value;
                await notify.ExecuteNonQueryAsync(ct);
            }
        }
    }
}
