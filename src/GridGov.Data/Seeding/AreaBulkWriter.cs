using System.Data.Common;
using GridGov.Data.Entities;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace GridGov.Data.Seeding;

/// <summary>
/// Writes many areas fast: PostgreSQL binary COPY for a fresh load, a prepared upsert otherwise. Both run inside
/// the caller's transaction so an import is all-or-nothing.
/// </summary>
public static class AreaBulkWriter
{
    private const string Columns =
        "code, kind, name, parent_code, district_code, boundary, min_lon, min_lat, max_lon, max_lat, synthetic, dedicated_type, updated_at";

    /// <summary>PostgreSQL COPY: the fastest path, for tables known not to hold these codes yet.</summary>
    public static async Task<int> CopyAsync(NpgsqlConnection conn, IEnumerable<Area> rows, Action<int>? progress, CancellationToken ct)
    {
        var n = 0;
        await using var copy = await conn.BeginBinaryImportAsync($"COPY areas ({Columns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var a in rows)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(a.Code, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync((int)a.Kind, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(a.Name, NpgsqlDbType.Varchar, ct);
            await WriteNullable(copy, a.ParentCode, NpgsqlDbType.Varchar, ct);
            await WriteNullable(copy, a.DistrictCode, NpgsqlDbType.Varchar, ct);
            await WriteNullable(copy, a.Boundary, NpgsqlDbType.Bytea, ct);
            await WriteNullable(copy, a.MinLon, NpgsqlDbType.Double, ct);
            await WriteNullable(copy, a.MinLat, NpgsqlDbType.Double, ct);
            await WriteNullable(copy, a.MaxLon, NpgsqlDbType.Double, ct);
            await WriteNullable(copy, a.MaxLat, NpgsqlDbType.Double, ct);
            await copy.WriteAsync(a.Synthetic, NpgsqlDbType.Boolean, ct);
            await WriteNullable(copy, a.DedicatedType, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(a.UpdatedAt, NpgsqlDbType.TimestampTz, ct);
            if (++n % 1000 == 0) progress?.Invoke(n);
        }
        await copy.CompleteAsync(ct);
        progress?.Invoke(n);
        return n;
    }

    private static Task WriteNullable<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, type, ct);

    private static Task WriteNullable<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct) where T : struct =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value.Value, type, ct);

    /// <summary>
    /// Inserts or replaces areas by code with one prepared statement (both providers support ON CONFLICT).
    /// Returns how many codes were new.
    /// </summary>
    public static async Task<(int Inserted, int Updated)> UpsertAsync(
        DbConnection conn, DbTransaction tx, IEnumerable<Area> rows, Action<int>? progress, CancellationToken ct)
    {
        await using var exists = conn.CreateCommand();
        exists.Transaction = tx;
        exists.CommandText = "SELECT 1 FROM areas WHERE code = @code";
        var existsCode = exists.AddParameter("@code");

        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"""
            INSERT INTO areas ({Columns})
            VALUES (@code, @kind, @name, @parent, @district, @boundary, @minlon, @minlat, @maxlon, @maxlat, @synthetic, @dtype, @updated)
            ON CONFLICT (code) DO UPDATE SET kind = excluded.kind, name = excluded.name, parent_code = excluded.parent_code,
              district_code = excluded.district_code, boundary = excluded.boundary, min_lon = excluded.min_lon,
              min_lat = excluded.min_lat, max_lon = excluded.max_lon, max_lat = excluded.max_lat,
              synthetic = excluded.synthetic, dedicated_type = excluded.dedicated_type, updated_at = excluded.updated_at
            """;
        var p = new[] { "@code", "@kind", "@name", "@parent", "@district", "@boundary", "@minlon", "@minlat", "@maxlon", "@maxlat", "@synthetic", "@dtype", "@updated" }
            .Select(name => cmd.AddParameter(name)).ToArray();
        if (conn is NpgsqlConnection)
        {
            ((NpgsqlParameter)p[6]).NpgsqlDbType = NpgsqlDbType.Double;
            ((NpgsqlParameter)p[7]).NpgsqlDbType = NpgsqlDbType.Double;
            ((NpgsqlParameter)p[8]).NpgsqlDbType = NpgsqlDbType.Double;
            ((NpgsqlParameter)p[9]).NpgsqlDbType = NpgsqlDbType.Double;
            ((NpgsqlParameter)p[5]).NpgsqlDbType = NpgsqlDbType.Bytea;
            ((NpgsqlParameter)p[3]).NpgsqlDbType = NpgsqlDbType.Varchar;
            ((NpgsqlParameter)p[4]).NpgsqlDbType = NpgsqlDbType.Varchar;
            ((NpgsqlParameter)p[11]).NpgsqlDbType = NpgsqlDbType.Varchar;
            ((NpgsqlParameter)p[12]).NpgsqlDbType = NpgsqlDbType.TimestampTz;
        }
        int inserted = 0, updated = 0;
        foreach (var a in rows)
        {
            existsCode.Value = a.Code;
            var isNew = await exists.ExecuteScalarAsync(ct) is null;
            object?[] values = [a.Code, (int)a.Kind, a.Name, a.ParentCode, a.DistrictCode, a.Boundary,
                a.MinLon, a.MinLat, a.MaxLon, a.MaxLat, a.Synthetic, a.DedicatedType, a.UpdatedAt];
            for (var i = 0; i < values.Length; i++) p[i].Value = values[i] ?? DBNull.Value;
            await cmd.ExecuteNonQueryAsync(ct);
            if (isNew) inserted++; else updated++;
            if ((inserted + updated) % 1000 == 0) progress?.Invoke(inserted + updated);
        }
        progress?.Invoke(inserted + updated);
        return (inserted, updated);
    }

    /// <summary>Opens a raw connection of the right type for bulk work.</summary>
    public static DbConnection Open(DatabaseProvider provider, string cs)
    {
        DbConnection conn = provider == DatabaseProvider.Postgres ? new NpgsqlConnection(cs) : new SqliteConnection(cs);
        conn.Open();
        return conn;
    }
}
