using System.Diagnostics;
using GridGov.Data;
using GridGov.Data.Cases;
using GridGov.Data.Entities;
using GridGov.Data.Migrations;
using GridGov.Data.Seeding;
using GridGov.Domain.Areas;
using GridGov.Domain.Cases;
using GridGov.Domain.Geo;
using GridGov.Testing;
using GridGov.Web.Features.Cases;
using GridGov.Web.Hosting.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GridGov.Bench;

/// <summary>
/// The database's share of intake alone (issue 3): the PostgreSQL intake store (<see cref="IntakeBatchPostgres"/>)
/// called directly with batches of the size the HTTP run forms, from one loop per simulated app node — no HTTP, no
/// app pipeline — so a change to the statements can be measured in PostgreSQL CPU per case within a minute.
/// </summary>
public static class WriterBench
{
    public static async Task RunAsync(string[] args)
    {
        int count = 60_000, batch = 15, loops = 2;
        for (var i = 0; i < args.Length; i++)
            switch (args[i])
            {
                case "--count": count = int.Parse(args[++i]); break;
                case "--batch": batch = int.Parse(args[++i]); break;
                case "--loops": loops = int.Parse(args[++i]); break;
                default: throw new ArgumentException($"writer [--count N] [--batch N] [--loops N]; unknown '{args[i]}'");
            }
        Console.WriteLine($"writer: {count:N0} reports of category 0101 in 锦江区 through IntakeBatchPostgres, batches of {batch}, {loops} concurrent writers (one per app node)");
        Console.WriteLine(Machine.SourceState());
        using var server = PostgresServer.Start();
        var cs = await server.CreateDatabaseAsync("bench_writer");
        await Migrator.MigrateAsync(DatabaseProvider.Postgres, cs);
        await CitySeeder.SeedAsync(DatabaseProvider.Postgres, cs, FullCity.Data(), GridGov.Domain.Demo.CityScale.Demo);
        cs = DbSetup.WithDefaults(DatabaseProvider.Postgres, cs);
        await using var db = DbSetup.Create(DatabaseProvider.Postgres, cs);
        var caseType = db.Model.FindEntityType(typeof(Case))!;
        // The city seeder adds no sign-in accounts; cases carry no foreign key to users, so any reporter id will do.
        var user = new AppUser { Id = 42, UserName = "sjf.micro", DisplayName = "沈建峰" };
        var grids = await db.Areas.AsNoTracking().Where(a => a.Kind == AreaKind.MicroGrid && a.DistrictCode == "510104" && a.MinLon != null)
            .Select(a => new { a.Code, MinLon = a.MinLon!.Value, MinLat = a.MinLat!.Value, MaxLon = a.MaxLon!.Value, MaxLat = a.MaxLat!.Value }).ToListAsync();
        var random = new Random(42);
        // One store per simulated node: a store keeps one connection and serves one writer loop.
        var stores = Enumerable.Range(0, loops).Select(_ => new IntakeBatchPostgres(cs, AuditInterceptor.CreatedSummary)).ToArray();
        var scope = new DuplicateScope(user.Id, [], ["510104010"]);

        PendingIntake Make(int i)
        {
            var g = grids[random.Next(grids.Count)];
            var lon = g.MinLon + random.NextDouble() * (g.MaxLon - g.MinLon);
            var lat = g.MinLat + random.NextDouble() * (g.MaxLat - g.MinLat);
            var now = DateTime.UtcNow;
            var c = new Case
            {
                TrackingNo = CaseEngine.NewTrackingNo(now), CategoryCode = "0101", Description = $"巡查发现暴露垃圾未及时清运，请尽快处理（编号 {i}）",
                Source = "patrol", Status = CaseStatus.Reported, Lon = lon, Lat = lat, AreaCode = g.Code, DistrictCode = "510104",
                ReporterUserId = user.Id, ReporterName = user.DisplayName, HandlerLevel = HandlerLevel.MicroGrid, ReportedAt = now,
                IdempotencyKey = $"{user.Id}:w-{i}", Version = 1,
            };
            return new PendingIntake(c, caseType, user.Id, user.DisplayName, user.UserName!, "127.0.0.1", null) { Scope = scope };
        }

        async Task<(double Seconds, double PgCpu)> Phase(int from, int to)
        {
            var next = from;
            var pg0 = Cpu.PostgresSeconds(server.DataDirectory);
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(stores.Select(store => Task.Run(async () =>
            {
                while (true)
                {
                    var start = Interlocked.Add(ref next, batch) - batch;
                    if (start >= to) return;
                    List<PendingIntake> rows;
                    lock (random) rows = Enumerable.Range(start, Math.Min(batch, to - start)).Select(Make).ToList();
                    var outcomes = await store.WriteAsync(rows, CancellationToken.None);
                    // A random tracking number clashes a few times in 60,000 (IntakeWriter draws another); a taken key would be a bug.
                    if (outcomes.Any(o => o.Kind == IntakeOutcomeKind.KeyTaken)) throw new InvalidOperationException("an idempotency key was taken");
                }
            })));
            return (clock.Elapsed.TotalSeconds, Cpu.PostgresSeconds(server.DataDirectory) - pg0);
        }

        var warm = Math.Min(10_000, count / 4);
        await Phase(0, warm);
        var (seconds, pgCpu) = await Phase(warm, count);
        var n = count - warm;
        foreach (var store in stores) await store.DisposeAsync();
        Console.WriteLine($"writer: {n:N0} reports in {seconds:0.0} s = {n / seconds:N0}/s; PostgreSQL CPU {pgCpu:0.0} s = {pgCpu * 1000 / n:0.000} ms per case (after {warm:N0} warm-up)");
    }
}
