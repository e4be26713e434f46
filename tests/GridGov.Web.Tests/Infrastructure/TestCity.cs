namespace GridGov.Web.Tests.Infrastructure;

/// <summary>A small real slice of Chengdu (锦江区 with its real streets and communities) for fast end-to-end tests.</summary>
public static class TestCity
{
    public const string District = "510104";
    public const string Scale = "120/480/40";

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GridGov.slnx"))) return dir.FullName;
        throw new InvalidOperationException("GridGov.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Writes data/divisions/5101.csv filtered to one district into a fresh folder; returns the folder.</summary>
    public static string WriteSlice(string folder)
    {
        Directory.CreateDirectory(folder);
        var lines = File.ReadAllLines(Path.Combine(RepoRoot(), "data", "divisions", "5101.csv"));
        var kept = lines.Where((l, i) => i == 0 || l.StartsWith("5101,", StringComparison.Ordinal) || l.StartsWith(District, StringComparison.Ordinal));
        File.WriteAllLines(Path.Combine(folder, "5101.csv"), kept);
        return folder;
    }
}
