namespace GridGov.Bench;

public static class Machine
{
    public static string Describe()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim()
            : null;
        var memKb = File.Exists("/proc/meminfo")
            ? long.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1])
            : 0;
        return $"{Environment.ProcessorCount} cores ({cpu ?? "unknown CPU"}), {memKb / 1024 / 1024} GiB RAM, .NET {Environment.Version}";
    }

    /// <summary>The commit measured and whether src/ differs from it (other people may be editing the same tree).</summary>
    public static string SourceState()
    {
        string Git(string args)
        {
            try
            {
                var psi = new System.Diagnostics.ProcessStartInfo("git", args)
                { WorkingDirectory = FullCity.RepoRoot(), RedirectStandardOutput = true, RedirectStandardError = true };
                using var p = System.Diagnostics.Process.Start(psi)!;
                var output = p.StandardOutput.ReadToEnd().TrimEnd(); // porcelain lines start with a status column that may be a space
                p.WaitForExit();
                return p.ExitCode == 0 ? output : "";
            }
            catch (System.ComponentModel.Win32Exception) { return ""; }
        }
        var head = Git("log -1 --format=%h%x20%s");
        if (head == "")
            return $"source: not a git checkout{(Environment.GetEnvironmentVariable("GRIDGOV_BENCH_SOURCE") is { Length: > 0 } s ? $" ({s})" : "")}";
        var dirty = Git("status --porcelain -- src").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return $"source: {(head.Length > 70 ? head[..70] + "…" : head)}" +
            (dirty.Length == 0 ? ", src/ clean" : $", src/ has {dirty.Length} uncommitted change(s): {string.Join(' ', dirty.Take(6).Select(d => d[3..]))}{(dirty.Length > 6 ? " …" : "")}");
    }
}
