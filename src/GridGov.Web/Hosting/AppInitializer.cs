using GridGov.Data.Migrations;
using GridGov.Data.Seeding;
using GridGov.Domain.Demo;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Hosting;

/// <summary>
/// Runs before the server accepts requests: migrate (under the migrator's lock), seed the demo city into an empty
/// database, build the routing index.
/// </summary>
public sealed class AppInitializer(
    Database database, GridGovOptions options, IndexRebuilder rebuilder, IServiceProvider services,
    AppInitializer.State state, ILogger<AppInitializer> log) : IHostedService
{
    public sealed class State
    {
        public SeedReport? Seeded { get; set; }
    }

    public async Task StartAsync(CancellationToken ct)
    {
        var applied = await Migrator.MigrateAsync(database.Provider, database.ConnectionString, ct);
        if (applied.Count > 0) log.LogInformation("Applied migrations {Versions}", string.Join(", ", applied));

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Data.GridGovDb>();
            var scale = CityScale.Parse(options.DemoScale);
            if (scale is not null && options.DemoScale != "none" && !await db.Areas.AnyAsync(ct))
            {
                log.LogInformation("Empty database: seeding city {City} at {Scale} scale (real districts, synthetic grids)", options.City, scale.Name);
                var city = CityData.FromFolders(DataPaths.DivisionsFolder(options), DataPaths.Folder(options, "outlines"), options.City);
                if (city.Outlines.Unused.Count > 0)
                    log.LogWarning("District outlines matching no district (a slice, or a district merged away?): {Names}",
                        string.Join(", ", city.Outlines.Unused.Select(o => o.Name)));
                state.Seeded = await CitySeeder.SeedAsync(database.Provider, database.ConnectionString, city, scale, ct: ct);
                log.LogInformation("Seeded {Areas} areas, {StaffMembers} staff members in {Seconds:0.0} s; district outlines from {Source}",
                    state.Seeded.Areas, state.Seeded.StaffMembers, state.Seeded.Elapsed.TotalSeconds, state.Seeded.OutlinesSource);
            }
            await CategorySeeder.SeedAsync(db, DataPaths.Folder(options, "categories"), ct);
            await Features.Calendar.CalendarEndpoints.ReloadAsync(db, scope.ServiceProvider.GetRequiredService<CalendarHolder>(), options, log, ct);
            if (options.DemoScale != "none")
            {
                await scope.ServiceProvider.GetRequiredService<DemoAccounts>().SeedAsync(ct);
                await scope.ServiceProvider.GetRequiredService<DemoCases>().SeedAsync(ct);
                await scope.ServiceProvider.GetRequiredService<Features.People.DemoHomesSeeder>().SeedAsync(ct);
            }
        }
        await rebuilder.RebuildAsync(ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
