namespace GridGov.Testing;

/// <summary>A file a test needs that an installer puts in place (e.g. an npm package): skipped locally, a failure under CI=true.</summary>
public static class RequiresInstalled
{
    public static string Get(string path, string what, string howToInstall)
    {
        if (File.Exists(path)) return path;
        Requirement.Unmet($"{what} is required under CI=true: {path} is missing ({howToInstall})", $"{what} not installed ({path}); {howToInstall}");
        return path;
    }
}
