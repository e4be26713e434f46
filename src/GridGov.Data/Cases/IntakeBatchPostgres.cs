using GridGov.Data.Audit;
using GridGov.Data.Entities;
using GridGov.Domain.Areas;
using GridGov.Domain.Geo;
using GridGov.Domain.Cases;
using Npgsql;

namespace GridGov.Data.Cases;

/// <summary>
/// A batch of reports in ONE statement (one round trip, one implicit transaction): the cases from arrays with
/// ON CONFLICT DO NOTHING (a taken idempotency key or tracking number skips that row only), and — in the same
/// statement, for the rows that went in — their history rows, audit entries and daily stats dirty-markers. (No hourly
/// marker: a new case's one instant is its report, which the hourly pass finds by time.)
/// The writer keeps one connection of its own: taken from the pool per batch, it rotated over every idle connection the
/// node's requests had opened (the pool hands them out in turn), so each batch met a backend whose caches and prepared
/// statements were cold, and PostgreSQL spent twice the CPU per case (bench/RESULTS.md, 2026-12-03 evening).
/// </summary>
public sealed class IntakeBatchPostgres(string connectionString, CreatedSummary auditSummary) : IIntakeBatchStore
{
    /// <summary>The writer's session as pg_stat_activity shows it (unless the connection string names one).</summary>
    public const string ApplicationName = "gridgov-intake-writer";

    // Outside the pool: the session is kept anyway, and after a failure the writer must get a new session, not an idle
    // pooled one that may have died with it (a server restart ends them all).
    private readonly string _connectionString = WriterConnectionString(connectionString);

    private NpgsqlConnection? _conn;

    /// <summary>What each report brings besides its case's columns: for its history row, audit entry and dirty-marker.</summary>
    private static readonly string[] ReportInputs =
        ["actor_user_id", "actor_name", "note", "audit_user_name", "audit_district", "audit_summary", "ip", "dirty_area", "dirty_day"];

    /// <summary>Built once from the shared column lists; the same text every batch (auto-prepared per connection).</summary>
    internal static readonly string Sql = BuildSql();

    private static string BuildSql()
    {
        var input = CaseIntakeColumns.FromReport.Select(c => c.Name).Concat(ReportInputs).ToList();
        var history = new CaseHistoryInsert(CaseId: "ins.id", DistrictCode: "i.district_code", At: "i.reported_at",
            ActorUserId: "i.actor_user_id", ActorName: "i.actor_name", Action: "@action", FromStatus: "@status", ToStatus: "@status", Note: "i.note");
        var audit = new AuditLogInsert(At: "@now", UserId: "i.actor_user_id", UserName: "i.audit_user_name", Action: "'create'",
            EntityType: "'Case'", EntityId: "ins.id::text", AreaCode: "i.area_code", DistrictCode: "i.audit_district", Summary: "i.audit_summary",
            Ip: "i.ip");
        return $"""
            WITH input AS (
                SELECT * FROM unnest({string.Join(", ", input.Select(n => "@" + n))})
                AS t({string.Join(", ", input)})
            ), ins AS (
                INSERT INTO {CaseIntakeColumns.Into}
                SELECT {CaseIntakeColumns.Values(DatabaseProvider.Postgres, name => name)}
                FROM input
                ON CONFLICT DO NOTHING
                RETURNING id, tracking_no
            ), history AS (
                INSERT INTO {history.Into}
                SELECT {history.Values}
                FROM ins JOIN input i ON i.tracking_no = ins.tracking_no
            ), audit AS (
                INSERT INTO {audit.Into}
                SELECT {audit.Values}
                FROM ins JOIN input i ON i.tracking_no = ins.tracking_no
            ), dirty AS (
                INSERT INTO case_stats_dirty (area_code, day)
                SELECT DISTINCT i.dirty_area, i.dirty_day
                FROM ins JOIN input i ON i.tracking_no = ins.tracking_no
                WHERE i.dirty_area IS NOT NULL
            )
            SELECT id, tracking_no FROM ins
            """;
    }

    /// <summary>
    /// The Cases module's likely duplicates (CaseIntake.LikelyDuplicates) for every new case of a batch at once, after the
    /// commit (so cases committed meanwhile, this batch's included, are seen as before): same category, open, within
    /// ~100 m, visible to the reporter as <see cref="DuplicateScope"/> says (their areas, assigned to them or their
    /// department, reported by them), the newest five.
    /// </summary>
    private const string DuplicatesSql = """
        SELECT i.ord, d.id, d.tracking_no, d.category_code, d.description, d.source, d.status, d.lon, d.lat, d.address_text, d.area_code,
            d.district_code, d.location_flagged, d.handler_level, d.assignee_user_id, d.assignee_department, d.reported_at, d.resolve_due_at,
            d.yellow_at, d.suspended_at, d.closed_at, d.rework_count, d.rating, d.version, d.reporter_user_id
        FROM unnest(@ord, @id, @category_code, @lat, @lon, @dlat, @dlon, @me, @row_from, @row_to)
            AS i(ord, id, category_code, lat, lon, dlat, dlon, me, row_from, row_to)
        CROSS JOIN LATERAL (
            -- One tight index scan per latitude row of the box (equality on lat_row, range on lon), the newest five of each,
            -- then the newest five of those.
            SELECT x.* FROM (VALUES (i.row_from), (i.row_from + 1), (i.row_from + 2)) AS r(lat_row)
            CROSS JOIN LATERAL (
                SELECT c.* FROM cases c
                WHERE c.category_code = i.category_code AND c.lat_row = r.lat_row AND c.lon >= i.lon - i.dlon AND c.lon <= i.lon + i.dlon
                  AND c.lat >= i.lat - i.dlat AND c.lat <= i.lat + i.dlat AND c.id <> i.id AND c.status = ANY(@open)
                  AND (c.assignee_user_id = i.me OR c.reporter_user_id = i.me
                       OR EXISTS (SELECT 1 FROM unnest(@dept_ord, @dept) AS x(ord, dept) WHERE x.ord = i.ord AND x.dept = c.assignee_department)
                       OR EXISTS (SELECT 1 FROM unnest(@area_ord, @area_from, @area_to) AS a(ord, area_from, area_to)
                                  WHERE a.ord = i.ord AND c.area_code >= a.area_from AND (a.area_to IS NULL OR c.area_code < a.area_to)))
                ORDER BY c.id DESC
                LIMIT 5) x
            WHERE r.lat_row <= i.row_to
            ORDER BY x.id DESC
            LIMIT 5) d
        ORDER BY i.ord, d.id DESC
        """;

    /// <summary>Called by the single writer loop only, one batch at a time (the connection is not shared).</summary>
    public async Task<IReadOnlyList<IntakeOutcome>> WriteAsync(IReadOnlyList<PendingIntake> batch, CancellationToken ct)
    {
        try
        {
            if (_conn is null)
            {
                _conn = new NpgsqlConnection(_connectionString);
                await _conn.OpenAsync(ct);
            }
            return await WriteAsync(_conn, batch, ct);
        }
        catch
        {
            // A connection that failed to open, broke or failed a batch is not reused: the next batch opens a new one.
            await DisposeAsync();
            throw;
        }
    }

    private static string WriterConnectionString(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        if (string.IsNullOrEmpty(b.ApplicationName)) b.ApplicationName = ApplicationName;
        return b.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_conn is { } conn)
        {
            _conn = null;
            await conn.DisposeAsync();
        }
    }

    private async Task<IReadOnlyList<IntakeOutcome>> WriteAsync(NpgsqlConnection conn, IReadOnlyList<PendingIntake> batch, CancellationToken ct)
    {
        var n = batch.Count;
        var now = DateTime.UtcNow;
        await using var cmd = new NpgsqlCommand(Sql, conn);
        cmd.Parameters.AddWithValue("status", (int)CaseStatus.Reported);
        cmd.Parameters.AddWithValue("action", CaseAction.Report.Wire());
        cmd.Parameters.AddWithValue("now", now);
        foreach (var column in CaseIntakeColumns.FromReport) cmd.Parameters.AddWithValue(column.Name, column.ValuesOf(batch));
        Add(cmd, "actor_user_id", batch, r => r.ActorUserId);
        Add(cmd, "actor_name", batch, r => r.ActorName);
        Add(cmd, "note", batch, r => r.HistoryNote);
        Add(cmd, "audit_user_name", batch, r => r.AuditUserName);
        Add(cmd, "audit_district", batch, r => AreaCode.DistrictOf(r.Case.AreaCode));
        Add(cmd, "audit_summary", batch, r => auditSummary(r.CaseType, r.Case));
        Add(cmd, "ip", batch, r => r.Ip);
        Add(cmd, "dirty_area", batch, r => AreaCode.Truncate(r.Case.AreaCode, AreaCode.CommunityLength));
        Add(cmd, "dirty_day", batch, r => Domain.Indicators.ChinaDay.Key(r.Case.ReportedAt));

        var ids = new Dictionary<string, long>(n, StringComparer.Ordinal);
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) ids[reader.GetString(1)] = reader.GetInt64(0);

        var outcomes = new IntakeOutcome[n];
        var skippedKeys = new List<string>();
        for (var i = 0; i < n; i++)
        {
            var c = batch[i].Case;
            if (ids.TryGetValue(c.TrackingNo, out var id)) outcomes[i] = new IntakeOutcome(IntakeOutcomeKind.Created, id);
            else if (c.IdempotencyKey is { } key) skippedKeys.Add(key);
        }
        var taken = new HashSet<string>(StringComparer.Ordinal);
        if (skippedKeys.Count > 0)
        {
            // Skipped rows: a retry whose key another report (here or on another node) already holds, or a tracking-number clash.
            await using var check = new NpgsqlCommand("SELECT idempotency_key FROM cases WHERE idempotency_key = ANY(@keys)", conn);
            check.Parameters.AddWithValue("keys", skippedKeys.ToArray());
            await using var reader = await check.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) taken.Add(reader.GetString(0));
        }
        for (var i = 0; i < n; i++)
        {
            if (outcomes[i].Kind == IntakeOutcomeKind.Created && outcomes[i].Id != 0) continue;
            outcomes[i] = batch[i].Case.IdempotencyKey is { } key && taken.Contains(key)
                ? new IntakeOutcome(IntakeOutcomeKind.KeyTaken) : new IntakeOutcome(IntakeOutcomeKind.TrackingTaken);
        }
        await FindDuplicatesAsync(conn, batch, outcomes, ct);
        return outcomes;
    }

    private static async Task FindDuplicatesAsync(NpgsqlConnection conn, IReadOnlyList<PendingIntake> batch, IntakeOutcome[] outcomes, CancellationToken ct)
    {
        var wanted = Enumerable.Range(0, batch.Count).Where(i => outcomes[i].Kind == IntakeOutcomeKind.Created && batch[i].Scope is not null).ToList();
        if (wanted.Count == 0) return;
        var found = wanted.ToDictionary(i => i, _ => new List<Case>());
        var dLat = GeoMath.MetersToLatDegrees(100);
        await using var cmd = new NpgsqlCommand(DuplicatesSql, conn);
        cmd.Parameters.AddWithValue("ord", wanted.ToArray());
        cmd.Parameters.AddWithValue("id", wanted.Select(i => outcomes[i].Id).ToArray());
        cmd.Parameters.AddWithValue("category_code", wanted.Select(i => batch[i].Case.CategoryCode).ToArray());
        cmd.Parameters.AddWithValue("lat", wanted.Select(i => batch[i].Case.Lat).ToArray());
        cmd.Parameters.AddWithValue("lon", wanted.Select(i => batch[i].Case.Lon).ToArray());
        cmd.Parameters.AddWithValue("dlat", wanted.Select(_ => dLat).ToArray());
        cmd.Parameters.AddWithValue("dlon", wanted.Select(i => GeoMath.MetersToLonDegrees(100, batch[i].Case.Lat)).ToArray());
        cmd.Parameters.AddWithValue("me", wanted.Select(i => batch[i].Scope!.Me).ToArray());
        var rowFrom = wanted.Select(i => GeoMath.LatRow(batch[i].Case.Lat - dLat)).ToArray();
        var rowTo = wanted.Select(i => GeoMath.LatRow(batch[i].Case.Lat + dLat)).ToArray();
        // A 200 m box is under two rows tall, so it touches at most three: the query looks at row_from … row_from + 2.
        if (rowFrom.Zip(rowTo).Any(r => r.Second - r.First > 2)) throw new InvalidOperationException("a duplicate box spans more than three latitude rows");
        cmd.Parameters.AddWithValue("row_from", rowFrom);
        cmd.Parameters.AddWithValue("row_to", rowTo);
        cmd.Parameters.AddWithValue("open", CaseStateMachine.Unresolved.Select(s => (int)s).ToArray());
        var departments = wanted.SelectMany(i => batch[i].Scope!.Departments.Select(d => (Ord: i, Dept: d))).ToList();
        cmd.Parameters.AddWithValue("dept_ord", departments.Select(d => d.Ord).ToArray());
        cmd.Parameters.AddWithValue("dept", departments.Select(d => d.Dept).ToArray());
        var areas = wanted.SelectMany(i => batch[i].Scope!.Areas.Select(a => (Ord: i, From: a, To: AreaCode.UpperBound(a)))).ToList();
        cmd.Parameters.AddWithValue("area_ord", areas.Select(a => a.Ord).ToArray());
        cmd.Parameters.AddWithValue("area_from", areas.Select(a => a.From).ToArray());
        cmd.Parameters.AddWithValue("area_to", areas.Select(a => a.To).ToArray());
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                found[r.GetInt32(0)].Add(new Case
                {
                    Id = r.GetInt64(1), TrackingNo = r.GetString(2), CategoryCode = r.GetString(3), Description = r.GetString(4), Source = r.GetString(5),
                    Status = (CaseStatus)r.GetInt32(6), Lon = r.GetDouble(7), Lat = r.GetDouble(8), AddressText = Text(r, 9), AreaCode = r.GetString(10),
                    DistrictCode = r.GetString(11), LocationFlagged = r.GetBoolean(12), HandlerLevel = (Domain.Cases.HandlerLevel)r.GetInt32(13),
                    AssigneeUserId = r.IsDBNull(14) ? null : r.GetInt64(14), AssigneeDepartment = Text(r, 15), ReportedAt = r.GetDateTime(16),
                    ResolveDueAt = Time(r, 17), YellowAt = Time(r, 18), SuspendedAt = Time(r, 19), ClosedAt = Time(r, 20),
                    ReworkCount = r.GetInt32(21), Rating = r.IsDBNull(22) ? null : r.GetInt32(22), Version = r.GetInt32(23),
                    ReporterUserId = r.IsDBNull(24) ? null : r.GetInt64(24),
                });
        foreach (var (i, list) in found) outcomes[i] = outcomes[i] with { Duplicates = list };
    }

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateTime? Time(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDateTime(i);

    private static void Add<T>(NpgsqlCommand cmd, string name, IReadOnlyList<PendingIntake> batch, Func<PendingIntake, T> value)
    {
        var values = new T[batch.Count];
        for (var i = 0; i < values.Length; i++) values[i] = value(batch[i]);
        cmd.Parameters.AddWithValue(name, values);
    }
}
