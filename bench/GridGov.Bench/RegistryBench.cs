using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GridGov.Testing;
using Npgsql;

namespace GridGov.Bench;

/// <summary>
/// The people and homes registry at a city's size (issue 14): a full-scale seeded city on PostgreSQL, then the app's
/// own CLI `generate-people` loads N residents (default 21,000,000) and 9/21 as many houses; then, through the running
/// app over HTTP, look-ups by ID number (as a community, a district and the city) and name searches within a community,
/// each beside the bare SQL of the same query in the same run. Options: --people N, --samples N, --keep NAME (load into
/// database NAME and keep it: a later run with the same NAME and N reuses it; with GRIDGOV_TEST_PG pointing at a
/// server that outlives the run).
/// </summary>
public static class RegistryBench
{
    private const string Password = "gridgov-demo-2026";
    private const string Community = "510104017001"; // 水井坊社区: the demo secretary's

    public static async Task RunAsync(string[] args)
    {
        var people = args.SkipWhile(a => a != "--people").Skip(1).Select(long.Parse).FirstOrDefault(21_000_000);
        var samples = args.SkipWhile(a => a != "--samples").Skip(1).Select(int.Parse).FirstOrDefault(500);
        var keep = args.SkipWhile(a => a != "--keep").Skip(1).FirstOrDefault();
        using var server = PostgresServer.Start();
        var (cs, existed) = keep is null ? (await server.CreateDatabaseAsync("bench_registry"), false) : await Kept(server, keep);
        var marker = $"{people} generated residents";
        if (!existed || await Scalar<string>(cs, "SELECT obj_description('people'::regclass, 'pg_class')") != marker)
        {
            if (existed) throw new InvalidOperationException($"database {keep} holds something else; drop it or choose another --keep name");
            await LoadAsync(cs, people, marker);
        }
        else Console.WriteLine($"registry: reusing database {keep}: {marker}");

        var sizes = await Scalar<string>(cs, "SELECT format('%s people, %s houses, %s residences; people table %s, its indexes %s', " +
            "(SELECT count(*) FROM people), (SELECT count(*) FROM houses), (SELECT count(*) FROM residences), " +
            "pg_size_pretty(pg_table_size('people')), pg_size_pretty(pg_indexes_size('people')))");
        Console.WriteLine($"registry: {sizes}");

        using var app = await AppProcess.StartAsync("registry", "Postgres", cs, TimeSpan.FromMinutes(5),
            new Dictionary<string, string> { ["GridGov__DemoScale"] = "full" });
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
        var secretary = await Login(http, "sjf.secretary");
        var district = await Login(http, "jinjiang.admin");
        var city = await Login(http, "city.admin");

        // Clear ID numbers to look up: revealed (with a reason, as the app requires) for random residents of the community.
        var ids = await Column<long>(cs, $"SELECT id FROM people WHERE area_code >= '{Community}' AND area_code < '{Community}~' ORDER BY random() LIMIT {Math.Min(samples, 300)}");
        var numbers = new List<(string Number, string Hash)>();
        foreach (var id in ids)
        {
            using var r = await Send(http, secretary, $"/api/people/{id}/profile?reason=bench");
            var number = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.GetProperty("idNumber").GetString()!;
            numbers.Add((number, await Scalar<string>(cs, $"SELECT id_number_hash FROM people WHERE id = {id}")));
        }
        Console.WriteLine($"registry: {numbers.Count} ID numbers revealed for the look-ups");

        foreach (var (who, token) in new[] { ("community secretary", secretary), ("district admin", district), ("city admin", city) })
            await Time($"look-up by ID number as {who}", samples, i => Get(http, token, $"/api/people?idNumber={numbers[i % numbers.Count].Number}", expectOne: true));
        await using (var conn = new NpgsqlConnection(cs))
        {
            await conn.OpenAsync();
            await Time("baseline: bare SQL by ID-number hash", samples, async i =>
            {
                await using var cmd = new NpgsqlCommand("SELECT id, name, id_number_masked FROM people WHERE id_number_hash = $1", conn);
                cmd.Parameters.AddWithValue(numbers[i % numbers.Count].Hash);
                await using var r = await cmd.ExecuteReaderAsync();
                while (await r.ReadAsync()) { }
            });
        }

        // Name searches within a community: a surname alone (hundreds of matches, first 50) and surname + a given name's first character.
        var communities = await Column<string>(cs, "SELECT code FROM areas WHERE kind = 3 AND code LIKE '510104%' ORDER BY code");
        string[] names = ["王", "李", "张", "刘", "陈", "王秀", "李建", "张志", "刘丽", "陈敏"];
        await Time("name search in the secretary's community", samples, i => Get(http, secretary, $"/api/people?name={Uri.EscapeDataString(names[i % names.Length])}"));
        await Time("name search in a community of the district (district admin, area=community)", samples,
            i => Get(http, district, $"/api/people?name={Uri.EscapeDataString(names[i % names.Length])}&area={communities[i * 7 % communities.Count]}"));
        await using (var conn = new NpgsqlConnection(cs))
        {
            await conn.OpenAsync();
            await Time("baseline: bare SQL name prefix in a community (area range, first 50)", samples, async i =>
            {
                var c = communities[i * 7 % communities.Count];
                await using var cmd = new NpgsqlCommand("SELECT id, name FROM people WHERE area_code >= $1 AND area_code < $2 AND name LIKE $3 ORDER BY name, id LIMIT 50", conn);
                cmd.Parameters.AddWithValue(c);
                cmd.Parameters.AddWithValue(c + "~");
                cmd.Parameters.AddWithValue(names[i % names.Length] + "%");
                await using var r = await cmd.ExecuteReaderAsync();
                while (await r.ReadAsync()) { }
            });
        }
    }

    private static async Task LoadAsync(string cs, long people, string marker)
    {
        var clock = Stopwatch.StartNew();
        using (await AppProcess.StartAsync("registry-seed", "Postgres", cs, TimeSpan.FromMinutes(10), new Dictionary<string, string> { ["GridGov__DemoScale"] = "full" }))
            Console.WriteLine($"registry: full-scale city seeded by the app's first start in {clock.Elapsed.TotalSeconds:0} s");
        clock.Restart();
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(AppProcess.DllPath())!, UseShellExecute = false };
        foreach (var a in new[] { AppProcess.DllPath(), "generate-people", "--provider", "postgres", "--connection", cs, "--people", people.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            psi.ArgumentList.Add(a);
        using (var p = Process.Start(psi)!)
        {
            await p.WaitForExitAsync();
            if (p.ExitCode != 0) throw new InvalidOperationException($"generate-people exited with {p.ExitCode}");
        }
        Console.WriteLine($"registry: generate-people --people {people:N0} took {clock.Elapsed.TotalSeconds:0} s (CLI process, binary COPY, one transaction, ANALYZE)");
        await Exec(cs, $"VACUUM ANALYZE people; VACUUM ANALYZE residences; VACUUM ANALYZE houses; COMMENT ON TABLE people IS '{marker}'");
    }

    private static async Task Time(string what, int samples, Func<int, Task> call)
    {
        for (var i = 0; i < 20; i++) await call(i); // warm-up: connections, plans, JIT
        var ms = new List<double>(samples);
        for (var i = 0; i < samples; i++)
        {
            var t = Stopwatch.GetTimestamp();
            await call(i + 20);
            ms.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        ms.Sort();
        Console.WriteLine($"registry: {what}: p50 {Pct(ms, 0.5):0.0} ms, p95 {Pct(ms, 0.95):0.0} ms, p99 {Pct(ms, 0.99):0.0} ms, max {ms[^1]:0.0} ms ({samples} sequential calls)");
    }

    private static double Pct(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static async Task Get(HttpClient http, string token, string url, bool expectOne = false)
    {
        using var r = await Send(http, token, url);
        var body = await r.Content.ReadAsStringAsync();
        if (!r.IsSuccessStatusCode) throw new InvalidOperationException($"{url}: {(int)r.StatusCode} {body}");
        if (expectOne && JsonDocument.Parse(body).RootElement.GetArrayLength() != 1) throw new InvalidOperationException($"{url}: expected one resident, got {body}");
    }

    private static async Task<HttpResponseMessage> Send(HttpClient http, string token, string url)
    {
        using var req = new HttpRequestMessage(HttpMethod.Get, url);
        req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(req);
    }

    private static async Task<string> Login(HttpClient http, string user)
    {
        using var r = await http.PostAsync("/api/auth/login", new StringContent(JsonSerializer.Serialize(new { userName = user, password = Password }), Encoding.UTF8, "application/json"));
        var body = await r.Content.ReadAsStringAsync();
        if (!r.IsSuccessStatusCode) throw new InvalidOperationException($"login {user}: {(int)r.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("accessToken").GetString()!;
    }

    private static async Task<(string, bool)> Kept(PostgresServer server, string name)
    {
        await using var conn = new NpgsqlConnection(server.ConnectionString);
        await conn.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", conn);
        exists.Parameters.AddWithValue(name);
        var existed = await exists.ExecuteScalarAsync() is not null;
        if (!existed)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "", StringComparison.Ordinal)}\" TEMPLATE template0 ENCODING 'UTF8'", conn);
            await create.ExecuteNonQueryAsync();
        }
        return (server.ConnectionStringFor(name), existed);
    }

    private static async Task Exec(string cs, string sql)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        foreach (var statement in sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            await using var cmd = new NpgsqlCommand(statement, conn) { CommandTimeout = 7200 };
            await cmd.ExecuteNonQueryAsync();
        }
    }

    private static async Task<T> Scalar<T>(string cs, string sql)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 600 };
        return (T)(await cmd.ExecuteScalarAsync() ?? default(T)!);
    }

    private static async Task<List<T>> Column<T>(string cs, string sql)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 600 };
        await using var r = await cmd.ExecuteReaderAsync();
        var list = new List<T>();
        while (await r.ReadAsync()) list.Add(r.GetFieldValue<T>(0));
        return list;
    }
}
