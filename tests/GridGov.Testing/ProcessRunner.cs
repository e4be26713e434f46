using System.Diagnostics;
using System.Runtime.InteropServices;

namespace GridGov.Testing;

/// <summary>Runs helper binaries (initdb, pg_ctl), as the postgres user when we are root.</summary>
internal static class ProcessRunner
{
    public const string PostgresUser = "postgres";

    /// <summary>initdb and postgres refuse to run as root, so root has to drop to the postgres user.</summary>
    public static bool IsRoot { get; } = !OperatingSystem.IsWindows() && geteuid() == 0;

    [DllImport("libc")]
    private static extern uint geteuid();

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int SysKill(int pid, int signal);

    /// <summary>SIGQUIT makes the postmaster do an immediate shutdown, without spawning pg_ctl.</summary>
    public static bool SendSigQuit(int pid) => !OperatingSystem.IsWindows() && SysKill(pid, 3) == 0;

    public static (int ExitCode, string Output) Run(
        string file, IReadOnlyList<string> args, string? workingDirectory = null, bool asPostgres = false,
        TimeSpan? timeout = null)
    {
        var psi = new ProcessStartInfo(asPostgres ? "runuser" : file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // Must be readable by the postgres user, which the test's bin directory may not be.
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", PostgresUser, "--", file })
                psi.ArgumentList.Add(a);
        }
        foreach (var a in args)
            psi.ArgumentList.Add(a);

        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {file}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Describe(psi)} did not finish in time");
        }
        process.WaitForExit(); // flush async readers
        return (process.ExitCode, (stdout.Result + stderr.Result).Trim());
    }

    public static string Describe(ProcessStartInfo psi) => $"{psi.FileName} {string.Join(' ', psi.ArgumentList)}";

    /// <summary>Starts a detached helper whose stdio is not the test host's (so it never holds its pipes open).</summary>
    public static void StartDetached(string file, IReadOnlyList<string> args)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {file}");
        // The helper redirects its own stdio to /dev/null first thing; we just drop our pipe ends.
        process.StandardInput.Close();
        process.StandardOutput.Close();
        process.StandardError.Close();
    }
}
