using System.Diagnostics;
using GridGov.Data.Entities;
using GridGov.Domain.Areas;
using GridGov.Domain.Demo;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GridGov.Data.Seeding;

/// <param name="AreasElapsed">Drawing the synthetic boundaries and writing every area.</param>
/// <param name="OutlinesSource">Where the real district outlines came from.</param>
public sealed record SeedReport(
    int Areas, int StaffMembers, int Assignments, TimeSpan Elapsed, TimeSpan AreasElapsed, string OutlinesSource);

/// <summary>
/// Loads the real division codes and district outlines of a city and draws the synthetic streets, communities, grids
/// and staff inside them, into an empty database.
/// </summary>
public static class CitySeeder
{
    public static IReadOnlyList<Division> ReadDivisions(string divisionsFolder, string cityCode) =>
        CityData.ReadDivisions(CityData.DivisionsFile(divisionsFolder, cityCode));

    public static async Task<SeedReport> SeedAsync(
        DatabaseProvider provider, string cs, CityData city, CityScale scale,
        Action<string, int>? progress = null, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        await using var db = DbSetup.Create(provider, cs);
        if (await db.Areas.AnyAsync(ct))
            throw new InvalidOperationException("The database already holds areas; seeding is for an empty database.");

        var now = DateTime.UtcNow;
        var drafts = DemoCity.Generate(
            city.Divisions, city.DistrictShapes, scale, progress: n => progress?.Invoke("communities", n));
        var rows = drafts.Select(d => AreaRows.ToRow(d, now));
        int areas;
        await using (var conn = AreaBulkWriter.Open(provider, cs))
        await using (var tx = await conn.BeginTransactionAsync(ct))
        {
            if (conn is NpgsqlConnection pg)
                areas = await AreaBulkWriter.CopyAsync(pg, rows, n => progress?.Invoke("areas", n), ct);
            else
                areas = (await AreaBulkWriter.UpsertAsync(conn, tx, rows, n => progress?.Invoke("areas", n), ct)).Inserted;
            await tx.CommitAsync(ct);
        }
        var areasElapsed = clock.Elapsed;
        var (staffMembers, assignments) = await DemoStaff.SeedAsync(db, now, ct);
        return new SeedReport(areas, staffMembers, assignments, clock.Elapsed, areasElapsed, city.OutlinesSource);
    }
}
