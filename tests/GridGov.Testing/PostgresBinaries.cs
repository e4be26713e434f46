namespace GridGov.Testing;

/// <summary>Location of a local PostgreSQL installation's initdb and pg_ctl.</summary>
internal sealed record PostgresBinaries(string InitDb, string PgCtl)
{
    private static readonly string Exe = OperatingSystem.IsWindows() ? ".exe" : "";

    /// <summary>PATH first (explicit user choice), then Debian's /usr/lib/postgresql/N/bin, newest first.</summary>
    public static PostgresBinaries? Find(out string searched)
    {
        var candidates = new List<string>();
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        candidates.AddRange(path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));

        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            candidates.AddRange(Directory.GetDirectories(debianRoot)
                .Select(d => (Dir: d, Version: ParseVersion(Path.GetFileName(d))))
                .Where(x => x.Version is not null)
                .OrderByDescending(x => x.Version)
                .Select(x => Path.Combine(x.Dir, "bin")));
        }

        foreach (var dir in candidates)
        {
            var initdb = Path.Combine(dir, "initdb" + Exe);
            var pgCtl = Path.Combine(dir, "pg_ctl" + Exe);
            if (File.Exists(initdb) && File.Exists(pgCtl))
            {
                searched = dir;
                return new PostgresBinaries(initdb, pgCtl);
            }
        }

        searched = $"no initdb+pg_ctl in PATH or {debianRoot}/*/bin";
        return null;
    }

    private static Version? ParseVersion(string name) =>
        Version.TryParse(name.Contains('.') ? name : name + ".0", out var v) ? v : null;
}
