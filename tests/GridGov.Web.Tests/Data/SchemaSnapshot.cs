using System.Data.Common;
using GridGov.Data;
using GridGov.Data.Seeding;

namespace GridGov.Web.Tests.Data;

/// <summary>A provider's catalogue reduced to sorted lines (tables, columns, types, nullability, indexes, keys).</summary>
public static class SchemaSnapshot
{
    public static async Task<List<string>> TakeAsync(DatabaseProvider provider, string cs)
    {
        await using var conn = AreaBulkWriter.Open(provider, cs);
        var sql = provider == DatabaseProvider.Postgres
            ? """
              SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')
                     || ' null=' || is_nullable || ' identity=' || is_identity
              FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'schema_history'
              UNION ALL
              SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'schema_history'
              UNION ALL
              SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
              FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> 'schema_history'
              """
            : """
              SELECT 'column ' || m.name || '.' || c.name || ' ' || c.type || ' notnull=' || c."notnull" || ' pk=' || c.pk
              FROM sqlite_master m JOIN pragma_table_info(m.name) c
              WHERE m.type = 'table' AND m.name NOT IN ('schema_history', 'sqlite_sequence')
              UNION ALL
              SELECT 'index ' || m.name || ' ' || coalesce(m.sql, 'auto')
              FROM sqlite_master m WHERE m.type = 'index' AND m.tbl_name <> 'schema_history'
              UNION ALL
              SELECT 'fk ' || m.name || '.' || f."from" || ' -> ' || f."table" || '.' || f."to" || ' ' || f.on_delete
              FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table'
              """;
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        var lines = new List<string>();
        await using DbDataReader r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) lines.Add(r.GetString(0));
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
