using GridGov.Domain.Areas;
using GridGov.Domain.Cases;
using GridGov.Web.Features.Indicators;
using GridGov.Web.Hosting.Security;
using Npgsql;

namespace GridGov.Web.Features.Cases;

/// <summary>
/// A batch of reports in ONE statement (one round trip, one implicit transaction): the cases from arrays with
/// ON CONFLICT DO NOTHING (a taken idempotency key or tracking number skips that row only), and — in the same
/// statement, for the rows that went in — their history rows, audit entries and stats dirty-markers.
/// </summary>
public sealed class IntakeBatchPostgres(string connectionString) : IIntakeBatchStore
{
    private const string Sql = """
        WITH input AS (
            SELECT * FROM unnest(@tracking_no, @category_code, @description, @source, @lon, @lat, @address_text, @area_code,
                @district_code, @location_flagged, @reporter_user_id, @reporter_name, @reporter_phone_masked, @reporter_phone_cipher,
                @handler_level, @reported_at, @idempotency_key, @actor_user_id, @actor_name, @note, @audit_user_name, @audit_district,
                @audit_summary, @ip, @dirty_area, @dirty_day)
            AS t(tracking_no, category_code, description, source, lon, lat, address_text, area_code, district_code, location_flagged,
                reporter_user_id, reporter_name, reporter_phone_masked, reporter_phone_cipher, handler_level, reported_at, idempotency_key,
                actor_user_id, actor_name, note, audit_user_name, audit_district, audit_summary, ip, dirty_area, dirty_day)
        ), ins AS (
            INSERT INTO cases (tracking_no, category_code, description, source, status, pending, lon, lat, address_text, area_code,
                district_code, location_flagged, reporter_user_id, reporter_name, reporter_phone_masked, reporter_phone_cipher,
                handler_level, reported_at, suspended_hours, escalation_count, rework_count, idempotency_key, version, self_resolved)
            SELECT tracking_no, category_code, description, source, @status, 0, lon, lat, address_text, area_code,
                district_code, location_flagged, reporter_user_id, reporter_name, reporter_phone_masked, reporter_phone_cipher,
                handler_level, reported_at, 0, 0, 0, idempotency_key, 1, false
            FROM input
            ON CONFLICT DO NOTHING
            RETURNING id, tracking_no
        ), history AS (
            INSERT INTO case_history (case_id, district_code, at, actor_user_id, actor_name, action, from_status, to_status, note)
            SELECT ins.id, i.district_code, i.reported_at, i.actor_user_id, i.actor_name, @action, @status, @status, i.note
            FROM ins JOIN input i ON i.tracking_no = ins.tracking_no
        ), audit AS (
            INSERT INTO audit_log (at, user_id, user_name, action, entity_type, entity_id, area_code, district_code, summary, ip)
            SELECT @now, i.actor_user_id, i.audit_user_name, 'create', 'Case', ins.id::text, i.area_code, i.audit_district, i.audit_summary, i.ip
            FROM ins JOIN input i ON i.tracking_no = ins.tracking_no
        ), dirty AS (
            INSERT INTO case_stats_dirty (area_code, day)
            SELECT DISTINCT i.dirty_area, i.dirty_day
            FROM ins JOIN input i ON i.tracking_no = ins.tracking_no
            WHERE i.dirty_area IS NOT NULL
        )
        SELECT id, tracking_no FROM ins
        """;

    public async Task<IReadOnlyList<IntakeOutcome>> WriteAsync(IReadOnlyList<PendingIntake> batch, CancellationToken ct)
    {
        var n = batch.Count;
        var now = DateTime.UtcNow;
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(Sql, conn);
        cmd.Parameters.AddWithValue("status", (int)CaseStatus.Reported);
        cmd.Parameters.AddWithValue("action", CaseAction.Report.Wire());
        cmd.Parameters.AddWithValue("now", now);
        Add(cmd, "tracking_no", batch, r => r.Case.TrackingNo);
        Add(cmd, "category_code", batch, r => r.Case.CategoryCode);
        Add(cmd, "description", batch, r => r.Case.Description);
        Add(cmd, "source", batch, r => r.Case.Source);
        Add(cmd, "lon", batch, r => r.Case.Lon);
        Add(cmd, "lat", batch, r => r.Case.Lat);
        Add(cmd, "address_text", batch, r => r.Case.AddressText);
        Add(cmd, "area_code", batch, r => r.Case.AreaCode);
        Add(cmd, "district_code", batch, r => r.Case.DistrictCode);
        Add(cmd, "location_flagged", batch, r => r.Case.LocationFlagged);
        Add(cmd, "reporter_user_id", batch, r => r.Case.ReporterUserId);
        Add(cmd, "reporter_name", batch, r => r.Case.ReporterName);
        Add(cmd, "reporter_phone_masked", batch, r => r.Case.ReporterPhoneMasked);
        Add(cmd, "reporter_phone_cipher", batch, r => r.Case.ReporterPhoneCipher);
        Add(cmd, "handler_level", batch, r => (int)r.Case.HandlerLevel);
        Add(cmd, "reported_at", batch, r => r.Case.ReportedAt);
        Add(cmd, "idempotency_key", batch, r => r.Case.IdempotencyKey);
        Add(cmd, "actor_user_id", batch, r => r.ActorUserId);
        Add(cmd, "actor_name", batch, r => r.ActorName);
        Add(cmd, "note", batch, r => r.HistoryNote);
        Add(cmd, "audit_user_name", batch, r => r.AuditUserName);
        Add(cmd, "audit_district", batch, r => AreaCode.DistrictOf(r.Case.AreaCode));
        Add(cmd, "audit_summary", batch, r => AuditInterceptor.CreatedSummary(r.CaseType, r.Case));
        Add(cmd, "ip", batch, r => r.Ip);
        Add(cmd, "dirty_area", batch, r => AreaCode.Truncate(r.Case.AreaCode, AreaCode.CommunityLength));
        Add(cmd, "dirty_day", batch, r => StatsDays.Day(r.Case.ReportedAt));

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
        return outcomes;
    }

    private static void Add<T>(NpgsqlCommand cmd, string name, IReadOnlyList<PendingIntake> batch, Func<PendingIntake, T> value)
    {
        var values = new T[batch.Count];
        for (var i = 0; i < values.Length; i++) values[i] = value(batch[i]);
        cmd.Parameters.AddWithValue(name, values);
    }
}
