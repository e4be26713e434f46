using System.Globalization;
using GridGov.Data;
using GridGov.Data.Migrations;
using GridGov.Data.Seeding;
using GridGov.Domain.Geo;
using GridGov.Testing;

namespace GridGov.Web.Tests.Data;

/// <summary>
/// The box searches (likely duplicates, public map) list the latitude rows from GeoMath.LatRow and match them against
/// the database's generated lat_row: the two must agree for every latitude, or a case on a row boundary is missed.
/// </summary>
public sealed class LatRowTests
{
    private static readonly double[] Latitudes =
    [
        30.65, 30.6505, 30.001, 30.0009999999, 30.000000000001, 29.999999999999, 0.003, 0.0, -0.0005, -12.345, 53.5, 18.2,
        104.0 / 3.4, 30.649999999999998, 30.650000000000002,
    ];

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_database_computes_the_same_latitude_row_as_the_code(DatabaseProvider provider)
    {
        var cs = provider == DatabaseProvider.Postgres
            ? await RequiresPostgres.Get().CreateDatabaseAsync()
            : $"Data Source={Path.Combine(Path.GetTempPath(), "gridgov-latrow-" + Guid.NewGuid().ToString("N") + ".db")}";
        await Migrator.MigrateAsync(provider, cs);
        var rng = new Random(7);
        var lats = Latitudes.Concat(Enumerable.Range(0, 2000).Select(_ => 18 + rng.NextDouble() * 36)).ToList();
        await using var conn = AreaBulkWriter.Open(provider, cs);
        await using var cmd = conn.CreateCommand();
        // The generated column's own expression, evaluated by the database on each latitude.
        cmd.CommandText = provider == DatabaseProvider.Postgres
            ? "SELECT CAST(floor(x / 0.001) AS integer) FROM unnest(string_to_array(@v, ',')::float8[]) AS t(x)"
            : "SELECT CAST(floor(CAST(value AS REAL) / 0.001) AS integer) FROM json_each(@v)";
        var p = cmd.CreateParameter();
        p.ParameterName = "@v";
        p.Value = provider == DatabaseProvider.Postgres
            ? string.Join(',', lats.Select(l => l.ToString("R", CultureInfo.InvariantCulture)))
            : "[" + string.Join(',', lats.Select(l => l.ToString("R", CultureInfo.InvariantCulture))) + "]";
        cmd.Parameters.Add(p);
        var fromDb = new List<int>();
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) fromDb.Add(r.GetInt32(0));
        Assert.Equal(lats.Select(GeoMath.LatRow), fromDb);
        Assert.Equal(30649, GeoMath.LatRow(30.65)); // 30.65 / 0.001 is 30649.999…: the row below, in both
        Assert.Equal(-1, GeoMath.LatRow(-0.0005));
        Assert.Equal([30649, 30650, 30651], GeoMath.LatRows(30.6495, 30.6512));
    }
}
