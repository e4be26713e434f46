namespace GridGov.Testing;

/// <summary>Same policy as <see cref="RequiresPostgres"/> for a Chromium executable (screenshots, PDF).</summary>
public static class RequiresChromium
{
    public const string EnvironmentVariable = "GRIDGOV_CHROMIUM";
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary>Returns the Chromium executable path, or skips / fails the calling test.</summary>
    public static string Get()
    {
        var path = Find(out var reason);
        if (path is not null)
            return path;

        Requirement.Unmet(
            $"Chromium is required under CI=true: {reason}",
            $"Chromium not found (set {EnvironmentVariable} or install chromium): {reason}");
        return null;
    }

    /// <summary>Looks for Chromium without applying the skip/fail policy.</summary>
    public static string? Find(out string? reason)
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            // An explicit setting that is wrong should be reported, not silently replaced by the default.
            reason = File.Exists(configured) ? null : $"{EnvironmentVariable}={configured} does not exist";
            return reason is null ? configured : null;
        }

        reason = File.Exists(DefaultPath) ? null : $"{DefaultPath} does not exist";
        return reason is null ? DefaultPath : null;
    }
}
