using GridGov.Data;
using GridGov.Data.Migrations;
using GridGov.Data.Seeding;
using GridGov.Domain.Demo;
using GridGov.Testing;

namespace GridGov.Bench;

/// <summary>Seeding time (Chengdu's real divisions + synthetic grids + staff) into empty SQLite and PostgreSQL databases.</summary>
public static class SeedBench
{
    public static async Task RunAsync(string[] args)
    {
        var scales = args.Length > 0 ? args.Select(a => CityScale.Parse(a)!).ToArray() : [CityScale.Demo, CityScale.Full];
        var city = FullCity.Data();
        using var server = PostgresServer.Start();
        foreach (var scale in scales)
        {
            var sqlite = Path.Combine(Path.GetTempPath(), $"gridgov-bench-{Guid.NewGuid():N}.db");
            await Seed(DatabaseProvider.Sqlite, $"Data Source={sqlite}", city, scale);
            Console.WriteLine($"  sqlite file size: {new FileInfo(sqlite).Length / 1024 / 1024} MiB");
            File.Delete(sqlite);
            await Seed(DatabaseProvider.Postgres, await server.CreateDatabaseAsync(), city, scale);
        }
    }

    private static async Task Seed(DatabaseProvider provider, string cs, CityData city, CityScale scale)
    {
        await Migrator.MigrateAsync(provider, cs);
        var report = await CitySeeder.SeedAsync(provider, cs, city, scale);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var index = await IndexLoader.LoadAsync(provider, cs, "5101", 2000);
        Console.WriteLine($"seed {scale.Name} on {provider}: {report.Areas:N0} areas, {report.StaffMembers:N0} staff members, {report.Assignments:N0} assignments in {report.Elapsed.TotalSeconds:0.0} s (areas {report.AreasElapsed.TotalSeconds:0.0} s, staff {(report.Elapsed - report.AreasElapsed).TotalSeconds:0.0} s); index load from the database {index.Count:N0} polygons in {clock.Elapsed.TotalSeconds:0.0} s");
    }
}
