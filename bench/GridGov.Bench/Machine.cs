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
}
