using System.Diagnostics;
using GridGov.Data.Seeding;
using GridGov.Domain.Areas;
using GridGov.Domain.Demo;

namespace GridGov.Bench;

/// <summary>The full-scale demo Chengdu (real districts; 14,000 / 119,000 / 11,000 synthetic grids), generated once per run.</summary>
public static class FullCity
{
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GridGov.slnx"))) return dir.FullName;
        throw new InvalidOperationException("run from inside the repository");
    }

    public static IReadOnlyList<Division> Divisions() =>
        CitySeeder.ReadDivisions(Path.Combine(RepoRoot(), "data", "divisions"), "5101");

    /// <summary>Chengdu's divisions and real district outlines, as the app seeds them.</summary>
    public static CityData Data() =>
        CityData.FromFolders(Path.Combine(RepoRoot(), "data", "divisions"), Path.Combine(RepoRoot(), "data", "outlines"), "5101");

    public static List<AreaDraft> Generate(CityScale scale)
    {
        var clock = Stopwatch.StartNew();
        var city = Data();
        var areas = DemoCity.Generate(city.Divisions, city.DistrictShapes, scale).ToList();
        Console.WriteLine($"generate {scale.Name}: {areas.Count:N0} areas " +
            $"({areas.Count(a => a.Kind == AreaKind.GeneralGrid):N0} general, {areas.Count(a => a.Kind == AreaKind.MicroGrid):N0} micro, " +
            $"{areas.Count(a => a.Kind == AreaKind.DedicatedGrid):N0} dedicated) in {clock.Elapsed.TotalSeconds:0.0} s");
        return areas;
    }
}
