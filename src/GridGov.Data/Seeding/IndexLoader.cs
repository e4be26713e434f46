using System.Data.Common;
using GridGov.Domain.Areas;
using GridGov.Domain.Geo;
using NetTopologySuite.IO;

namespace GridGov.Data.Seeding;

/// <summary>Reads the routable boundaries (communities and grids) from the database and builds a fresh index.</summary>
public static class IndexLoader
{
    public static async Task<GridIndex> LoadAsync(
        DatabaseProvider provider, string cs, string cityCode, double fallbackMeters, CancellationToken ct = default)
    {
        var areas = new List<IndexedArea>();
        var reader = new WKBReader();
        await using (var conn = AreaBulkWriter.Open(provider, cs))
        await using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = $"""
                SELECT code, kind, boundary FROM areas
                WHERE boundary IS NOT NULL AND kind IN ({(int)AreaKind.Community}, {(int)AreaKind.GeneralGrid},
                  {(int)AreaKind.MicroGrid}, {(int)AreaKind.DedicatedGrid})
                """;
            await using DbDataReader r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                var shape = reader.Read((byte[])r.GetValue(2));
                shape.SRID = 4326;
                areas.Add(new IndexedArea(r.GetString(0), (AreaKind)r.GetInt32(1), shape));
            }
        }
        return new GridIndex(cityCode, areas, fallbackMeters);
    }
}
