using System.CommandLine;
using System.Globalization;
using GridGov.Data.Migrations;
using GridGov.Data.Seeding;
using GridGov.Domain.Areas;
using GridGov.Domain.Demo;
using GridGov.Domain.Geo;
using GridGov.Web.Hosting;
using Spectre.Console;

namespace GridGov.Web.Cli;

/// <summary>
/// <c>load-city CODE</c>: a city's real divisions and district outlines into an empty database, with synthetic
/// streets, communities, grids and staff drawn inside each district. <c>--check</c> only reads and matches the files.
/// </summary>
internal static class LoadCityCommand
{
    public static Command Create()
    {
        var city = new Argument<string?>("city")
        {
            Description = "4-digit city code, e.g. 4401 (default: GridGov:City, 5101)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var divisions = new Option<FileInfo?>("--divisions")
        {
            Description = "division slice (default: data/divisions/CODE.csv)",
        };
        var outlines = new Option<FileInfo?>("--outlines")
        {
            Description = "ECharts map file of the city's districts (default: data/outlines/CODE-echarts.js)",
        };
        var scale = new Option<string>("--scale")
        {
            Description = "demo, full (Chengdu's real grid counts) or totals general/micro/dedicated",
            DefaultValueFactory = _ => "demo",
        };
        var check = new Option<bool>("--check")
        {
            Description = "only read and match the files and print the districts; no database",
        };
        var c = CommandLine.WithDb(new Command("load-city",
            "Load a city's real divisions and district outlines, with synthetic grids inside, into an empty database"));
        c.Aliases.Add("seed");
        c.Arguments.Add(city);
        c.Options.Add(divisions);
        c.Options.Add(outlines);
        c.Options.Add(scale);
        c.Options.Add(check);
        c.SetAction(async (parse, ct) =>
        {
            var (db, options) = CommandLine.Resolve(parse);
            var code = parse.GetValue(city) ?? options.City;
            if (code.Length != AreaCode.CityLength || !AreaCode.IsWellFormed(code))
                throw new InvalidOperationException($"the city must be a 4-digit code such as 4401, not '{code}'");
            var s = CityScale.Parse(parse.GetValue(scale))
                    ?? throw new InvalidOperationException("--scale must be demo, full or general/micro/dedicated");
            var data = CityData.FromFiles(
                parse.GetValue(divisions)?.FullName ?? CityData.DivisionsFile(DataPaths.DivisionsFolder(options), code),
                parse.GetValue(outlines)?.FullName ?? CityData.OutlinesFile(DataPaths.Folder(options, "outlines"), code));
            if (data.CityCode != code)
                throw new InvalidOperationException($"the division slice is for city {data.CityCode}, not {code}");
            PrintDistricts(data);
            if (parse.GetValue(check)) return 0;

            await Migrator.MigrateAsync(db.Provider, db.ConnectionString, ct);
            var report = await SeedAsync(db, data, s, ct);
            AnsiConsole.MarkupLineInterpolated(
                $"Seeded {report.Areas:N0} areas, {report.StaffMembers:N0} staff members, {report.Assignments:N0} assignments in {report.Elapsed.TotalSeconds:0.0} s on {db.Provider}.");
            if (code != options.City)
                AnsiConsole.MarkupLineInterpolated($"Start the app on this database with GridGov__City={code}.");
            return 0;
        });
        return c;
    }

    private static async Task<SeedReport> SeedAsync(Database db, CityData data, CityScale scale, CancellationToken ct)
    {
        var communities = data.Divisions.Count(d => d.Kind == AreaKind.Community);
        SeedReport? report = null;
        await AnsiConsole.Progress().StartAsync(async ctx =>
        {
            var task = ctx.AddTask($"Seeding {data.Divisions[0].Name} ({scale.Name})", maxValue: communities);
            report = await CitySeeder.SeedAsync(db.Provider, db.ConnectionString, data, scale,
                (stage, n) => { if (stage == "communities") task.Value = n; }, ct);
            task.Value = communities;
        });
        return report!;
    }

    private static void PrintDistricts(CityData data)
    {
        var table = new Table().AddColumns("code", "district", "outline", "parts", "km²");
        foreach (var m in data.Outlines.Matched)
        {
            var shape = m.Outline.Shape;
            var km2 = GeoMath.DegreeAreaToSquareMeters(shape.Area, shape.Centroid.Y) / 1e6;
            string[] row =
            [
                m.District.Code, m.District.Name, m.Renamed ? $"{m.Outline.Name} (renamed)" : m.Outline.Name,
                shape.NumGeometries.ToString(CultureInfo.InvariantCulture), km2.ToString("N0", CultureInfo.InvariantCulture),
            ];
            table.AddRow(row.Select(Markup.Escape).ToArray());
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"District outlines: {data.OutlinesSource}; matched by name, ids ignored.");
        if (data.Outlines.Unused.Count > 0)
            AnsiConsole.MarkupLineInterpolated(
                $"[yellow]Outlines matching no district, not used:[/] {string.Join(", ", data.Outlines.Unused.Select(o => o.Name))}");
    }
}
