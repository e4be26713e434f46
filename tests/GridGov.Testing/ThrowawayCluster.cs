using System.ComponentModel;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace GridGov.Testing;

/// <summary>
/// A private PostgreSQL cluster in a temp directory, tuned for speed over durability.
/// Stopped and deleted on <see cref="Dispose"/>; a watchdog does the same if the owning process is killed.
/// </summary>
internal sealed class ThrowawayCluster : IDisposable
{
    private const int StartAttempts = 5;

    // Durability is worthless for a cluster that is deleted afterwards.
    private static readonly string[] Settings =
    [
        "listen_addresses = '127.0.0.1'",
        "fsync = off",
        "synchronous_commit = off",
        "full_page_writes = off",
        "max_connections = 200",
        "shared_buffers = 256MB",
    ];

    private readonly PostgresBinaries _binaries;
    private readonly bool _asPostgres;
    private int _disposed;

    public string RootDirectory { get; }
    public string DataDirectory => Path.Combine(RootDirectory, "data");
    public string LogFile => Path.Combine(RootDirectory, "postgres.log");
    public int Port { get; private set; }

    private ThrowawayCluster(PostgresBinaries binaries, bool asPostgres, string rootDirectory)
    {
        _binaries = binaries;
        _asPostgres = asPostgres;
        RootDirectory = rootDirectory;
    }

    /// <param name="watchPid">Process whose death tears the cluster down (default: this process).</param>
    public static ThrowawayCluster Start(PostgresBinaries binaries, int? watchPid = null)
    {
        var asPostgres = ProcessRunner.IsRoot;
        if (asPostgres && Run("id", ["-u", ProcessRunner.PostgresUser], false).ExitCode != 0)
            throw new PostgresUnavailableException(
                $"running as root (initdb refuses root) and there is no '{ProcessRunner.PostgresUser}' system user");

        var cluster = new ThrowawayCluster(binaries, asPostgres, CreateRootDirectory(asPostgres));
        try
        {
            cluster.InitDb();
            cluster.StartServer();
            cluster.StartWatchdog(watchPid ?? Environment.ProcessId);
            return cluster;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    private static string CreateRootDirectory(bool asPostgres)
    {
        // Root's TMPDIR may not be reachable by the postgres user, and unix socket paths are limited to ~107 bytes.
        var baseDir = Path.GetTempPath();
        if (!OperatingSystem.IsWindows() && (asPostgres || baseDir.Length > 60))
            baseDir = "/tmp";

        var dir = Path.Combine(baseDir, "gridgov-pg-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(dir);
        if (asPostgres)
            Check(Run("chown", ["-R", $"{ProcessRunner.PostgresUser}:{ProcessRunner.PostgresUser}", dir], false), "chown");
        return dir;
    }

    private void InitDb()
    {
        Check(Run(_binaries.InitDb,
            ["-D", DataDirectory, "-A", "trust", "-E", "UTF8", "--no-locale", "-U", "postgres", "--no-sync"],
            _asPostgres), "initdb");

        // Appending keeps the file's owner (postgres) even when we write it as root.
        var socketDir = RootDirectory.Replace("'", "''", StringComparison.Ordinal);
        File.AppendAllLines(Path.Combine(DataDirectory, "postgresql.conf"),
            ["", "# GridGov throwaway test cluster", .. Settings, $"unix_socket_directories = '{socketDir}'"]);
    }

    private void StartServer()
    {
        // A free port can be taken between probing and binding; retry with another one.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            var result = PgCtl(["-D", DataDirectory, "-l", LogFile, "-o", $"-p {Port}", "-w", "-t", "60", "start"]);
            if (result.ExitCode == 0)
                return;

            var log = ReadLogTail();
            if (attempt < StartAttempts && log.Contains("already in use", StringComparison.OrdinalIgnoreCase))
                continue;
            throw new PostgresUnavailableException(
                $"pg_ctl start failed (exit {result.ExitCode}): {result.Output}\n--- {LogFile} ---\n{log}");
        }
    }

    /// <summary>Tears the cluster down if <paramref name="pid"/> dies without running our exit handlers (SIGKILL, crash).</summary>
    private void StartWatchdog(int pid)
    {
        if (OperatingSystem.IsWindows())
            return;

        const string script = """
            exec </dev/null >/dev/null 2>&1
            while kill -0 "$1" 2>/dev/null && [ -d "$2" ]; do sleep 1; done
            [ -d "$2" ] || exit 0
            if [ ! -f "$4/postmaster.pid" ]; then :
            elif [ "$5" = 1 ]; then runuser -u postgres -- "$3" stop -D "$4" -m immediate -w -t 30
            else "$3" stop -D "$4" -m immediate -w -t 30; fi
            rm -rf "$2"
            """;
        ProcessRunner.StartDetached("/bin/sh",
        [
            "-c", script, "gridgov-pg-watchdog",
            pid.ToString(CultureInfo.InvariantCulture), RootDirectory, _binaries.PgCtl, DataDirectory,
            _asPostgres ? "1" : "0",
        ]);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;

        try
        {
            Stop();
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"[GridGov.Testing] stopping {DataDirectory} failed: {e.Message}");
        }

        for (var attempt = 1; attempt <= 3 && Directory.Exists(RootDirectory); attempt++)
        {
            try
            {
                Directory.Delete(RootDirectory, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Postgres may still be removing files as it shuts down.
                Thread.Sleep(200);
            }
        }
    }

    private void Stop()
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile))
            return;

        // vstest kills the test host ~100 ms after ProcessExit starts, too soon for runuser + pg_ctl stop;
        // signalling the postmaster directly takes milliseconds (the watchdog finishes the job if we are cut short).
        if (int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid) && ProcessRunner.SendSigQuit(pid))
        {
            // The postmaster removes its pid file on exit (polling the pid would hang on an unreaped zombie).
            var deadline = Environment.TickCount64 + 10_000;
            while (File.Exists(pidFile) && Environment.TickCount64 < deadline)
                Thread.Sleep(5);
            if (!File.Exists(pidFile))
                return;
        }

        PgCtl(["-D", DataDirectory, "-m", "immediate", "-w", "-t", "30", "stop"]);
    }

    public string ReadLogTail(int lines = 40)
    {
        try
        {
            return string.Join('\n', File.ReadLines(LogFile).TakeLast(lines));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"(no log: {e.Message})";
        }
    }

    private (int ExitCode, string Output) PgCtl(IReadOnlyList<string> args) =>
        Run(_binaries.PgCtl, args, _asPostgres);

    private static (int ExitCode, string Output) Run(string file, IReadOnlyList<string> args, bool asPostgres)
    {
        try
        {
            return ProcessRunner.Run(file, args, "/", asPostgres);
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException or TimeoutException)
        {
            throw new PostgresUnavailableException($"could not run {file}: {e.Message}", e);
        }
    }

    private static void Check((int ExitCode, string Output) result, string what)
    {
        if (result.ExitCode != 0)
            throw new PostgresUnavailableException($"{what} failed (exit {result.ExitCode}): {result.Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
