using System.CommandLine;
using GridGov.Data;
using GridGov.Data.Migrations;
using GridGov.Web.Features.People;
using GridGov.Web.Features.People.FullScale;
using GridGov.Web.Hosting;
using GridGov.Web.Hosting.Security;
using Microsoft.AspNetCore.DataProtection;
using Spectre.Console;

namespace GridGov.Web.Cli;

/// <summary>
/// generate-people: a city's order of magnitude of households into a seeded PostgreSQL database, encrypted and hashed
/// with the database's own keys (the app reads them as its own). For benchmarks and load tests.
/// </summary>
internal static class GeneratePeopleCommand
{
    public static Command Create(Func<Command, Command> withDb, Func<ParseResult, (Database Db, GridGovOptions Options)> resolve)
    {
        var people = new Option<long>("--people") { Description = "residents to generate (houses follow at 9 per 21 people)", DefaultValueFactory = _ => 21_000_000 };
        var c = withDb(new Command("generate-people", "Generate compounds, buildings, houses and residents in every micro-grid (PostgreSQL)"));
        c.Options.Add(people);
        c.SetAction(async (parse, ct) =>
        {
            var (db, _) = resolve(parse);
            var count = parse.GetValue(people);
            if (count is < 1 or > 100_000_000) throw new InvalidOperationException("--people is from 1 to 100,000,000");
            await Migrator.MigrateAsync(db.Provider, db.ConnectionString, ct);
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddDbContext<GridGovDb>(b => DbSetup.Configure(b, db.Provider, db.ConnectionString));
            services.AddDataProtection().SetApplicationName("GridGov").PersistKeysToDbContext<GridGovDb>();
            services.AddSingleton(db);
            services.AddSingleton(TimeProvider.System);
            services.AddSingleton<PersonalData>();
            services.AddSingleton<PeopleLookup>();
            services.AddSingleton<PeopleGenerator>();
            await using var provider = services.BuildServiceProvider();
            GeneratedRegistry? report = null;
            await AnsiConsole.Progress().StartAsync(async ctx =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                report = await provider.GetRequiredService<PeopleGenerator>().RunAsync(count, (table, n) =>
                {
                    if (!tasks.TryGetValue(table, out var t)) tasks[table] = t = ctx.AddTask(table, maxValue: double.MaxValue);
                    t.Description = $"{table}: {n:N0}";
                }, ct);
            });
            AnsiConsole.MarkupLineInterpolated(
                $"Generated {report!.People:N0} residents in {report.Houses:N0} houses ({report.Buildings:N0} buildings, {report.Compounds:N0} compounds, {report.MicroGrids:N0} micro-grids) in {report.Elapsed.TotalSeconds:0} s.");
            return 0;
        });
        return c;
    }
}
