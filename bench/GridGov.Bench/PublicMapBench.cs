using System.Diagnostics;
using GridGov.Data;
using GridGov.Data.Migrations;
using GridGov.Data.Seeding;
using GridGov.Domain.Areas;
using GridGov.Domain.Cases;
using GridGov.Domain.Demo;
using GridGov.Testing;
using GridGov.Web.Features.Cases;
using GridGov.Web.Features.Open311;
using GridGov.Web.Features.Residents;
using GridGov.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace GridGov.Bench;

/// <summary>
/// The public map and the tracking page over N cases (default 1,000,000) on PostgreSQL: seed the demo city and the
/// categories, COPY cases of every category spread over the city's micro-grids and the last 365 days, then time the
/// app's own PublicMapQuery (query + public view) for the whole city, a district, a 1 km box and a closed-only box,
/// and PublicCases.FindAsync by tracking number; p50/p95 of repeated calls. Baseline: PostgreSQL counting the rows
/// the city-wide map filters (what a naive "send everything" map would have to ship).
/// </summary>
public static class PublicMapBench
{
    public static async Task RunAsync(string[] args)
    {
        var count = args.SkipWhile(a => a != "--count").Skip(1).Select(int.Parse).FirstOrDefault(1_000_000);
        using var server = PostgresServer.Start();
        var cs = await server.CreateDatabaseAsync("bench_public");
        await Migrator.MigrateAsync(DatabaseProvider.Postgres, cs);
        var root = FullCity.RepoRoot();
        var clock = Stopwatch.StartNew();
        await CitySeeder.SeedAsync(DatabaseProvider.Postgres, cs, FullCity.Data(), CityScale.Parse("demo")!);
        await using (var db = DbSetup.Create(DatabaseProvider.Postgres, cs))
            await CategorySeeder.SeedAsync(db, Path.Combine(root, "data", "categories"), CancellationToken.None);
        Console.WriteLine($"public: seeded the demo city and categories in {clock.Elapsed.TotalSeconds:0} s");

        List<(string Code, double Lon, double Lat)> micros;
        List<string> categories;
        await using (var db = DbSetup.Create(DatabaseProvider.Postgres, cs))
        {
            var rows = await db.Areas.AsNoTracking().Where(a => a.Kind == AreaKind.MicroGrid).Select(a => new { a.Code, a.Boundary }).ToListAsync();
            micros = rows.Select(r => AreaRows.Shape(r.Boundary)!.InteriorPoint).Zip(rows, (p, r) => (r.Code, p.X, p.Y)).ToList();
            categories = await db.Categories.AsNoTracking().Where(c => c.ParentCode != null).Select(c => c.Code).ToListAsync();
        }
        clock.Restart();
        await CopyCases(cs, count, micros, categories, DateTime.UtcNow);
        await using (var conn = new NpgsqlConnection(cs))
        {
            await conn.OpenAsync();
            await using var analyse = new NpgsqlCommand("VACUUM ANALYZE cases", conn) { CommandTimeout = 3600 };
            await analyse.ExecuteNonQueryAsync();
        }
        Console.WriteLine($"public: copied {count:N0} cases ({categories.Count} categories, {micros.Count:N0} micro-grids, 365 days) in {clock.Elapsed.TotalSeconds:0} s");

        var holder = new CalendarHolder(CalendarLoader.Load(Path.Combine(root, "data", "calendar"), NullLogger.Instance));
        var caseClock = new CaseClock(holder, TimeProvider.System);
        // The app's category cache, loading from the bench database as the app would.
        var provider = new ServiceCollection()
            .AddDbContext<GridGovDb>(b => DbSetup.Configure(b, DatabaseProvider.Postgres, cs)).BuildServiceProvider();
        var categoryCache = new Web.Features.Categories.CategoryCache(new GridGovOptions(),
            provider.GetRequiredService<IServiceScopeFactory>());
        var (cLon, cLat) = micros[micros.Count / 2] is var m ? (m.Lon, m.Lat) : default;
        var scenarios = new (string Name, string? Bbox, string? Service, string Status)[]
        {
            ("whole city, open + closed 30 days, newest 1,000", null, null, "all"),
            ("district-sized box (0.2°)", Box(cLon, cLat, 0.1), null, "all"),
            ("1 km box", Box(cLon, cLat, 0.005), null, "all"),
            ("1 km box, closed only", Box(cLon, cLat, 0.005), null, "closed"),
            ("whole city, one service (1001)", null, "1001", "all"),
        };
        foreach (var (name, bbox, service, status) in scenarios)
        {
            var (filter, errors) = PublicMapQuery.Parse(bbox, service, status, 30, 1000, "5101");
            if (filter is null) throw new InvalidOperationException(string.Join("; ", errors.SelectMany(e => e.Value)));
            var timings = new List<double>();
            var shown = 0;
            for (var i = 0; i < 30; i++)
            {
                await using var db = DbSetup.Create(DatabaseProvider.Postgres, cs);
                var query = new PublicMapQuery(db, new PublicCases(db, new RequestViews(db, caseClock), categoryCache), categoryCache, TimeProvider.System);
                var sw = Stopwatch.StartNew();
                var (items, _) = await query.RunAsync(filter, CancellationToken.None);
                timings.Add(sw.Elapsed.TotalMilliseconds);
                shown = items.Count;
            }
            timings = timings.Skip(5).Order().ToList();
            Console.WriteLine($"public map, {name}: {shown:N0} cases shown, p50 {Pct(timings, 0.5):0.0} ms, p95 {Pct(timings, 0.95):0.0} ms");
        }
        {
            var rng = new Random(7);
            var timings = new List<double>();
            for (var i = 0; i < 60; i++)
            {
                await using var db = DbSetup.Create(DatabaseProvider.Postgres, cs);
                var cases = new PublicCases(db, new RequestViews(db, caseClock), categoryCache);
                var no = $"P{rng.Next(count):D10}";
                var sw = Stopwatch.StartNew();
                await cases.FindAsync(no, CancellationToken.None);
                timings.Add(sw.Elapsed.TotalMilliseconds);
            }
            timings = timings.Skip(10).Order().ToList();
            Console.WriteLine($"tracking page data (PublicCases.FindAsync with its timeline): p50 {Pct(timings, 0.5):0.0} ms, p95 {Pct(timings, 0.95):0.0} ms");
        }
        {
            await using var conn = new NpgsqlConnection(cs);
            await conn.OpenAsync();
            var sw = Stopwatch.StartNew();
            await using var cmd = new NpgsqlCommand("""
                SELECT count(*) FROM cases c JOIN categories k ON k.code = c.category_code AND k.is_public
                WHERE c.status NOT IN (2, 3, 8) OR (c.status = 8 AND c.closed_at >= now() - interval '30 days')
                """, conn);
            var n = (long)(await cmd.ExecuteScalarAsync())!;
            Console.WriteLine($"baseline: PostgreSQL counting every case the city-wide map matches: {n:N0} rows in {sw.Elapsed.TotalMilliseconds:0} ms");
        }
    }

    private static string Box(double lon, double lat, double half) => FormattableString.Invariant($"{lon - half},{lat - half},{lon + half},{lat + half}");

    private static double Pct(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static async Task CopyCases(string cs, int count, List<(string Code, double Lon, double Lat)> micros, List<string> categories, DateTime now)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        var rng = new Random(42);
        await using var copy = await conn.BeginBinaryImportAsync("""
            COPY cases (tracking_no, category_code, description, source, status, pending, lon, lat, area_code, district_code,
              location_flagged, handler_level, reported_at, closed_at, suspended_hours, escalation_count, rework_count, version, self_resolved)
            FROM STDIN (FORMAT BINARY)
            """);
        for (var i = 0; i < count; i++)
        {
            var (code, lon, lat) = micros[rng.Next(micros.Count)];
            var reported = now.AddMinutes(-rng.Next(10, 365 * 24 * 60));
            // About 8% still open (newer ones more likely), the rest closed a few hours to days after the report.
            var open = rng.NextDouble() < (reported > now.AddDays(-14) ? 0.5 : 0.03);
            DateTime? closed = open ? null : reported.AddHours(rng.Next(2, 200));
            if (closed > now) { closed = null; open = true; }
            await copy.StartRowAsync();
            await copy.WriteAsync($"P{i:D10}", NpgsqlDbType.Varchar);
            await copy.WriteAsync(categories[rng.Next(categories.Count)], NpgsqlDbType.Varchar);
            await copy.WriteAsync("公开地图压测数据", NpgsqlDbType.Varchar);
            await copy.WriteAsync("resident", NpgsqlDbType.Varchar);
            await copy.WriteAsync((int)(open ? CaseStatus.Handling : CaseStatus.Closed), NpgsqlDbType.Integer);
            await copy.WriteAsync(0, NpgsqlDbType.Integer);
            await copy.WriteAsync(lon + (rng.NextDouble() - 0.5) * 0.002, NpgsqlDbType.Double);
            await copy.WriteAsync(lat + (rng.NextDouble() - 0.5) * 0.002, NpgsqlDbType.Double);
            await copy.WriteAsync(code, NpgsqlDbType.Varchar);
            await copy.WriteAsync(code[..6], NpgsqlDbType.Varchar);
            await copy.WriteAsync(false, NpgsqlDbType.Boolean);
            await copy.WriteAsync(0, NpgsqlDbType.Integer);
            await copy.WriteAsync(reported, NpgsqlDbType.TimestampTz);
            if (closed is null) await copy.WriteNullAsync(); else await copy.WriteAsync(closed.Value, NpgsqlDbType.TimestampTz);
            await copy.WriteAsync(0.0, NpgsqlDbType.Double);
            await copy.WriteAsync(0, NpgsqlDbType.Integer);
            await copy.WriteAsync(0, NpgsqlDbType.Integer);
            await copy.WriteAsync(1, NpgsqlDbType.Integer);
            await copy.WriteAsync(false, NpgsqlDbType.Boolean);
        }
        await copy.CompleteAsync();
    }
}
