using System.Data.Common;
using GridGov.Data.Entities;
using GridGov.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace GridGov.Data.People;

/// <summary>What a commit wrote.</summary>
public sealed record ImportCommitCounts(int Created, int Updated, int Linked, int Relinked, int Reviews);

/// <summary>
/// The bulk paths of a residents' import, outside EF's per-row change tracking and audit (the batch is audited as one
/// entry by the caller): staged rows go in by binary COPY on PostgreSQL and one prepared insert in one transaction on
/// SQLite; the commit is a handful of set-based statements from the staged rows, in the caller's transaction.
/// </summary>
public static class PeopleImportStore
{
    private static readonly string[] Columns =
    [
        "batch_id", "district_code", "row_number", "outcome", "errors", "name", "id_number_masked", "id_number_cipher", "id_number_hash",
        "id_body_hash", "document_masked", "document_cipher", "birth_date", "sex", "phone_masked", "phone_cipher", "phone_hash",
        "registration", "tags", "house_id", "relation", "moved_in", "area_code", "person_id", "adds_link", "changes_link_id", "review_reason", "new_person_id",
    ];

    /// <summary>Writes staged rows in the current transaction of <paramref name="db"/>, or in one of their own.</summary>
    public static async Task WriteRowsAsync(GridGovDb db, IReadOnlyList<PeopleImportRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var conn = db.Database.GetDbConnection();
        if (conn is NpgsqlConnection pg)
        {
            await TakePersonIdsAsync(pg, rows, ct);
            await CopyAsync(pg, rows, ct);
        }
        else await InsertAsync(conn, db.Database.CurrentTransaction!.GetDbTransaction(), rows, ct);
        if (own is not null) await own.CommitAsync(ct);
    }

    /// <summary>
    /// PostgreSQL: a connection of its own for copying staged rows in while the caller goes on matching (null on SQLite,
    /// where the rows go in through <see cref="WriteRowsAsync"/>).
    /// </summary>
    public static async Task<NpgsqlConnection?> OpenStagingWriterAsync(GridGovDb db, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql()) return null;
        var conn = new NpgsqlConnection(db.Database.GetConnectionString());
        await conn.OpenAsync(ct);
        return conn;
    }

    /// <summary>New people's ids taken and the rows copied in, on <paramref name="conn"/> (each COPY is atomic).</summary>
    public static async Task CopyRowsAsync(NpgsqlConnection conn, IReadOnlyList<PeopleImportRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        await TakePersonIdsAsync(conn, rows, ct);
        await CopyAsync(conn, rows, ct);
    }

    /// <summary>
    /// New people get their ids from the registry's sequence while they are staged (one statement per chunk), so the
    /// commit inserts them as they are instead of rewriting every staged new row first. An id taken by a batch that is
    /// never committed is a gap in the sequence, as a rolled-back insert leaves.
    /// </summary>
    private static async Task TakePersonIdsAsync(NpgsqlConnection conn, IReadOnlyList<PeopleImportRow> rows, CancellationToken ct)
    {
        var count = 0;
        foreach (var r in rows) if (r.Outcome == ImportOutcome.New && r.NewPersonId is null) count++;
        if (count == 0) return;
        await using var cmd = new NpgsqlCommand("SELECT nextval(pg_get_serial_sequence('people', 'id')) FROM generate_series(1, @n)", conn);
        cmd.Parameters.AddWithValue("n", count);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        foreach (var r in rows)
        {
            if (r.Outcome != ImportOutcome.New || r.NewPersonId is not null) continue;
            await reader.ReadAsync(ct);
            r.NewPersonId = reader.GetInt64(0);
        }
    }

    private static async Task CopyAsync(NpgsqlConnection conn, IReadOnlyList<PeopleImportRow> rows, CancellationToken ct)
    {
        // The synchronous writes: an awaited call per value costs more than the copy itself (a chunk is a few hundred KB).
        await using var copy = await conn.BeginBinaryImportAsync($"COPY people_import_rows ({string.Join(", ", Columns)}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var r in rows)
        {
            copy.StartRow();
            copy.Write(r.BatchId, NpgsqlDbType.Bigint);
            copy.Write(r.DistrictCode, NpgsqlDbType.Varchar);
            copy.Write(r.RowNumber, NpgsqlDbType.Integer);
            copy.Write((int)r.Outcome, NpgsqlDbType.Integer);
            Text(copy, r.Errors);
            Text(copy, r.Name);
            Text(copy, r.IdNumberMasked);
            Text(copy, r.IdNumberCipher);
            Text(copy, r.IdNumberHash);
            Text(copy, r.IdBodyHash);
            Text(copy, r.DocumentMasked);
            Text(copy, r.DocumentCipher);
            if (r.BirthDate is { } birth) copy.Write(birth, NpgsqlDbType.Date); else copy.WriteNull();
            Int(copy, (int?)r.Sex);
            Text(copy, r.PhoneMasked);
            Text(copy, r.PhoneCipher);
            Text(copy, r.PhoneHash);
            Int(copy, (int?)r.Registration);
            Text(copy, r.Tags);
            Long(copy, r.HouseId);
            Int(copy, (int?)r.Relation);
            if (r.MovedIn is { } day) copy.Write(day, NpgsqlDbType.Date); else copy.WriteNull();
            Text(copy, r.AreaCode);
            Long(copy, r.PersonId);
            copy.Write(r.AddsLink, NpgsqlDbType.Boolean);
            Long(copy, r.ChangesLinkId);
            Int(copy, (int?)r.ReviewReason);
            Long(copy, r.NewPersonId);
        }
        await copy.CompleteAsync(ct);
    }

    private static void Text(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null) copy.WriteNull(); else copy.Write(value, NpgsqlDbType.Varchar);
    }

    private static void Int(NpgsqlBinaryImporter copy, int? value)
    {
        if (value is null) copy.WriteNull(); else copy.Write(value.Value, NpgsqlDbType.Integer);
    }

    private static void Long(NpgsqlBinaryImporter copy, long? value)
    {
        if (value is null) copy.WriteNull(); else copy.Write(value.Value, NpgsqlDbType.Bigint);
    }

    private static async Task InsertAsync(DbConnection conn, DbTransaction? tx, IReadOnlyList<PeopleImportRow> rows, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"INSERT INTO people_import_rows ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select(c => "@" + c))})";
        var p = Columns.ToDictionary(c => c, c =>
        {
            var parameter = cmd.CreateParameter();
            parameter.ParameterName = "@" + c;
            cmd.Parameters.Add(parameter);
            return parameter;
        });
        await cmd.PrepareAsync(ct);
        foreach (var r in rows)
        {
            p["batch_id"].Value = r.BatchId;
            p["district_code"].Value = r.DistrictCode;
            p["row_number"].Value = r.RowNumber;
            p["outcome"].Value = (int)r.Outcome;
            p["errors"].Value = Db(r.Errors);
            p["name"].Value = Db(r.Name);
            p["id_number_masked"].Value = Db(r.IdNumberMasked);
            p["id_number_cipher"].Value = Db(r.IdNumberCipher);
            p["id_number_hash"].Value = Db(r.IdNumberHash);
            p["id_body_hash"].Value = Db(r.IdBodyHash);
            p["document_masked"].Value = Db(r.DocumentMasked);
            p["document_cipher"].Value = Db(r.DocumentCipher);
            p["birth_date"].Value = r.BirthDate is { } b ? b.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : DBNull.Value;
            p["sex"].Value = r.Sex is { } s ? (int)s : DBNull.Value;
            p["phone_masked"].Value = Db(r.PhoneMasked);
            p["phone_cipher"].Value = Db(r.PhoneCipher);
            p["phone_hash"].Value = Db(r.PhoneHash);
            p["registration"].Value = r.Registration is { } g ? (int)g : DBNull.Value;
            p["tags"].Value = Db(r.Tags);
            p["house_id"].Value = r.HouseId is { } h ? h : DBNull.Value;
            p["relation"].Value = r.Relation is { } rel ? (int)rel : DBNull.Value;
            p["moved_in"].Value = r.MovedIn is { } m ? m.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : DBNull.Value;
            p["area_code"].Value = Db(r.AreaCode);
            p["person_id"].Value = r.PersonId is { } pid ? pid : DBNull.Value;
            p["adds_link"].Value = r.AddsLink;
            p["changes_link_id"].Value = r.ChangesLinkId is { } l ? l : DBNull.Value;
            p["review_reason"].Value = r.ReviewReason is { } rr ? (int)rr : DBNull.Value;
            p["new_person_id"].Value = r.NewPersonId is { } np ? np : DBNull.Value;
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    private static object Db(string? value) => value is null ? DBNull.Value : value;

    /// <summary>
    /// Writes a matched batch into the registry, in the caller's transaction: new people (ids taken first, so their
    /// links can name them), updates of matched records (phone and tags only when the file has those columns), new
    /// links, changed relations, and the review items. A person registered meanwhile with one of the new ID numbers
    /// breaks the unique index and the whole commit (nothing half-written).
    /// </summary>
    public static async Task<ImportCommitCounts> CommitAsync(GridGovDb db, long batchId, string areaCode, bool phoneColumn, bool tagsColumn,
        DateOnly today, DateTime now, CancellationToken ct, Action<string, long>? step = null)
    {
        var t = System.Diagnostics.Stopwatch.GetTimestamp();
        void Step(string name)
        {
            step?.Invoke(name, t);
            t = System.Diagnostics.Stopwatch.GetTimestamp();
        }
        var postgres = db.Database.IsNpgsql();
        var district = areaCode[..6];
        var b = batchId;
        // PostgreSQL: taken while staging (TakePersonIdsAsync); the statement only finds rows of a batch staged before
        // that. SQLite has no sequence: after the largest id, in the commit's transaction (one writer at a time).
        await db.Database.ExecuteSqlRawAsync(postgres
            ? "UPDATE people_import_rows SET new_person_id = nextval(pg_get_serial_sequence('people', 'id')) WHERE batch_id = {0} AND outcome = 2 AND new_person_id IS NULL"
            : """
              UPDATE people_import_rows SET new_person_id = t.pid
              FROM (SELECT id, (SELECT COALESCE(MAX(id), 0) FROM people) + ROW_NUMBER() OVER (ORDER BY id) AS pid
                    FROM people_import_rows WHERE batch_id = {0} AND outcome = 2) AS t
              WHERE people_import_rows.id = t.id
              """, [b], ct);
        Step("commit: new ids");
        var created = await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO people (id, name, area_code, district_code, id_number_masked, id_number_cipher, id_number_hash, document_masked,
                document_cipher, birth_date, sex, phone_masked, phone_cipher, phone_hash, id_body_hash, registration, tags, created_at, updated_at)
            SELECT new_person_id, name, area_code, substr(area_code, 1, 6), id_number_masked, id_number_cipher, id_number_hash, document_masked,
                document_cipher, birth_date, sex, phone_masked, phone_cipher, phone_hash, id_body_hash, registration, COALESCE(tags, ''), {1}, {1}
            FROM people_import_rows WHERE batch_id = {0} AND outcome = 2
            """, [b, now], ct);
        Step("commit: insert people");
        // Living in a house of the batch (not only working there) makes it the person's home area, as moving in does.
        var updated = await db.Database.ExecuteSqlRawAsync("""
            UPDATE people AS p SET
                name = r.name,
                registration = r.registration,
                phone_masked = CASE WHEN {1} THEN r.phone_masked ELSE p.phone_masked END,
                phone_cipher = CASE WHEN {1} THEN r.phone_cipher ELSE p.phone_cipher END,
                phone_hash = CASE WHEN {1} THEN r.phone_hash ELSE p.phone_hash END,
                tags = CASE WHEN {2} THEN COALESCE(r.tags, '') ELSE p.tags END,
                area_code = CASE WHEN r.adds_link AND r.relation <> 5 THEN r.area_code ELSE p.area_code END,
                district_code = CASE WHEN r.adds_link AND r.relation <> 5 THEN substr(r.area_code, 1, 6) ELSE p.district_code END,
                updated_at = {3}
            FROM people_import_rows AS r
            WHERE r.batch_id = {0} AND r.outcome = 3 AND p.id = r.person_id
            """, [b, phoneColumn, tagsColumn, now], ct);
        Step("commit: update people");
        var linked = await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO residences (person_id, house_id, relation, "from", area_code, district_code, created_at)
            SELECT COALESCE(r.new_person_id, r.person_id), r.house_id, r.relation, COALESCE(r.moved_in, {1}), h.area_code, h.district_code, {2}
            FROM people_import_rows AS r JOIN houses AS h ON h.id = r.house_id
            WHERE r.batch_id = {0} AND r.outcome IN (2, 3) AND r.adds_link
            """, [b, today, now], ct);
        Step("commit: insert links");
        var relinked = await db.Database.ExecuteSqlRawAsync("""
            UPDATE residences SET relation = r.relation
            FROM people_import_rows AS r
            WHERE r.batch_id = {0} AND r.outcome = 3 AND residences.id = r.changes_link_id
            """, [b], ct);
        Step("commit: relations");
        var reviews = await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO people_import_reviews (batch_id, row_id, person_id, reason, area_code, district_code, status, created_at)
            SELECT batch_id, id, person_id, review_reason, {1}, {2}, 1, {3}
            FROM people_import_rows WHERE batch_id = {0} AND outcome = 5
            """, [b, areaCode, district, now], ct);
        Step("commit: reviews");
        return new ImportCommitCounts(created, updated, linked, relinked, reviews);
    }
}
