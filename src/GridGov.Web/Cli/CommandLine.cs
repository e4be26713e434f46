using System.CommandLine;
using System.Text.Json;
using GridGov.Data;
using GridGov.Data.Migrations;
using GridGov.Data.Seeding;
using GridGov.Domain.Boundaries;
using GridGov.Domain.Demo;
using GridGov.Web.Features.Boundaries;
using GridGov.Web.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace GridGov.Web.Cli;

/// <summary>
/// Command-line verbs on the same executable. The database comes from the same configuration as the web app
/// (appsettings.json, Database__Provider / Database__ConnectionString) unless --provider/--connection are given.
/// </summary>
public static class CommandLine
{
    private static readonly string[] Verbs = ["load-city", "seed", "migrate", "import-boundaries", "export-boundaries", "generate", "schema-script", "rotate-keys", "generate-people"];

    public static bool IsVerb(string arg) => Verbs.Contains(arg) || arg is "--help" or "-h" or "help";

    private static readonly Option<string?> ProviderOption = new("--provider") { Description = "sqlite or postgres (default: configuration)" };
    private static readonly Option<string?> ConnectionOption = new("--connection") { Description = "connection string (default: configuration)" };

    public static async Task<int> RunAsync(string[] args)
    {
        if (args[0] == "help") args = ["--help"];
        var root = new RootCommand("GridGov command line: seed a city, import and export boundaries, generate the full-scale set.");
        root.Subcommands.Add(LoadCityCommand.Create());
        root.Subcommands.Add(Migrate());
        root.Subcommands.Add(Import());
        root.Subcommands.Add(Export());
        root.Subcommands.Add(Generate());
        root.Subcommands.Add(SchemaScript());
        root.Subcommands.Add(RotateKeys());
        root.Subcommands.Add(GeneratePeopleCommand.Create(WithDb, Resolve));
        try
        {
            return await root.Parse(args).InvokeAsync();
        }
        catch (Exception e) when (e is InvalidOperationException or FileNotFoundException or FormatException)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return 1;
        }
    }

    internal static Command WithDb(Command c)
    {
        c.Options.Add(ProviderOption);
        c.Options.Add(ConnectionOption);
        return c;
    }

    internal static (Database Db, GridGovOptions Options) Resolve(ParseResult parse)
    {
        var config = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var dbOptions = config.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (parse.GetValue(ProviderOption) is { } p)
            dbOptions.Provider = Enum.TryParse<DatabaseProvider>(p, ignoreCase: true, out var provider)
                ? provider : throw new InvalidOperationException($"--provider must be sqlite or postgres, not '{p}'");
        if (parse.GetValue(ConnectionOption) is { } cs) dbOptions.ConnectionString = cs;
        var options = config.GetSection("GridGov").Get<GridGovOptions>() ?? new GridGovOptions();
        return (new Database(dbOptions.Provider, DbSetup.ResolveConnectionString(dbOptions, Directory.GetCurrentDirectory())), options);
    }

    private static Command Migrate()
    {
        var c = WithDb(new Command("migrate", "Apply pending schema migrations and exit"));
        c.SetAction(async (parse, ct) =>
        {
            var (db, _) = Resolve(parse);
            var applied = await Migrator.MigrateAsync(db.Provider, db.ConnectionString, ct);
            AnsiConsole.MarkupLineInterpolated($"Applied {applied.Count} migration(s) on {db.Provider}.");
            return 0;
        });
        return c;
    }

    private static Command Import()
    {
        var file = new Argument<FileInfo>("file") { Description = "GeoJSON FeatureCollection" };
        var c = WithDb(new Command("import-boundaries", "Validate and import boundaries (all-or-nothing)"));
        c.Arguments.Add(file);
        c.SetAction(async (parse, ct) =>
        {
            var (db, options) = Resolve(parse);
            var path = parse.GetValue(file)!;
            if (!path.Exists) throw new FileNotFoundException($"No such file: {path.FullName}");
            await Migrator.MigrateAsync(db.Provider, db.ConnectionString, ct);
            await using var ctx = DbSetup.Create(db.Provider, db.ConnectionString);
            var importer = new BoundaryImporter(ctx, db, options);
            var bytes = await File.ReadAllBytesAsync(path.FullName, ct);
            var outcome = await AnsiConsole.Status().StartAsync($"Importing {path.Name}…",
                _ => importer.ImportAsync(bytes, path.Name, Environment.UserName, _ => true, ct)); // the operator of the machine
            if (outcome.Ok)
            {
                AnsiConsole.MarkupLineInterpolated($"Imported {path.Name}: {outcome.Inserted:N0} new, {outcome.Updated:N0} updated.");
                return 0;
            }
            AnsiConsole.MarkupLineInterpolated($"[red]Not imported[/] — {outcome.Problems.Count} problem(s), nothing changed:");
            foreach (var p in outcome.Problems.Take(200)) AnsiConsole.WriteLine("  " + p);
            return 2;
        });
        return c;
    }

    private static Command Export()
    {
        var area = new Option<string?>("--area") { Description = "area code (default: the city)" };
        var output = new Option<FileInfo>("--out") { Description = "file to write", Required = true };
        var c = WithDb(new Command("export-boundaries", "Write boundaries inside an area as GeoJSON"));
        c.Options.Add(area);
        c.Options.Add(output);
        c.SetAction(async (parse, ct) =>
        {
            var (db, options) = Resolve(parse);
            var code = parse.GetValue(area) ?? options.City;
            await using var ctx = DbSetup.Create(db.Provider, db.ConnectionString);
            await using var stream = File.Create(parse.GetValue(output)!.FullName);
            await using var w = new Utf8JsonWriter(stream);
            GeoJsonBoundaryWriter.WriteStart(w);
            var n = 0;
            await foreach (var a in ctx.Areas.AsNoTracking().InArea(code)
                               .Where(a => a.Boundary != null && a.Kind != Domain.Areas.AreaKind.City)
                               .OrderBy(a => a.Code).AsAsyncEnumerable().WithCancellation(ct))
            {
                GeoJsonBoundaryWriter.WriteFeature(w, AreaRows.ToDraft(a));
                n++;
            }
            GeoJsonBoundaryWriter.WriteEnd(w);
            AnsiConsole.MarkupLineInterpolated($"Wrote {n:N0} features to {parse.GetValue(output)!.Name}.");
            return 0;
        });
        return c;
    }

    private static Command Generate()
    {
        var city = new Option<string>("--city") { DefaultValueFactory = _ => "5101", Description = "4-digit city code" };
        var scale = new Option<string>("--scale") { DefaultValueFactory = _ => "full", Description = "demo or full" };
        var output = new Option<FileInfo>("--out") { Description = "GeoJSON file to write", Required = true };
        var c = new Command("generate", "Write the demo city (real districts, synthetic grids) as GeoJSON, without a database");
        c.Options.Add(city);
        c.Options.Add(scale);
        c.Options.Add(output);
        c.SetAction(async (parse, ct) =>
        {
            var options = new GridGovOptions();
            var s = CityScale.Parse(parse.GetValue(scale)) ?? throw new InvalidOperationException("--scale must be demo or full");
            var data = CityData.FromFolders(DataPaths.DivisionsFolder(options), DataPaths.Folder(options, "outlines"), parse.GetValue(city)!);
            var communities = data.Divisions.Count(d => d.Kind == Domain.Areas.AreaKind.Community);
            var n = 0;
            await AnsiConsole.Progress().StartAsync(async ctx =>
            {
                var task = ctx.AddTask($"Generating {s.Name} grids", maxValue: communities);
                await using var stream = File.Create(parse.GetValue(output)!.FullName);
                await using var w = new Utf8JsonWriter(stream);
                GeoJsonBoundaryWriter.WriteStart(w);
                foreach (var area in DemoCity.Generate(data.Divisions, data.DistrictShapes, s, progress: done => task.Value = done))
                {
                    if (area.Kind == Domain.Areas.AreaKind.City) continue;
                    GeoJsonBoundaryWriter.WriteFeature(w, area);
                    if (++n % 2000 == 0) await w.FlushAsync(ct);
                }
                GeoJsonBoundaryWriter.WriteEnd(w);
            });
            AnsiConsole.MarkupLineInterpolated($"Wrote {n:N0} features to {parse.GetValue(output)!.Name} (districts real, from {data.OutlinesSource}; the rest synthetic).");
            return 0;
        });
        return c;
    }

    private static Command RotateKeys()
    {
        var c = WithDb(new Command("rotate-keys", "Start a new Data Protection key now (new personal data is encrypted with it; old keys still decrypt)"));
        c.SetAction(async (parse, ct) =>
        {
            var (db, _) = Resolve(parse);
            await Migrator.MigrateAsync(db.Provider, db.ConnectionString, ct);
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddDbContext<GridGovDb>(b => DbSetup.Configure(b, db.Provider, db.ConnectionString));
            services.AddDataProtection().SetApplicationName("GridGov").PersistKeysToDbContext<GridGovDb>();
            await using var provider = services.BuildServiceProvider();
            var keys = provider.GetRequiredService<Microsoft.AspNetCore.DataProtection.KeyManagement.IKeyManager>();
            var key = keys.CreateNewKey(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(90));
            AnsiConsole.MarkupLineInterpolated($"New key {key.KeyId} active from {key.ActivationDate:u} until {key.ExpirationDate:u}; {keys.GetAllKeys().Count} keys in the ring.");
            return 0;
        });
        return c;
    }

    private static Command SchemaScript()
    {
        var c = WithDb(new Command("schema-script", "Print the CREATE script EF derives from the model (to write a new migration)"));
        c.SetAction((parse, _) =>
        {
            var provider = Enum.Parse<DatabaseProvider>(parse.GetValue(ProviderOption) ?? "sqlite", ignoreCase: true);
            var cs = provider == DatabaseProvider.Postgres ? "Host=localhost" : "Data Source=:memory:";
            using var ctx = DbSetup.Create(provider, cs);
            Console.Write(ctx.Database.GenerateCreateScript());
            return Task.FromResult(0);
        });
        return c;
    }
}
