using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GridGov.Data;
using GridGov.Data.Migrations;
using GridGov.Data.Seeding;
using GridGov.Domain.Areas;
using GridGov.Testing;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Npgsql;
using NpgsqlTypes;

namespace GridGov.Bench;

/// <summary>
/// Case intake over HTTP (issue 3): two copies of the built app against one database, a load generator in this
/// process posting pre-generated JSON reports (no photos) round-robin to both, then the same rows through
/// PostgreSQL's binary COPY as the physical limit. Everything shares the machine's cores.
/// </summary>
public static class IntakeBench
{
    private const string User = "sjf.micro";
    private const string Password = "gridgov-demo-2026";
    private const string District = "510104"; // 锦江区

    /// <param name="Warmup">A fixed number of warm-up reports, or -1: rounds for a minute (<see cref="WarmUpAsync"/>).</param>
    private sealed record Options(string[] Variants, int Count, int Warmup, int Concurrency, TimeSpan MaxTime, string Category, int Preload,
        IReadOnlyDictionary<string, string> AppEnv)
    {
        /// <summary>Reports drawn for the warm-up: the measured ones follow them, whatever part of them was sent.</summary>
        public int WarmupReports => Warmup >= 0 ? Warmup : SteadyMaxRounds * SteadyRound;
    }

    // Default warm-up: rounds of 10,000 reports for at least 60 s, as a node that has been in service for a minute: the
    // apps' tiered JIT (with PGO) kept recompiling hot code through the first 30–40 s of load (each round's rate and the
    // apps' CPU per case are printed, so the curve shows whether it flattened).
    private const int SteadyRound = 10_000;
    private const int SteadyMaxRounds = 30;
    private static readonly TimeSpan SteadyMinTime = TimeSpan.FromSeconds(60);

    private sealed record Report(int Index, double Lon, double Lat, string MicroGrid, string Key, byte[] Body);

    private sealed record Target(Uri Url, string Token, int Pid);

    private sealed class LoadResult
    {
        public int Sent;
        public int Created;
        public readonly ConcurrentDictionary<string, int> Failures = new();
        public readonly ConcurrentQueue<string> FailureSamples = new();
        public double[] LatenciesMs = [];
        public TimeSpan Elapsed;
        public bool TimedOut;
    }

    public static async Task RunAsync(string[] args)
    {
        var o = Parse(args);
        Console.WriteLine($"intake: {o.Count:N0} reports after {(o.Warmup >= 0 ? $"{o.Warmup:N0}" : "a minute of")} warm-up, {o.Concurrency} in flight, round-robin over the app processes, " +
            $"category {o.Category}, random points inside the micro-grids of {District} 锦江区, stop after {o.MaxTime.TotalSeconds:0} s; variants {string.Join(", ", o.Variants)}");
        var dll = AppProcess.DllPath();
        Console.WriteLine(Machine.SourceState());
        if (o.AppEnv.Count > 0) Console.WriteLine($"app environment: {string.Join(' ', o.AppEnv.Select(e => $"{e.Key}={e.Value}"))}");
        Console.WriteLine($"app: {dll} (built {File.GetLastWriteTimeUtc(dll):yyyy-MM-dd HH:mm} UTC); load average before start {LoadAverage()}");
        var runId = Guid.NewGuid().ToString("N")[..8];

        double? pgRate = null;
        PostgresServer? server = null;
        try
        {
            if (o.Variants.Any(v => v is "pg" or "copy"))
            {
                server = PostgresServer.Start();
                Console.WriteLine($"PostgreSQL {server.Version} throwaway cluster (fsync=off, synchronous_commit=off, shared_buffers=256MB) in {server.DataDirectory}");
            }
            List<Report>? pgReports = null;
            if (o.Variants.Contains("pg"))
            {
                var cs = await server!.CreateDatabaseAsync("bench_intake");
                // The apps' own pools: 2 × 64 in flight need at most 128 connections; max_connections is 200.
                var appCs = new NpgsqlConnectionStringBuilder(cs) { MaxPoolSize = 80 }.ConnectionString;
                var (rate, reports) = await HttpVariantAsync("PostgreSQL, 2 app processes", "Postgres", appCs, processes: 2, o, runId + "p", server);
                pgRate = rate;
                pgReports = reports;
            }
            if (o.Variants.Contains("copy"))
            {
                pgReports ??= await ReportsWithoutAppAsync(server!, o, runId + "c");
                await CopyBaselineAsync(server!, pgReports, o, pgRate);
            }
            foreach (var (variant, processes) in new[] { ("sqlite", 2), ("sqlite1", 1) })
            {
                if (!o.Variants.Contains(variant)) continue;
                var file = Path.Combine(Path.GetTempPath(), $"gridgov-bench-intake-{Guid.NewGuid():N}.db");
                try
                {
                    var cs = new SqliteConnectionStringBuilder { DataSource = file }.ToString();
                    await HttpVariantAsync($"SQLite (one file, WAL), {processes} app process{(processes > 1 ? "es" : "")}", "Sqlite", cs, processes, o, runId + variant, null);
                }
                finally
                {
                    SqliteConnection.ClearAllPools();
                    foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
                }
            }
        }
        finally
        {
            server?.Dispose();
        }
    }

    private static string WarmupCategory(string measured) => measured == "0102" ? "0101" : "0102";

    private static Options Parse(string[] args)
    {
        var variants = new List<string>();
        // A minute of warm-up by default: after 2,000 and even 30,000 reports the apps were still JIT-compiling through the
        // measured window (RESULTS.md); --warmup N sends a fixed number instead.
        int count = 98_000, warmup = -1, concurrency = 64, maxSeconds = 45, preload = 0;
        var category = "0101";
        var appEnv = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--count": count = int.Parse(args[++i]); break;
                case "--warmup": warmup = int.Parse(args[++i]); break;
                case "--concurrency": concurrency = int.Parse(args[++i]); break;
                case "--max-seconds": maxSeconds = int.Parse(args[++i]); break;
                case "--category": category = args[++i]; break;
                case "--preload": preload = int.Parse(args[++i]); break;
                case "--app-env" when args[i + 1].Split('=', 2) is [var name, var value]: appEnv[name] = value; i++; break;
                case "pg" or "copy" or "sqlite" or "sqlite1": variants.Add(args[i]); break;
                default: throw new ArgumentException($"intake [pg] [copy] [sqlite] [sqlite1] [--count N] [--warmup N] [--concurrency N] [--max-seconds N] [--category 0101|mix] [--preload N (PostgreSQL only)] [--app-env NAME=VALUE (e.g. DOTNET_gcServer=0)]; unknown '{args[i]}'");
            }
        }
        if (variants.Count == 0) variants.AddRange(["pg", "copy", "sqlite", "sqlite1"]);
        return new Options([.. variants], count, warmup, concurrency, TimeSpan.FromSeconds(maxSeconds), category, preload, appEnv);
    }

    /// <summary>Starts the apps (the first seeds the city), signs in on each, drives the load, checks the rows.</summary>
    private static async Task<(double Rate, List<Report> Reports)> HttpVariantAsync(
        string label, string provider, string cs, int processes, Options o, string runId, PostgresServer? server)
    {
        Console.WriteLine();
        Console.WriteLine($"## {label}");
        var apps = new List<AppProcess>();
        try
        {
            var clock = Stopwatch.StartNew();
            apps.Add(await AppProcess.StartAsync($"{provider.ToLowerInvariant()}-a", provider, cs, TimeSpan.FromMinutes(3), o.AppEnv));
            Console.WriteLine($"app A (pid {apps[0].Pid}, port {apps[0].Port}) migrated, seeded the demo city and is healthy after {clock.Elapsed.TotalSeconds:0.0} s");
            for (var p = 1; p < processes; p++)
            {
                clock.Restart();
                apps.Add(await AppProcess.StartAsync($"{provider.ToLowerInvariant()}-{(char)('a' + p)}", provider, cs, TimeSpan.FromMinutes(2), o.AppEnv));
                Console.WriteLine($"app {(char)('A' + p)} (pid {apps[p].Pid}, port {apps[p].Port}) healthy after {clock.Elapsed.TotalSeconds:0.0} s");
            }

            var dbProvider = provider == "Postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
            var reports = await MakeReportsAsync(dbProvider, cs, o, runId);
            var preloaded = 0;
            if (o.Preload > 0 && dbProvider == DatabaseProvider.Postgres)
            {
                await PreloadAsync(cs, reports, o.Preload);
                preloaded = o.Preload;
            }

            using var http = NewClient(o.Concurrency);
            var targets = new List<Target>();
            foreach (var app in apps)
                targets.Add(new Target(new Uri($"{app.BaseUrl}/api/cases"), await LoginAsync(http, app.BaseUrl), app.Pid));

            if (targets.Count > 1)
            {
                // A load balancer sends a client to any node: each node must accept the other's bearer token (shared key ring).
                var cross = new List<string>();
                for (var a = 0; a < targets.Count; a++)
                {
                    var b = (a + 1) % targets.Count;
                    using var me = new HttpRequestMessage(HttpMethod.Get, $"{apps[b].BaseUrl}/api/auth/me");
                    me.Headers.Authorization = new AuthenticationHeaderValue("Bearer", targets[a].Token);
                    using var r = await http.SendAsync(me);
                    cross.Add($"token from {(char)('A' + a)} at {(char)('A' + b)}: {(int)r.StatusCode}");
                }
                Console.WriteLine($"cross-node bearer tokens: {string.Join("; ", cross)}");
            }

            var warmCreated = await WarmUpAsync(http, targets, reports, o);

            var cpuBefore = apps.Select(a => a.CpuSeconds()).ToArray();
            var pgBefore = Cpu.PostgresSeconds(server?.DataDirectory);
            var benchBefore = Cpu.ProcessSeconds(Environment.ProcessId);
            var machineBefore = Cpu.Machine();
            var run = await DriveAsync(http, targets, reports, o.WarmupReports, o.WarmupReports + o.Count, o.Concurrency, o.MaxTime);
            var machineAfter = Cpu.Machine();
            var appCpu = apps.Select((a, i) => a.CpuSeconds() - cpuBefore[i]).ToArray();
            var pgCpu = Cpu.PostgresSeconds(server?.DataDirectory) - pgBefore;
            var benchCpu = Cpu.ProcessSeconds(Environment.ProcessId) - benchBefore;

            var rate = run.Created / run.Elapsed.TotalSeconds;
            var lat = run.LatenciesMs;
            Array.Sort(lat);
            var failures = run.Sent - run.Created;
            Console.WriteLine($"{label}: {run.Created:N0} of {run.Sent:N0} sent created in {run.Elapsed.TotalSeconds:0.0} s = {rate:N0} cases/s; " +
                $"latency p50 {Pct(lat, 0.50):0.0} ms, p90 {Pct(lat, 0.90):0.0} ms, p99 {Pct(lat, 0.99):0.0} ms, max {(lat.Length > 0 ? lat[^1] : 0):0.0} ms; errors {failures:N0}{Failures(run)}");
            if (run.TimedOut)
                Console.WriteLine($"  STOPPED after {o.MaxTime.TotalSeconds:0} s with {o.Count - run.Sent:N0} reports not sent; at {rate:N0}/s all {o.Count:N0} would take {o.Count / rate:0} s");
            else
                Console.WriteLine($"  {o.Count:N0} reports in {run.Elapsed.TotalSeconds:0.0} s");
            const double target = 98_000 / 30.0;
            Console.WriteLine($"  target 98,000 in < 30 s (≥ {target:N0} cases/s): {(rate >= target && failures == 0 ? "met" : $"NOT met — 98,000 at this rate take {98_000 / rate:0} s, {target / rate:0.0}× too slow")}");
            var (busy, total) = (machineAfter.Busy - machineBefore.Busy, machineAfter.Total - machineBefore.Total);
            Console.WriteLine($"  CPU during the run ({run.Elapsed.TotalSeconds:0.0} s wall × {Environment.ProcessorCount} cores = {run.Elapsed.TotalSeconds * Environment.ProcessorCount:0} core-s): machine {(total > 0 ? 100.0 * busy / total : 0):0}% busy; " +
                string.Join(", ", appCpu.Select((c, i) => $"app {(char)('A' + i)} {c:0.0} s")) +
                (server is not null ? $", PostgreSQL {pgCpu:0.0} s" : "") + $", load generator (this process) {benchCpu:0.0} s; " +
                $"other processes on the machine {Math.Max(0, busy / 100.0 - appCpu.Sum() - pgCpu - benchCpu):0.0} s; " +
                $"per case: apps {appCpu.Sum() * 1000 / Math.Max(1, run.Created):0.00} ms" +
                (server is not null ? $", PostgreSQL {pgCpu * 1000 / Math.Max(1, run.Created):0.00} ms" : "") +
                $", load generator {benchCpu * 1000 / Math.Max(1, run.Created):0.00} ms CPU");
            var perCase = (appCpu.Sum() + pgCpu + benchCpu) * 1000 / Math.Max(1, run.Created);
            Console.WriteLine($"  CPU per case, everything of ours: {perCase:0.00} ms → ceiling on {Environment.ProcessorCount} cores with nothing else running ≈ {Environment.ProcessorCount * 1000 / perCase:N0} cases/s");
            Console.WriteLine($"  app working sets: {string.Join(", ", apps.Select((a, i) => $"{(char)('A' + i)} {a.WorkingSetMiB()} MiB"))}");

            // The database must hold exactly one case and one history row per 201.
            var created = warmCreated + run.Created + preloaded;
            await using var conn = AreaBulkWriter.Open(dbProvider, cs);
            var cases = await ScalarAsync(conn, "SELECT count(*) FROM cases");
            var history = await ScalarAsync(conn, "SELECT count(*) FROM case_history");
            var routed = await ScalarAsync(conn, $"SELECT count(*) FROM cases WHERE length(area_code) = 16 AND district_code = '{District}'");
            var audit = await ScalarAsync(conn, "SELECT count(*) FROM audit_log WHERE entity_type IN ('Case', 'CaseHistory')");
            Console.WriteLine($"  check: 201s (warm-up + run){(preloaded > 0 ? $" + {preloaded:N0} preloaded" : "")} {created:N0}; cases table {cases:N0}; case_history {history:N0}; routed to a micro-grid of {District} {routed:N0}; audit rows for them {audit:N0} → " +
                (cases == created && history == created ? "OK" : "MISMATCH"));
            return (rate, reports);
        }
        finally
        {
            foreach (var app in apps) app.Dispose();
        }
    }

    /// <summary>Sends the warm-up reports (a fixed number, or rounds until steady); returns how many were created.</summary>
    private static async Task<int> WarmUpAsync(HttpClient http, List<Target> targets, List<Report> reports, Options o)
    {
        if (o.Warmup >= 0)
        {
            var warm = await DriveAsync(http, targets, reports, 0, o.Warmup, o.Concurrency, o.MaxTime);
            Console.WriteLine($"warm-up: {warm.Created:N0}/{warm.Sent:N0} created in {warm.Elapsed.TotalSeconds:0.0} s ({warm.Created / warm.Elapsed.TotalSeconds:N0}/s){Failures(warm)}");
            return warm.Created;
        }
        var created = 0;
        var rounds = new List<string>();
        var clock = Stopwatch.StartNew();
        for (var round = 1; round <= SteadyMaxRounds && clock.Elapsed < SteadyMinTime; round++)
        {
            var cpu0 = targets.Sum(t => Cpu.ProcessSeconds(t.Pid));
            var r = await DriveAsync(http, targets, reports, (round - 1) * SteadyRound, round * SteadyRound, o.Concurrency, SteadyMinTime);
            var appMs = (targets.Sum(t => Cpu.ProcessSeconds(t.Pid)) - cpu0) * 1000 / Math.Max(1, r.Created);
            created += r.Created;
            rounds.Add($"{r.Created / r.Elapsed.TotalSeconds:N0}/s {appMs:0.00} ms{Failures(r)}");
        }
        Console.WriteLine($"warm-up: {created:N0} reports in {clock.Elapsed.TotalSeconds:0} s, rounds of {SteadyRound:N0} (cases/s, apps' CPU per case): {string.Join(" → ", rounds)}");
        return created;
    }

    private static string Failures(LoadResult r) =>
        r.Failures.IsEmpty ? "" : " (" + string.Join(", ", r.Failures.OrderByDescending(f => f.Value).Select(f => $"{f.Key} ×{f.Value:N0}")) + ")" +
            (r.FailureSamples.TryPeek(out var s) ? $"; first: {s}" : "");

    private static double Pct(double[] sorted, double q) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static HttpClient NewClient(int concurrency) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = concurrency,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
        UseCookies = false,
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.None,
    })
    { Timeout = TimeSpan.FromSeconds(120) };

    private static async Task<string> LoginAsync(HttpClient http, string baseUrl)
    {
        using var r = await http.PostAsync($"{baseUrl}/api/auth/login",
            new StringContent(JsonSerializer.Serialize(new { userName = User, password = Password }), Encoding.UTF8, "application/json"));
        var body = await r.Content.ReadAsStringAsync();
        if (!r.IsSuccessStatusCode) throw new InvalidOperationException($"login {User} at {baseUrl}: {(int)r.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("accessToken").GetString()!;
    }

    /// <summary>Sends reports [from, to) with <paramref name="concurrency"/> in flight, report i to target i mod n.</summary>
    private static async Task<LoadResult> DriveAsync(HttpClient http, List<Target> targets, List<Report> reports, int from, int to, int concurrency, TimeSpan maxTime)
    {
        var result = new LoadResult();
        var latencies = new double[to - from];
        var done = new bool[to - from];
        var next = from - 1;
        var clock = Stopwatch.StartNew();
        var deadline = maxTime;
        async Task Worker()
        {
            while (true)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= to) return;
                if (clock.Elapsed > deadline) { result.TimedOut = true; return; }
                var target = targets[i % targets.Count];
                using var request = new HttpRequestMessage(HttpMethod.Post, target.Url);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", target.Token);
                request.Content = new ByteArrayContent(reports[i].Body);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                Interlocked.Increment(ref result.Sent);
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.SendAsync(request);
                    var body = await response.Content.ReadAsByteArrayAsync();
                    latencies[i - from] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    done[i - from] = true;
                    if (response.StatusCode == HttpStatusCode.Created) Interlocked.Increment(ref result.Created);
                    else
                    {
                        result.Failures.AddOrUpdate(((int)response.StatusCode).ToString(), 1, (_, n) => n + 1);
                        if (result.FailureSamples.Count < 5) result.FailureSamples.Enqueue($"{(int)response.StatusCode} {Encoding.UTF8.GetString(body)[..Math.Min(300, body.Length)]}");
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    result.Failures.AddOrUpdate(e.GetType().Name, 1, (_, n) => n + 1);
                    if (result.FailureSamples.Count < 5) result.FailureSamples.Enqueue(e.Message);
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(Worker)));
        result.Elapsed = clock.Elapsed;
        result.LatenciesMs = latencies.Where((_, k) => done[k]).ToArray();
        return result;
    }

    /// <summary>
    /// The reports: random points inside randomly chosen micro-grids of 锦江区 (read from the seeded database), one
    /// unique idempotency key each, serialised once so the load generator only copies bytes.
    /// </summary>
    private static async Task<List<Report>> MakeReportsAsync(DatabaseProvider provider, string cs, Options o, string runId)
    {
        var clock = Stopwatch.StartNew();
        var grids = new List<(string Code, Geometry Shape)>();
        var wkb = new WKBReader();
        await using (var conn = AreaBulkWriter.Open(provider, cs))
        await using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = $"SELECT code, boundary FROM areas WHERE kind = {(int)AreaKind.MicroGrid} AND code >= '{District}' AND code < '{AreaCode.UpperBound(District)}' ORDER BY code";
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
                grids.Add((r.GetString(0), wkb.Read((byte[])r.GetValue(1))));
        }
        if (grids.Count == 0) throw new InvalidOperationException($"no micro-grids under {District}: was the demo city seeded?");
        var categories = o.Category == "mix" ? PublicMinorCategories() : [o.Category];
        // The warm-up reports another category: it warms the apps (JIT, pools, caches) without adding to the measured
        // category's open cases, so the measured 98,000 meet the likely-duplicate density of one fresh day.
        var warmupCategory = o.Category == "mix" ? null : WarmupCategory(o.Category);
        var random = new Random(42);
        var total = o.WarmupReports + o.Count;
        var reports = new List<Report>(total);
        var factory = new GeometryFactory();
        string[] what = ["暴露垃圾未及时清运", "路面有积存垃圾渣土", "小区门口乱堆物料", "人行道占道经营", "井盖缺失有安全隐患", "绿地脏乱无人打理"];
        for (var i = 0; i < total; i++)
        {
            var (code, shape) = grids[random.Next(grids.Count)];
            var env = shape.EnvelopeInternal;
            double lon, lat;
            do
            {
                lon = env.MinX + random.NextDouble() * env.Width;
                lat = env.MinY + random.NextDouble() * env.Height;
            } while (!shape.Contains(factory.CreatePoint(new Coordinate(lon, lat))));
            lon = Math.Round(lon, 7);
            lat = Math.Round(lat, 7);
            var key = $"bench-{runId}-{i}";
            var body = JsonSerializer.SerializeToUtf8Bytes(new
            {
                categoryCode = i < o.WarmupReports && warmupCategory is not null ? warmupCategory : categories[i % categories.Length],
                description = $"巡查发现{what[i % what.Length]}，请尽快处理（编号 {i}）",
                lon,
                lat,
                source = "patrol",
                idempotencyKey = key,
            });
            reports.Add(new Report(i, lon, lat, code, key, body));
        }
        Console.WriteLine($"warm-up reports use category {warmupCategory ?? "mix"}, measured ones {o.Category}");
        Console.WriteLine($"{total:N0} reports over {grids.Count:N0} micro-grids of {District} generated in {clock.Elapsed.TotalSeconds:0.0} s (body {reports[0].Body.Length} bytes: {Encoding.UTF8.GetString(reports[0].Body)})");
        return reports;
    }

    private static string[] PublicMinorCategories() =>
        File.ReadLines(Path.Combine(FullCity.RepoRoot(), "data", "categories", "categories.csv")).Skip(1)
            .Select(l => l.Split(',')).Where(f => f[0].Length == 4 && f[10] == "true").Select(f => f[0]).ToArray();

    /// <summary>For a COPY-only run: seed the demo city into a scratch database just to draw the same kind of points.</summary>
    private static async Task<List<Report>> ReportsWithoutAppAsync(PostgresServer server, Options o, string runId)
    {
        var cs = await server.CreateDatabaseAsync("bench_intake_points");
        await Migrator.MigrateAsync(DatabaseProvider.Postgres, cs);
        await CitySeeder.SeedAsync(DatabaseProvider.Postgres, cs, FullCity.Data(), GridGov.Domain.Demo.CityScale.Demo);
        return await MakeReportsAsync(DatabaseProvider.Postgres, cs, o, runId);
    }

    /// <summary>
    /// The physical limit: the measured reports as binary COPY into a freshly migrated database (same indexes and
    /// triggers): the case rows exactly as intake fills them, then one history row per case, then — separately
    /// timed — the audit row intake also writes per case.
    /// </summary>
    private static async Task CopyBaselineAsync(PostgresServer server, List<Report> all, Options o, double? httpRate)
    {
        Console.WriteLine();
        Console.WriteLine("## PostgreSQL binary COPY of the same rows (physical limit)");
        var cs = await server.CreateDatabaseAsync("bench_intake_copy");
        await Migrator.MigrateAsync(DatabaseProvider.Postgres, cs);
        var reports = all.Skip(o.WarmupReports).Take(o.Count).ToList();
        var now = DateTime.UtcNow;
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        const long userId = 42; // cases carry no foreign keys; any reporter id will do

        var clock = Stopwatch.StartNew();
        await CopyCasesAsync(conn, reports, 1, userId, now, "copy");
        var casesTime = clock.Elapsed;
        await CopyHistoryAsync(conn, reports.Count, 1, userId, now);
        var withHistory = clock.Elapsed;
        await CopyAuditAsync(conn, reports, 1, userId, now);
        var withAudit = clock.Elapsed;
        var n = reports.Count;
        var copyRate = n / withHistory.TotalSeconds;
        var auditRate = n / withAudit.TotalSeconds;
        Console.WriteLine($"COPY {n:N0} cases in {casesTime.TotalSeconds:0.00} s, + {n:N0} case_history rows: {withHistory.TotalSeconds:0.00} s total = {copyRate:N0} cases/s (case + history)");
        Console.WriteLine($"  + {n:N0} audit_log rows (the interceptor's entry for each case): {withAudit.TotalSeconds:0.00} s total = {auditRate:N0} cases/s (case + history + audit)");
        if (httpRate is { } h)
            Console.WriteLine($"  ratio COPY ÷ HTTP intake on PostgreSQL: {copyRate / h:0}× (case + history), {auditRate / h:0}× (with the audit rows); HTTP reaches {100 * h / copyRate:0.0}% / {100 * h / auditRate:0.0}% of COPY");
        await using (var cmd = new NpgsqlCommand("SELECT (SELECT count(*) FROM cases), (SELECT count(*) FROM case_history), (SELECT count(*) FROM audit_log)", conn))
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            await r.ReadAsync();
            Console.WriteLine($"  check: cases {r.GetInt64(0):N0}, case_history {r.GetInt64(1):N0}, audit_log {r.GetInt64(2):N0}");
        }
    }

    /// <summary>
    /// End of the day: the table already holds <paramref name="count"/> open cases of the same reporter and category
    /// (what intake would have written), so the measured requests see a full day's table.
    /// </summary>
    private static async Task PreloadAsync(string cs, List<Report> reports, int count)
    {
        var clock = Stopwatch.StartNew();
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        long userId;
        await using (var cmd = new NpgsqlCommand("SELECT id FROM users WHERE normalized_user_name = @u", conn))
        {
            cmd.Parameters.AddWithValue("u", User.ToUpperInvariant());
            userId = (long)(await cmd.ExecuteScalarAsync())!;
        }
        // Reuse the same points (same micro-grids, same density); keys and tracking numbers differ from the run's.
        var rows = Enumerable.Range(0, count).Select(i => reports[i % reports.Count]).ToList();
        var now = DateTime.UtcNow.AddHours(-12);
        const long firstId = 1_000_000_000;
        await CopyCasesAsync(conn, rows, firstId, userId, now, "pre");
        await CopyHistoryAsync(conn, rows.Count, firstId, userId, now);
        await using (var cmd = new NpgsqlCommand("ANALYZE cases; ANALYZE case_history", conn)) await cmd.ExecuteNonQueryAsync();
        Console.WriteLine($"preload: {count:N0} open cases of {User} (category {JsonDocument.Parse(reports[0].Body).RootElement.GetProperty("categoryCode").GetString()}) + history rows by COPY in {clock.Elapsed.TotalSeconds:0.0} s, then ANALYZE");
    }

    private static async Task CopyCasesAsync(NpgsqlConnection conn, List<Report> reports, long firstId, long userId, DateTime now, string keyPrefix)
    {
        var random = new Random(7);
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        await using var w = await conn.BeginBinaryImportAsync(
            "COPY cases (id, tracking_no, category_code, description, source, status, pending, lon, lat, area_code, district_code, location_flagged, " +
            "reporter_user_id, reporter_name, handler_level, reported_at, suspended_hours, escalation_count, rework_count, idempotency_key, version, self_resolved) FROM STDIN (FORMAT BINARY)");
        for (var i = 0; i < reports.Count; i++)
        {
            var r = reports[i];
            var json = JsonDocument.Parse(r.Body).RootElement;
            await w.StartRowAsync();
            await w.WriteAsync(firstId + i, NpgsqlDbType.Bigint);
            // The app's shape (yyyyMMdd-6 random letters) would collide at this volume; a counter keeps them unique.
            await w.WriteAsync($"{now:yyyyMMdd}-{alphabet[random.Next(32)]}{keyPrefix[0]}{i:D6}", NpgsqlDbType.Varchar);
            await w.WriteAsync(json.GetProperty("categoryCode").GetString()!, NpgsqlDbType.Varchar);
            await w.WriteAsync(json.GetProperty("description").GetString()!, NpgsqlDbType.Varchar);
            await w.WriteAsync("patrol", NpgsqlDbType.Varchar);
            await w.WriteAsync(0, NpgsqlDbType.Integer);
            await w.WriteAsync(0, NpgsqlDbType.Integer);
            await w.WriteAsync(r.Lon, NpgsqlDbType.Double);
            await w.WriteAsync(r.Lat, NpgsqlDbType.Double);
            await w.WriteAsync(r.MicroGrid, NpgsqlDbType.Varchar);
            await w.WriteAsync(District, NpgsqlDbType.Varchar);
            await w.WriteAsync(false, NpgsqlDbType.Boolean);
            await w.WriteAsync(userId, NpgsqlDbType.Bigint);
            await w.WriteAsync(User, NpgsqlDbType.Varchar);
            await w.WriteAsync(5, NpgsqlDbType.Integer);
            await w.WriteAsync(now, NpgsqlDbType.TimestampTz);
            await w.WriteAsync(0.0, NpgsqlDbType.Double);
            await w.WriteAsync(0, NpgsqlDbType.Integer);
            await w.WriteAsync(0, NpgsqlDbType.Integer);
            await w.WriteAsync($"{userId}:{keyPrefix}-{r.Key}-{i}", NpgsqlDbType.Varchar);
            await w.WriteAsync(1, NpgsqlDbType.Integer);
            await w.WriteAsync(false, NpgsqlDbType.Boolean);
        }
        await w.CompleteAsync();
    }

    private static async Task CopyHistoryAsync(NpgsqlConnection conn, int count, long firstId, long userId, DateTime now)
    {
        await using var w = await conn.BeginBinaryImportAsync(
            "COPY case_history (case_id, district_code, at, actor_user_id, actor_name, action, from_status, to_status) FROM STDIN (FORMAT BINARY)");
        for (var i = 0; i < count; i++)
        {
            await w.StartRowAsync();
            await w.WriteAsync(firstId + i, NpgsqlDbType.Bigint);
            await w.WriteAsync(District, NpgsqlDbType.Varchar);
            await w.WriteAsync(now, NpgsqlDbType.TimestampTz);
            await w.WriteAsync(userId, NpgsqlDbType.Bigint);
            await w.WriteAsync(User, NpgsqlDbType.Varchar);
            await w.WriteAsync("report", NpgsqlDbType.Varchar);
            await w.WriteAsync(0, NpgsqlDbType.Integer);
            await w.WriteAsync(0, NpgsqlDbType.Integer);
        }
        await w.CompleteAsync();
    }

    /// <summary>What AuditInterceptor writes for a new case: one entry with every field (JSON before → after).</summary>
    private static async Task CopyAuditAsync(NpgsqlConnection conn, List<Report> reports, long firstId, long userId, DateTime now)
    {
        await using var w = await conn.BeginBinaryImportAsync(
            "COPY audit_log (at, user_id, user_name, action, entity_type, entity_id, area_code, district_code, summary, ip) FROM STDIN (FORMAT BINARY)");
        for (var i = 0; i < reports.Count; i++)
        {
            var r = reports[i];
            var json = JsonDocument.Parse(r.Body).RootElement;
            var summary = JsonSerializer.Serialize(new Dictionary<string, object?[]>
            {
                ["AreaCode"] = [null, r.MicroGrid], ["CategoryCode"] = [null, json.GetProperty("categoryCode").GetString()],
                ["Description"] = [null, json.GetProperty("description").GetString()], ["DistrictCode"] = [null, District], ["HandlerLevel"] = [null, 5],
                ["IdempotencyKey"] = [null, $"{userId}:{r.Key}"], ["Lat"] = [null, r.Lat], ["Lon"] = [null, r.Lon], ["ReportedAt"] = [null, now],
                ["ReporterName"] = [null, User], ["ReporterUserId"] = [null, userId], ["Source"] = [null, "patrol"], ["Status"] = [null, 0],
                ["TrackingNo"] = [null, $"{now:yyyyMMdd}-{i:D6}"], ["Version"] = [null, 1],
            });
            await w.StartRowAsync();
            await w.WriteAsync(now, NpgsqlDbType.TimestampTz);
            await w.WriteAsync(userId, NpgsqlDbType.Bigint);
            await w.WriteAsync(User, NpgsqlDbType.Varchar);
            await w.WriteAsync("create", NpgsqlDbType.Varchar);
            await w.WriteAsync("Case", NpgsqlDbType.Varchar);
            await w.WriteAsync((firstId + i).ToString(), NpgsqlDbType.Varchar);
            await w.WriteAsync(r.MicroGrid, NpgsqlDbType.Varchar);
            await w.WriteAsync(District, NpgsqlDbType.Varchar);
            await w.WriteAsync(summary, NpgsqlDbType.Varchar);
            await w.WriteAsync("127.0.0.1", NpgsqlDbType.Varchar);
        }
        await w.CompleteAsync();
    }

    private static async Task<long> ScalarAsync(DbConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
