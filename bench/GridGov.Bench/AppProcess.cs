using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GridGov.Bench;

/// <summary>
/// One copy of the built app (src/GridGov.Web/bin/Release/net10.0/GridGov.Web.dll) as its own OS process on a free
/// loopback port, with the benchmark settings; stdout/stderr go to a log file. Killed (whole tree) on dispose.
/// </summary>
public sealed class AppProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    public int Port { get; }
    public string BaseUrl => $"http://127.0.0.1:{Port}";
    public string LogPath { get; }
    public int Pid => _process.Id;

    private AppProcess(Process process, int port, StreamWriter log, string logPath)
    {
        _process = process;
        Port = port;
        _log = log;
        LogPath = logPath;
    }

    public static string DllPath()
    {
        var configuration = typeof(AppProcess).Assembly.Location.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}") ? "Debug" : "Release";
        var dll = Path.Combine(FullCity.RepoRoot(), "src", "GridGov.Web", "bin", configuration, "net10.0", "GridGov.Web.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"build the app first: dotnet build -c {configuration} src/GridGov.Web", dll);
        return dll;
    }

    /// <summary>Starts the app and waits until /health answers 200 (migrations, seeding and the index are done by then).</summary>
    public static async Task<AppProcess> StartAsync(string name, string provider, string connectionString, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? extraEnvironment = null)
    {
        var port = FreePort();
        var psi = new ProcessStartInfo("dotnet")
        {
            // The content root is the working directory for a built dll: it must be the app's folder, or appsettings.json
            // (log levels) is not found and every request and SQL command is logged at Information.
            WorkingDirectory = Path.GetDirectoryName(DllPath())!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(DllPath());
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add($"http://127.0.0.1:{port}");
        var env = psi.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["Database__Provider"] = provider;
        env["Database__ConnectionString"] = connectionString;
        env["GridGov__DemoScale"] = "demo";
        env["GridGov__DemoCases"] = "0";
        env["GridGov__DemoAccountsMustChangePassword"] = "false";
        env["GridGov__DeadlineSweepSeconds"] = "0";
        env["GridGov__LoginAttemptsPerMinute"] = "100000";
        foreach (var (key, value) in extraEnvironment ?? new Dictionary<string, string>()) env[key] = value;

        var logPath = Path.Combine(Path.GetTempPath(), $"gridgov-bench-{name}-{port}.log");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start dotnet");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess(process, port, log, logPath);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                app.Dispose();
                throw new InvalidOperationException($"{name} exited with {process.ExitCode} during start-up; see {logPath}:\n{Tail(logPath)}");
            }
            try
            {
                using var r = await http.GetAsync($"{app.BaseUrl}/health");
                if (r.StatusCode == HttpStatusCode.OK) return app;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (clock.Elapsed > timeout)
            {
                app.Dispose();
                throw new TimeoutException($"{name} not healthy after {timeout.TotalSeconds:0} s; see {logPath}:\n{Tail(logPath)}");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>User + system CPU seconds used by the process so far (Linux /proc; 0 elsewhere).</summary>
    public double CpuSeconds() => Cpu.ProcessSeconds(_process.Id);

    public long WorkingSetMiB()
    {
        try { _process.Refresh(); return _process.WorkingSet64 / 1024 / 1024; }
        catch (InvalidOperationException) { return 0; }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException) { }
        _process.Dispose();
        lock (_log) _log.Dispose();
    }

    private static string Tail(string path)
    {
        try
        {
            using var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var r = new StreamReader(s);
            var lines = r.ReadToEnd().Split('\n');
            return string.Join('\n', lines.TakeLast(30));
        }
        catch (IOException e) { return e.Message; }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}

/// <summary>CPU accounting from /proc: per process and for the whole machine.</summary>
public static class Cpu
{
    private const double TicksPerSecond = 100.0; // USER_HZ on Linux

    public static double ProcessSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the ")" that closes the command name: state is field 3; utime and stime are 14 and 15.
            var f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(f[11]) + long.Parse(f[12])) / TicksPerSecond;
        }
        catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>CPU seconds of every child of the postmaster (backends, walwriter, …) plus the postmaster itself.</summary>
    public static double PostgresSeconds(string? dataDirectory)
    {
        if (dataDirectory is null) return 0;
        try
        {
            var postmaster = int.Parse(File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).First());
            var total = ProcessSeconds(postmaster);
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
                try
                {
                    var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                    var f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    if (int.Parse(f[1]) == postmaster) total += (long.Parse(f[11]) + long.Parse(f[12])) / TicksPerSecond;
                }
                catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException or UnauthorizedAccessException) { }
            }
            return total;
        }
        catch (Exception e) when (e is IOException or FormatException or InvalidOperationException) { return 0; }
    }

    /// <summary>(busy, total) jiffies of the whole machine from the first line of /proc/stat.</summary>
    public static (long Busy, long Total) Machine()
    {
        try
        {
            var f = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
            var idle = f[3] + f[4]; // idle + iowait
            var total = f.Take(8).Sum();
            return (total - idle, total);
        }
        catch (Exception e) when (e is IOException or FormatException) { return (0, 0); }
    }
}
