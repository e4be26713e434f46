using GridGov.Data;
using GridGov.Web.Tests.Infrastructure;
using GridGov.Data.Entities;
using GridGov.Data.Migrations;
using GridGov.Domain.Cases;
using GridGov.Domain.Geo;
using GridGov.Testing;
using Microsoft.EntityFrameworkCore;

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
    [BothDatabases]
    public async Task The_database_computes_the_same_latitude_row_as_the_code(DatabaseProvider provider)
    {
        var cs = provider == DatabaseProvider.Postgres
            ? await RequiresPostgres.Get().CreateDatabaseAsync()
            : $"Data Source={Path.Combine(Path.GetTempPath(), "gridgov-latrow-" + Guid.NewGuid().ToString("N") + ".db")}";
        await Migrator.MigrateAsync(provider, cs);
        var rng = new Random(7);
        var lats = Latitudes.Concat(Enumerable.Range(0, 2000).Select(_ => 18 + rng.NextDouble() * 36)).ToList();
        // Cases written the ordinary way; the database fills in lat_row from the migrated column's own expression.
        await using (var db = DbSetup.Create(provider, cs))
        {
            for (var i = 0; i < lats.Count; i++)
                db.Cases.Add(new Case
                {
                    TrackingNo = $"LR{i:D8}", CategoryCode = "0101", Description = "lat row", Source = "patrol", Status = CaseStatus.Reported,
                    Lon = 104.08, Lat = lats[i], AreaCode = "5101040170010101", DistrictCode = "510104", ReportedAt = DateTime.UtcNow, Version = 1,
                });
            await db.SaveChangesAsync();
        }
        await using (var db = DbSetup.Create(provider, cs))
        {
            var stored = await db.Cases.AsNoTracking().OrderBy(c => c.TrackingNo).Select(c => new { c.Lat, c.LatRow }).ToListAsync();
            Assert.Equal(lats, stored.Select(x => x.Lat));
            Assert.Equal(lats.Select(GeoMath.LatRow), stored.Select(x => x.LatRow));
        }
        Assert.Equal(30649, GeoMath.LatRow(30.65)); // 30.65 / 0.001 is 30649.999…: the row below, in both
        Assert.Equal(-1, GeoMath.LatRow(-0.0005));
        Assert.Equal([30649, 30650, 30651], GeoMath.LatRows(30.6495, 30.6512));
    }
}
