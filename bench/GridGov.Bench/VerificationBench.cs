using System.Diagnostics;
using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Data.Migrations;
using GridGov.Data.Seeding;
using GridGov.Domain.Areas;
using GridGov.Domain.Demo;
using GridGov.Domain.People;
using GridGov.Testing;
using GridGov.Web.Features.Verification;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GridGov.Bench;

/// <summary>
/// Verification progress (核验率 with drill-down) for a district during a round, on PostgreSQL: the full-scale city's
/// areas and staff, N houses (default 1,000,000) spread over the micro-grids of 510104, a round over the district
/// opened with the app's own statement, part of the houses verified, corrected or returned; then the app's own
/// <see cref="VerificationProgress"/> for the district, a street and a community (p50/p95 of repeated calls), against
/// the direct count from the items (grouped by area prefix, over the (round, area_code, state) index) as the baseline.
/// Options: --count N.
/// </summary>
public static class VerificationBench
{
    private const string District = "510104";

    public static async Task RunAsync(string[] args)
    {
        var count = args.SkipWhile(a => a != "--count").Skip(1).Select(int.Parse).FirstOrDefault(1_000_000);
        using var server = PostgresServer.Start();
        var cs = await server.CreateDatabaseAsync("bench_verification");
        await Migrator.MigrateAsync(DatabaseProvider.Postgres, cs);
        var clock = Stopwatch.StartNew();
        var seeded = await CitySeeder.SeedAsync(DatabaseProvider.Postgres, cs, FullCity.Data(), CityScale.Full);
        Console.WriteLine($"verification: seeded the full city ({seeded.Areas:N0} areas, {seeded.StaffMembers:N0} staff) in {clock.Elapsed.TotalSeconds:0} s");

        clock.Restart();
        var micro = await LoadHousesAsync(cs, count);
        Console.WriteLine($"verification: {count:N0} houses in {micro:N0} micro-grids of {District} in {clock.Elapsed.TotalSeconds:0} s");

        long roundId;
        await using (var db = DbSetup.Create(DatabaseProvider.Postgres, cs))
        {
            db.Database.SetCommandTimeout(3600);
            var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
            var round = new VerificationRound
            {
                Name = "bench", AreaCode = District, DistrictCode = District, StartsOn = today.AddDays(-20), DueOn = today.AddDays(-1),
                OpenedBy = "bench", OpenedAt = DateTime.UtcNow,
            };
            db.VerificationRounds.Add(round);
            await db.SaveChangesAsync();
            roundId = round.Id;
            clock.Restart();
            round.Houses = await RoundOpener.AddItemsAsync(db, round.Id, District, round.OpenedAt, CancellationToken.None);
            var items = clock.Elapsed;
            await VerificationTallies.RebuildAsync(db, round.Id, CancellationToken.None);
            await db.SaveChangesAsync();
            Console.WriteLine($"verification: opened a round over {District}: {round.Houses:N0} items in {items.TotalSeconds:0.0} s, tallies in {(clock.Elapsed - items).TotalSeconds:0.0} s");

            // During the round: 40 % verified, 2 % waiting for review, 1 % returned (spread over every micro-grid).
            clock.Restart();
            await db.Database.ExecuteSqlAsync($"""
                UPDATE verification_items SET state = CASE WHEN id % 100 < 40 THEN 3 WHEN id % 100 < 42 THEN 2 ELSE 4 END
                WHERE round_id = {roundId} AND id % 100 < 43
                """);
            await VerificationTallies.RebuildAsync(db, roundId, CancellationToken.None);
            Console.WriteLine($"verification: marked progress and rebuilt the tallies ({await db.VerificationTallies.CountAsync(t => t.RoundId == roundId):N0} rows) in {clock.Elapsed.TotalSeconds:0} s");
        }
        await using (var conn = new NpgsqlConnection(cs))
        {
            await conn.OpenAsync();
            foreach (var table in new[] { "verification_items", "verification_tallies", "areas" })
            {
                await using var analyse = new NpgsqlCommand($"VACUUM ANALYZE {table}", conn) { CommandTimeout = 3600 };
                await analyse.ExecuteNonQueryAsync();
            }
        }

        var today2 = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var dueOn = today2.AddDays(-1);
        string street, community;
        await using (var db = DbSetup.Create(DatabaseProvider.Postgres, cs))
        {
            street = await db.VerificationItems.Where(i => i.RoundId == roundId).Select(i => i.AreaCode.Substring(0, 9)).FirstAsync();
            community = await db.VerificationItems.Where(i => i.RoundId == roundId && i.AreaCode.StartsWith(street)).Select(i => i.AreaCode.Substring(0, 12)).FirstAsync();
        }
        foreach (var area in new[] { District, street, community })
        {
            var (timings, result) = await TimeAsync(cs, db => new VerificationProgress(db).ComputeAsync(area, [(roundId, dueOn)], today2, CancellationToken.None));
            var p = result!.Value;
            Console.WriteLine($"verification progress via tallies, {area} ({p.Children.Count} areas below): p50 {Pct(timings, 0.5):0.0} ms, p95 {Pct(timings, 0.95):0.0} ms, " +
                $"max {timings[^1]:0.0} ms; {p.Area.Houses:N0} houses, {p.Area.Verified:N0} verified ({p.Area.Rate} %), {p.Area.Overdue:N0} overdue");
        }
        {
            var (timings, direct) = await TimeAsync(cs, db => DirectAsync(db, roundId, District));
            Console.WriteLine($"baseline: direct count from the items, {District}: p50 {Pct(timings, 0.5):0.0} ms, p95 {Pct(timings, 0.95):0.0} ms ({direct:N0} houses)");
        }
    }

    /// <summary>One building per micro-grid of the district with as many houses as make <paramref name="count"/> in all.</summary>
    private static async Task<int> LoadHousesAsync(string cs, int count)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        async Task<long> Exec(string sql, params object[] values)
        {
            await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 3600 };
            for (var i = 0; i < values.Length; i++) cmd.Parameters.AddWithValue("p" + i, values[i]);
            var result = await cmd.ExecuteScalarAsync();
            return result is null or DBNull ? 0 : Convert.ToInt64(result);
        }
        var upper = AreaCode.UpperBound(District)!;
        var micro = (int)await Exec("SELECT count(*) FROM areas WHERE kind = @p0 AND code >= @p1 AND code < @p2", (int)AreaKind.MicroGrid, District, upper);
        await Exec("""
            INSERT INTO buildings (name, area_code, district_code, units, floors, houses_per_floor, created_at)
            SELECT '1栋', code, @p1, 1, 1, 1, now() FROM areas WHERE kind = @p0 AND code >= @p1 AND code < @p2
            """, (int)AreaKind.MicroGrid, District, upper);
        var per = (count + micro - 1) / micro;
        await Exec("""
            INSERT INTO houses (building_id, area_code, district_code, unit, floor, number, address, use, created_at)
            SELECT b.id, b.area_code, b.district_code, 1, (n - 1) / 10 + 1, n::text, b.area_code || '-' || n, 1, now()
            FROM (SELECT * FROM buildings ORDER BY id LIMIT @p0) b CROSS JOIN generate_series(1, @p1) n
            ORDER BY b.id, n LIMIT @p2
            """, micro, per, count);
        await Exec("VACUUM ANALYZE houses");
        return micro;
    }

    private static async Task<long> DirectAsync(GridGovDb db, long roundId, string area)
    {
        var rows = await db.VerificationItems.AsNoTracking().Where(i => i.RoundId == roundId).WithinAny(i => i.AreaCode, [area])
            .GroupBy(i => new { Code = i.AreaCode.Substring(0, AreaCode.StreetLength), i.State })
            .Select(g => new { g.Key.Code, g.Key.State, Count = g.LongCount() }).ToListAsync();
        return rows.Sum(r => r.Count);
    }

    private static async Task<(List<double> Timings, T? Last)> TimeAsync<T>(string cs, Func<GridGovDb, Task<T>> query)
    {
        var timings = new List<double>();
        T? last = default;
        for (var i = 0; i < 45; i++)
        {
            await using var db = DbSetup.Create(DatabaseProvider.Postgres, cs);
            var sw = Stopwatch.StartNew();
            last = await query(db);
            timings.Add(sw.Elapsed.TotalMilliseconds);
        }
        return (timings.Skip(5).Order().ToList(), last); // the first calls warm the JIT and the pool
    }

    private static double Pct(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
