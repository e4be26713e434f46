namespace GridGov.Web.Hosting;

public static class DataPaths
{
    /// <summary>The division slices: configured, else next to the app, else the repo's data/divisions.</summary>
    public static string DivisionsFolder(GridGovOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.DivisionsFolder)) return options.DivisionsFolder;
        var besideApp = Path.Combine(AppContext.BaseDirectory, "data", "divisions");
        if (Directory.Exists(besideApp)) return besideApp;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data", "divisions");
            if (Directory.Exists(candidate)) return candidate;
        }
        return besideApp;
    }
}
