namespace GridGov.Web.Hosting;

public static class DataPaths
{
    /// <summary>The division slices: configured, else next to the app, else the repo's data/divisions.</summary>
    public static string DivisionsFolder(GridGovOptions options) =>
        string.IsNullOrWhiteSpace(options.DivisionsFolder) ? Folder(options, "divisions") : options.DivisionsFolder;

    /// <summary>A shipped data folder (divisions, calendar, categories): next to the app, else found above the working directory.</summary>
    public static string Folder(GridGovOptions options, string name)
    {
        var besideApp = Path.Combine(AppContext.BaseDirectory, "data", name);
        if (Directory.Exists(besideApp)) return besideApp;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data", name);
            if (Directory.Exists(candidate)) return candidate;
        }
        return besideApp;
    }
}
