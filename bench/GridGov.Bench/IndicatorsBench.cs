using System.Diagnostics;
using GridGov.Data;
using GridGov.Data.Migrations;
using GridGov.Domain.Cases;
using GridGov.Testing;
using GridGov.Web.Features.Indicators;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace GridGov.Bench;

/// <summary>
/// Indicators for a district over N cases (default 10,000,000) on PostgreSQL: COPY the cases, build the daily
/// rollups with the app's own StatsRollup, then time the app's own IndicatorEndpoints.Compute for the district over
/// 30 days and 365 days (p50/p95 of repeated calls), and the direct computation from cases as the baseline.
/// Options: --count N, --china-time HH:mm (the instant the data ends and the clock stands at), --keep NAME (load
/// into database NAME and keep it; a later run with the same NAME, count and clock reuses the loaded cases and daily
/// rows, which take ≈ 30 min to build at 10 M here; use with GRIDGOV_TEST_PG pointing at a server that outlives the run).
/// </summary>
public static class IndicatorsBench
{
    public static async Task RunAsync(string[] args)
    {
        var count = args.SkipWhile(a => a != "--count").Skip(1).Select(int.Parse).FirstOrDefault(10_000_000);
        var communities = FullCity.Divisions().Where(d => d.Kind == Domain.Areas.AreaKind.Community && d.Code.StartsWith("510104", StringComparison.Ordinal))
            .Select(d => d.Code).ToArray();
        using var server = PostgresServer.Start();
        var keep = args.SkipWhile(a => a != "--keep").Skip(1).FirstOrDefault();
        var (cs, loaded) = keep is null ? (await server.CreateDatabaseAsync("bench_indicators"), false) : await KeptDatabaseAsync(server, keep);
        await Migrator.MigrateAsync(DatabaseProvider.Postgres, cs);
        var now = DateTime.UtcNow;
        // --china-time HH:mm: the data ends (and the clock stands) at the latest past instant with that China time of day,
        // e.g. 23:59 for the most of today in hourly rows plus the longest live part (59 minutes).
        if (args.SkipWhile(a => a != "--china-time").Skip(1).FirstOrDefault() is { } hhmm)
        {
            var china = now.Add(StatsDays.China);
            var wanted = china.Date + TimeSpan.Parse(hhmm, System.Globalization.CultureInfo.InvariantCulture);
            if (wanted > china) wanted = wanted.AddDays(-1);
            now = DateTime.SpecifyKind(wanted - StatsDays.China, DateTimeKind.Utc);
        }
        // Every step sees the instant the data ends at: a run that crosses midnight in China must not see a new, empty day.
        var at = new FixedTime(new DateTimeOffset(now, TimeSpan.Zero));
        Console.WriteLine($"indicators: the clock is fixed at {now:yyyy-MM-dd HH:mm} UTC ({StatsDays.Hour(now)} China time) for every step");
        var clock = Stopwatch.StartNew();
        var marker = $"{count} cases ending {now:O}";
        if (loaded && await ReadMarkerAsync(cs) == marker)
        {
            Console.WriteLine($"indicators: reusing database {keep}: {marker}");
            await RunQueriesAsync(cs, at);
            return;
        }
        if (loaded) await EmptyAsync(cs); // another count or clock, or a load that did not finish
        await CopyCases(cs, count, communities, now);
        await using (var conn = new NpgsqlConnection(cs))
        {
            // Autovacuum would analyse the table soon after a load like this; do it now so plans are realistic.
            await conn.OpenAsync();
            await using var analyse = new NpgsqlCommand("VACUUM ANALYZE cases", conn) { CommandTimeout = 3600 };
            await analyse.ExecuteNonQueryAsync();
        }
        Console.WriteLine($"indicators: copied {count:N0} cases into {communities.Length} communities of 510104 over 365 days in {clock.Elapsed.TotalSeconds:0} s");

        clock.Restart();
        await using (var db = DbSetup.Create(DatabaseProvider.Postgres, cs))
        {
            db.Database.SetCommandTimeout(3600);
            var rows = await new StatsRollup(db, at).RebuildAllAsync(CancellationToken.None);
            Console.WriteLine($"indicators: built {rows:N0} community-day rollup rows (+ street and district rows) and today's hourly rows in {clock.Elapsed.TotalSeconds:0} s");
            // Today's completed hours alone, as the job's first pass of a day builds them, then a steady-state pass.
            foreach (var everything in new[] { true, false })
            {
                clock.Restart();
                var touched = await new StatsHourlyRollup(db, at).RebuildAsync(everything, CancellationToken.None);
                Console.WriteLine($"indicators: hourly rows of today, {(everything ? "full pass" : "pass with nothing dirty and no hour completed")}: {touched} communities in {clock.Elapsed.TotalMilliseconds:0} ms; " +
                    $"built through {await StatsHourlyRollup.ThroughAsync(db, CancellationToken.None):HH:mm} UTC ({await db.CaseStatsHourly.CountAsync():N0} hourly rows)");
            }
        }
        if (keep is not null) await WriteMarkerAsync(cs, marker);
        await RunQueriesAsync(cs, at);
    }

    private static async Task RunQueriesAsync(string cs, FixedTime at)
    {
        var clock = Stopwatch.StartNew();
        await using (var db = DbSetup.Create(DatabaseProvider.Postgres, cs))
        {
            // A reused database: today's rows as the job keeps them (an idempotent pass; also after a code change).
            var touched = await new StatsHourlyRollup(db, at).RebuildAsync(everything: true, CancellationToken.None);
            Console.WriteLine($"indicators: rows of today, full pass: {touched} communities in {clock.Elapsed.TotalMilliseconds:0} ms; " +
                $"built through {await StatsHourlyRollup.ThroughAsync(db, CancellationToken.None):HH:mm} UTC");
        }

        var end = at.GetUtcNow();
        foreach (var days in new[] { 30, 365 })
        {
            var start = StatsDays.StartOffset(StatsDays.Day(end.AddDays(-days).UtcDateTime));
            var timings = new List<double>();
            IndicatorSetSummary? summary = null;
            for (var i = 0; i < 40; i++)
            {
                await using var db = DbSetup.Create(DatabaseProvider.Postgres, cs);
                var sw = Stopwatch.StartNew();
                var set = await IndicatorEndpoints.Compute(db, ["510104"], null, null, start, end, end, CancellationToken.None);
                timings.Add(sw.Elapsed.TotalMilliseconds);
                summary = new IndicatorSetSummary(set.Due, set.ClosureRate, set.ResponseRate24h);
            }
            var firstCall = timings[0];
            timings = timings.Skip(5).Order().ToList(); // first calls warm the JIT, the connection pool and the decoded-row cache
            Console.WriteLine($"indicators via rollups, district 510104, {days} days: p50 {Pct(timings, 0.5):0.0} ms, p95 {Pct(timings, 0.95):0.0} ms, max {timings[^1]:0.0} ms; " +
                $"first call (cold: JIT, pool, daily rows not yet decoded in this process) {firstCall:0} ms ({summary})");
        }

        // Whole past days only (no live part for today): the rollup rows alone.
        {
            var todayStart = StatsDays.StartOffset(StatsDays.Day(end.UtcDateTime));
            var start = todayStart.AddDays(-30);
            var timings = new List<double>();
            for (var i = 0; i < 40; i++)
            {
                await using var db = DbSetup.Create(DatabaseProvider.Postgres, cs);
                var sw = Stopwatch.StartNew();
                await IndicatorEndpoints.Compute(db, ["510104"], null, null, start, todayStart, end, CancellationToken.None);
                timings.Add(sw.Elapsed.TotalMilliseconds);
            }
            timings = timings.Skip(5).Order().ToList();
            Console.WriteLine($"indicators via rollups only (30 whole past days, no live today): p50 {Pct(timings, 0.5):0.0} ms, p95 {Pct(timings, 0.95):0.0} ms");
            var hourStart = StatsDays.HourStart(end);
            DateTimeOffset through;
            await using (var db = DbSetup.Create(DatabaseProvider.Postgres, cs))
                through = await StatsHourlyRollup.ThroughAsync(db, CancellationToken.None) ?? hourStart;
            await TimeLiveAsync(cs, todayStart, end, "today so far", "the whole of today computed live (as before hourly rows)");
            await TimeLiveAsync(cs, hourStart, end, $"current hour so far ({hourStart:HH:mm}–{end:HH:mm} UTC)", "the current hour computed live (as with whole-hour rows)");
            await TimeLiveAsync(cs, through, end, $"since the rows' last 10-minute mark ({through:HH:mm}–{end:HH:mm} UTC)", "the live part now (since the mark)");
        }

        // Baseline: the same 30 days computed from the cases themselves.
        {
            var start = StatsDays.StartOffset(StatsDays.Day(end.AddDays(-30).UtcDateTime));
            await using var db = DbSetup.Create(DatabaseProvider.Postgres, cs);
            db.Database.SetCommandTimeout(3600);
            var sw = Stopwatch.StartNew();
            var facts = await IndicatorEndpoints.Facts(db, ["510104"], null, null, start.UtcDateTime, end.UtcDateTime, CancellationToken.None);
            var set = Domain.Indicators.CaseIndicators.Compute(facts.Select(f => f.Facts), start, end);
            Console.WriteLine($"indicators direct from cases, district 510104, 30 days: {sw.Elapsed.TotalMilliseconds:0} ms for {facts.Count:N0} cases (due {set.Due:N0}, closure {set.ClosureRate:P2})");
            var rolled = await IndicatorEndpoints.Compute(db, ["510104"], null, null, start, end, end, CancellationToken.None);
            var same = (set.Reported, set.Registered, set.Due, set.Closed, set.ClosedOnTime, set.ResponseDue, set.RespondedWithin24h, set.Rated, set.Satisfied)
                       == (rolled.Reported, rolled.Registered, rolled.Due, rolled.Closed, rolled.ClosedOnTime, rolled.ResponseDue, rolled.RespondedWithin24h, rolled.Rated, rolled.Satisfied);
            Console.WriteLine($"check: rollups (daily + hourly + live) vs direct, 30 days, every count: {(same ? "equal" : $"DIFFERENT: direct {set.Reported}/{set.Due}/{set.Closed}, rollups {rolled.Reported}/{rolled.Due}/{rolled.Closed}")}");
            // The same check for the parts alone: whole past days (daily rows), and today (hourly rows + the current hour live).
            var todayStart = StatsDays.StartOffset(StatsDays.Day(end.UtcDateTime));
            foreach (var (label, from, to) in new[] { ("30 whole past days", start, todayStart), ("today", todayStart, end) })
            {
                var f = await IndicatorEndpoints.Facts(db, ["510104"], null, null, from.UtcDateTime, to.UtcDateTime, CancellationToken.None);
                var d = Domain.Indicators.CaseIndicators.Compute(f.Select(x => x.Facts), from, to);
                var r = await IndicatorEndpoints.Compute(db, ["510104"], null, null, from, to, end, CancellationToken.None);
                var equal = (d.Reported, d.Registered, d.Due, d.Closed, d.ClosedOnTime, d.ResponseDue, d.RespondedWithin24h, d.Rated, d.Satisfied)
                            == (r.Reported, r.Registered, r.Due, r.Closed, r.ClosedOnTime, r.ResponseDue, r.RespondedWithin24h, r.Rated, r.Satisfied);
                Console.WriteLine($"check: {label}: {(equal ? "equal" : "DIFFERENT")}: reported/registered/due/closed/on time/response due/within 24 h " +
                    $"direct {d.Reported}/{d.Registered}/{d.Due}/{d.Closed}/{d.ClosedOnTime}/{d.ResponseDue}/{d.RespondedWithin24h}, " +
                    $"rollups {r.Reported}/{r.Registered}/{r.Due}/{r.Closed}/{r.ClosedOnTime}/{r.ResponseDue}/{r.RespondedWithin24h}");
            }
        }
    }

    /// <summary>The kept database NAME, created if missing; true when it existed (it may hold a loaded data set).</summary>
    private static async Task<(string ConnectionString, bool Existed)> KeptDatabaseAsync(PostgresServer server, string name)
    {
        await using var conn = new NpgsqlConnection(server.ConnectionString);
        await conn.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", conn);
        exists.Parameters.AddWithValue("n", name);
        var existed = await exists.ExecuteScalarAsync() is not null;
        if (!existed)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "", StringComparison.Ordinal)}\" TEMPLATE template0 ENCODING 'UTF8'", conn);
            await create.ExecuteNonQueryAsync();
        }
        return (server.ConnectionStringFor(name), existed);
    }

    private static async Task EmptyAsync(string cs)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("TRUNCATE cases, case_stats_daily, case_stats_dirty, case_stats_hourly, case_stats_hour_dirty CASCADE", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<string?> ReadMarkerAsync(string cs)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT obj_description('cases'::regclass, 'pg_class')", conn);
        return await cmd.ExecuteScalarAsync() as string;
    }

    private static async Task WriteMarkerAsync(string cs, string marker)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"COMMENT ON TABLE cases IS '{marker.Replace("'", "''", StringComparison.Ordinal)}'", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Times reading the cases of [from, to) as the live part of a query does (20 calls, the first 3 discarded).</summary>
    private static async Task TimeLiveAsync(string cs, DateTimeOffset from, DateTimeOffset to, string what, string label)
    {
        var timings = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            await using var db = DbSetup.Create(DatabaseProvider.Postgres, cs);
            var sw = Stopwatch.StartNew();
            var facts = await IndicatorEndpoints.Facts(db, ["510104"], null, null, from.UtcDateTime, to.UtcDateTime, CancellationToken.None);
            timings.Add(sw.Elapsed.TotalMilliseconds);
            if (i == 0) Console.WriteLine($"{what}: {facts.Count:N0} cases with an instant in it");
        }
        timings = timings.Skip(3).Order().ToList();
        Console.WriteLine($"{label}: p50 {Pct(timings, 0.5):0.0} ms, p95 {Pct(timings, 0.95):0.0} ms");
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed record IndicatorSetSummary(long Due, double? ClosureRate, double? ResponseRate24h);

    private static double Pct(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static async Task CopyCases(string cs, int count, string[] communities, DateTime now)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        var rng = new Random(42);
        await using var copy = await conn.BeginBinaryImportAsync("""
            COPY cases (tracking_no, category_code, description, source, status, pending, lon, lat, area_code, district_code,
              location_flagged, handler_level, reported_at, registered_at, responded_at, feedback_at, closed_at, response_due_at,
              resolve_due_at, yellow_at, suspended_hours, escalation_count, rework_count, rating, version, self_resolved)
            FROM STDIN (FORMAT BINARY)
            """);
        for (var i = 0; i < count; i++)
        {
            var area = communities[rng.Next(communities.Length)] + "01" + (1 + rng.Next(8)).ToString("D2"); // a micro-grid of grid 01
            var reported = now.AddMinutes(-rng.Next(10, 365 * 24 * 60));
            var registered = reported.AddMinutes(rng.Next(5, 240));
            var due = registered.AddHours(72);
            var fate = rng.NextDouble();
            CaseStatus status;
            DateTime? responded = null, feedback = null, closed = null;
            if (fate < 0.05 || registered > now) status = CaseStatus.Registered;
            else
            {
                responded = registered.AddMinutes(rng.NextDouble() < 0.9 ? rng.Next(10, 900) : rng.Next(1500, 5000));
                if (fate < 0.1 || responded > now) { status = CaseStatus.Handling; responded = responded > now ? null : responded; if (responded is null) status = CaseStatus.Dispatched; }
                else
                {
                    closed = registered.AddHours(rng.NextDouble() < 0.85 ? rng.Next(2, 70) : rng.Next(73, 200));
                    feedback = closed.Value.AddHours(-1);
                    if (closed > now) { status = CaseStatus.Handling; closed = null; feedback = null; }
                    else status = CaseStatus.Closed;
                }
            }
            await copy.StartRowAsync();
            await copy.WriteAsync($"B{i:D10}", NpgsqlDbType.Varchar);
            await copy.WriteAsync("0101", NpgsqlDbType.Varchar);
            await copy.WriteAsync("bench", NpgsqlDbType.Varchar);
            await copy.WriteAsync("patrol", NpgsqlDbType.Varchar);
            await copy.WriteAsync((int)status, NpgsqlDbType.Integer);
            await copy.WriteAsync(0, NpgsqlDbType.Integer);
            await copy.WriteAsync(104.08, NpgsqlDbType.Double);
            await copy.WriteAsync(30.65, NpgsqlDbType.Double);
            await copy.WriteAsync(area, NpgsqlDbType.Varchar);
            await copy.WriteAsync("510104", NpgsqlDbType.Varchar);
            await copy.WriteAsync(false, NpgsqlDbType.Boolean);
            await copy.WriteAsync(1, NpgsqlDbType.Integer);
            await copy.WriteAsync(reported, NpgsqlDbType.TimestampTz);
            await copy.WriteAsync(registered, NpgsqlDbType.TimestampTz);
            await Nullable(copy, responded);
            await Nullable(copy, feedback);
            await Nullable(copy, closed);
            await copy.WriteAsync(registered.AddHours(2), NpgsqlDbType.TimestampTz);
            await copy.WriteAsync(due, NpgsqlDbType.TimestampTz);
            await copy.WriteAsync(registered.AddHours(57.6), NpgsqlDbType.TimestampTz);
            await copy.WriteAsync(0.0, NpgsqlDbType.Double);
            await copy.WriteAsync(0, NpgsqlDbType.Integer);
            await copy.WriteAsync(rng.NextDouble() < 0.08 ? 1 : 0, NpgsqlDbType.Integer);
            if (closed is not null && rng.NextDouble() < 0.6) await copy.WriteAsync(rng.Next(3, 6), NpgsqlDbType.Integer); else await copy.WriteNullAsync();
            await copy.WriteAsync(1, NpgsqlDbType.Integer);
            await copy.WriteAsync(false, NpgsqlDbType.Boolean);
        }
        await copy.CompleteAsync();
    }

    private static Task Nullable(NpgsqlBinaryImporter copy, DateTime? value) =>
        value is null ? copy.WriteNullAsync() : copy.WriteAsync(value.Value, NpgsqlDbType.TimestampTz);
}
