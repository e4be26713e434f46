using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GridGov.Domain.People;
using GridGov.Testing;
using GridGov.Web.Features.People.Import;
using Npgsql;
using NpgsqlTypes;

namespace GridGov.Bench;

/// <summary>
/// Import of a residents' sheet (issue 14): a registry of --people records loaded by COPY into a throwaway PostgreSQL,
/// then one --rows XLSX uploaded to the built app over HTTP as 水井坊社区's secretary, staged (parse, validate, match),
/// previewed and committed; then the same file again (every row unchanged). The file: a quarter of a fifth of its
/// rows are registered people already living in the house the row names (unchanged), another such part are
/// registered without a home and with another phone (updates: a phone and a move-in), the rest are new. The bulk of
/// the registry has real keyed hashes (the app's key) but placeholder ciphers and names the file never uses, so no
/// row needs one of them decrypted; its look-ups (ID hash, name and birth date) still run against the whole table.
/// With --database NAME the registry is an existing database on GRIDGOV_TEST_PG's server (a copy of a generate-people
/// registry: it is written to) and the people the file updates or leaves unchanged are first imported through the app
/// from a sheet of their own. --explain logs the plans of the app's statements of a second or more (auto_explain).
/// </summary>
public static class PeopleImportBench
{
    private const string User = "sjf.secretary";
    private const string Password = "gridgov-demo-2026";
    private const string Community = "510104017001";
    private const string Micro = "5101040170010101";

    public static async Task RunAsync(string[] args)
    {
        var people = Arg(args, "--people", 2_000_000);
        var rows = Arg(args, "--rows", 200_000);
        var database = args.SkipWhile(a => a != "--database").Skip(1).FirstOrDefault();
        Console.WriteLine(database is null
            ? $"people import: a {rows:N0}-row XLSX into a registry of {people:N0}, PostgreSQL"
            : $"people import: a {rows:N0}-row XLSX into the registry in database {database} ({PostgresServer.EnvironmentVariable}), PostgreSQL");
        Console.WriteLine(Machine.SourceState());
        using var server = PostgresServer.Start();
        Console.WriteLine($"PostgreSQL {server.Version} {(server.IsThrowaway ? $"throwaway cluster in {server.DataDirectory}" : "server of " + PostgresServer.EnvironmentVariable)}");
        var cs = database is null ? await server.CreateDatabaseAsync("bench_people_import") : server.ConnectionStringFor(database);
        // An existing registry (generate-people) is a full-scale city: the app must not seed the demo city over it.
        // --explain: the app's statements of a second or more are logged by the server with their plans, row counts,
        // buffers and trigger times (auto_explain, without per-node timing so it costs little).
        var appCs = !args.Contains("--explain") ? cs : new NpgsqlConnectionStringBuilder(cs)
        {
            Options = "-c session_preload_libraries=auto_explain -c auto_explain.log_min_duration=1000 -c auto_explain.log_analyze=on " +
                "-c auto_explain.log_timing=off -c auto_explain.log_buffers=on -c auto_explain.log_triggers=on",
        }.ConnectionString;
        using var app = await AppProcess.StartAsync("import", "Postgres", appCs, TimeSpan.FromMinutes(10),
            database is null ? null : new Dictionary<string, string> { ["GridGov__DemoScale"] = "full" });
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await LoginAsync(http, app.BaseUrl));
        // The first look-up creates the keyed-hash secret; the bench then hashes with the same key.
        (await http.GetAsync($"{app.BaseUrl}/api/people?idNumber=11010519491231002X")).EnsureSuccessStatusCode();

        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cs) { CommandTimeout = 0 }.ConnectionString);
        await conn.OpenAsync();
        var key = Convert.FromBase64String((string)(await Scalar(conn, "SELECT value FROM app_secrets WHERE name = 'people-lookup-key'"))!);
        string Hash(string v) => Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(v)));

        var clock = Stopwatch.StartNew();
        var houses = await HousesAsync(conn, Math.Max(1, rows / 2));
        Console.WriteLine($"houses: {houses.Count:N0} in {houses.Select(h => h.Building).Distinct().Count():N0} buildings ({clock.Elapsed.TotalSeconds:0.0} s)");
        clock.Restart();
        var existing = rows / 5;
        if (database is null)
        {
            await RegistryAsync(conn, people, existing, rows, Hash);
            Console.WriteLine($"registry: {people + existing:N0} people loaded and analysed in {clock.Elapsed.TotalSeconds:0} s " +
                $"(table {await Scalar(conn, "SELECT pg_size_pretty(pg_total_relation_size('people'))")})");
        }
        else
        {
            Console.WriteLine($"registry: {await Scalar(conn, "SELECT obj_description('people'::regclass, 'pg_class')")}; " +
                $"people about {await Scalar(conn, "SELECT reltuples::bigint FROM pg_class WHERE relname = 'people'")}, " +
                $"table with indexes {await Scalar(conn, "SELECT pg_size_pretty(pg_total_relation_size('people'))")}, " +
                $"residences {await Scalar(conn, "SELECT pg_size_pretty(pg_total_relation_size('residences'))")}");
            // The sheet's updates and unchanged rows are people the app itself registers first, from a sheet of their
            // own: the first half living in their row's house already, the second half without a home and with another phone.
            var setup = Sheet(existing, existing, houses, setup: true);
            var (_, line) = await ImportAsync(http, app, setup, "setup.xlsx", Stopwatch.StartNew());
            Console.WriteLine($"setup: the {existing:N0} people the sheet updates or leaves unchanged, imported through the app: {line}");
        }

        var file = Sheet(rows, existing, houses);
        Console.WriteLine($"file: {rows:N0} rows, {file.Length / 1024.0 / 1024:0.0} MB XLSX");
        for (var run = 1; run <= 2; run++)
        {
            var (_, line) = await ImportAsync(http, app, file, "bench.xlsx", Stopwatch.StartNew());
            Console.WriteLine($"run {run}: {line}");
        }
    }

    /// <summary>Upload, wait until ready, commit, wait until committed; the figures as one line, with the app's own timings.</summary>
    private static async Task<(long Id, string Line)> ImportAsync(HttpClient http, AppProcess app, byte[] file, string name, Stopwatch total)
    {
        using var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var upload = await http.PostAsync($"{app.BaseUrl}/api/people/imports?area={Community}&name={name}", content);
        var batch = JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement;
        if ((int)upload.StatusCode != 202) throw new InvalidOperationException($"upload: {(int)upload.StatusCode} {batch}");
        var accepted = total.Elapsed;
        var id = batch.GetProperty("id").GetInt64();
        var (_, stages) = await WaitAsync(http, app.BaseUrl, id, "ready", total);
        var staged = total.Elapsed;
        (await http.PostAsync($"{app.BaseUrl}/api/people/imports/{id}/commit", null)).EnsureSuccessStatusCode();
        var (done, _) = await WaitAsync(http, app.BaseUrl, id, "committed", total);
        var c = done.GetProperty("counts");
        var line = $"upload answered in {accepted.TotalSeconds:0.00} s; {string.Join(", ", stages.Select(s => $"{s.Stage} from {s.At.TotalSeconds:0.0} s"))}; " +
            $"ready at {staged.TotalSeconds:0.0} s; committed at {total.Elapsed.TotalSeconds:0.0} s (commit {(total.Elapsed - staged).TotalSeconds:0.0} s) — " +
            $"new {c.GetProperty("new")}, updates {c.GetProperty("updates")}, unchanged {c.GetProperty("unchanged")}, review {c.GetProperty("review")}, errors {c.GetProperty("errors")}; " +
            $"app CPU so far {app.CpuSeconds():0} s";
        await Task.Delay(200); // the log line of the commit follows the batch's update
        foreach (var logged in AppLog(app).Where(l => l.Contains($"people import {id} ", StringComparison.Ordinal)))
            line += "\n    " + logged.Trim();
        return (id, line);
    }

    private static IEnumerable<string> AppLog(AppProcess app)
    {
        using var stream = new FileStream(app.LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } l) lines.Add(l);
        return lines;
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static async Task<object?> Scalar(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        return await cmd.ExecuteScalarAsync();
    }

    private sealed record HouseSlot(long Id, int Building, int Unit, string Number);

    /// <summary>Buildings of 3 units × 20 floors × 4 doors in one compound of the micro-grid, as the registry's SQL would create them.</summary>
    private static async Task<List<HouseSlot>> HousesAsync(NpgsqlConnection conn, int count)
    {
        var buildings = (count + 239) / 240;
        await using (var cmd = new NpgsqlCommand($"""
            INSERT INTO compounds (name, area_code, district_code, created_at) VALUES ('基准小区', '{Micro}', '510104', now());
            INSERT INTO buildings (compound_id, name, area_code, district_code, units, floors, houses_per_floor, created_at)
            SELECT (SELECT max(id) FROM compounds), b || '栋', '{Micro}', '510104', 3, 20, 4, now() FROM generate_series(1, {buildings}) b;
            INSERT INTO houses (building_id, area_code, district_code, unit, floor, number, address, use, created_at)
            SELECT b.id, b.area_code, '510104', u, f, (f * 100 + d)::text, '基准小区' || b.name || u || '单元' || (f * 100 + d), 1, now()
            FROM buildings b, generate_series(1, 3) u, generate_series(1, 20) f, generate_series(1, 4) d
            WHERE b.compound_id = (SELECT max(id) FROM compounds);
            """, conn))
            await cmd.ExecuteNonQueryAsync();
        var list = new List<HouseSlot>();
        await using var read = new NpgsqlCommand("""
            SELECT h.id, replace(b.name, '栋', '')::int, h.unit, h.number FROM houses h JOIN buildings b ON b.id = h.building_id
            WHERE b.compound_id = (SELECT max(id) FROM compounds) ORDER BY h.id
            """, conn);
        await using var r = await read.ExecuteReaderAsync();
        while (await r.ReadAsync()) list.Add(new HouseSlot(r.GetInt64(0), r.GetInt32(1), r.GetInt32(2), r.GetString(3)));
        return list;
    }

    /// <summary>
    /// Person i of the bench (file rows first, then the bulk): a valid ID number, unique for i below 30 million, with a
    /// sequence (400–429) that neither the demo households (from 0) nor generate-people (from 600) hand out.
    /// </summary>
    private static string IdOf(int i)
    {
        var region = 510100 + i / 33_000 % 30 + 4;
        var birth = new DateOnly(1930, 1, 1).AddDays(i % 33_000);
        var sequence = 400 + i / 990_000 % 30;
        return IdNumber.Compose(region.ToString(CultureInfo.InvariantCulture), birth, sequence).Value;
    }

    private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private const string Given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英霞平刚桂兰玉梅志国华建红文斌辉鹏宇浩然子涵欣怡佳琪梓轩思远晨阳雨婷俊杰";

    /// <summary>A file name (set 0) or a registry name (set 1) — disjoint: the registry's given names end with 翁.</summary>
    private static string NameOf(int i, int set) =>
        $"{Surnames[i % Surnames.Length]}{Given[i / Surnames.Length % Given.Length]}{(set == 0 ? Given[i / 7 % Given.Length] : '翁')}";

    /// <summary>
    /// The registry: <paramref name="bulk"/> people (numbers after the file's, never in it) and the file's first
    /// <paramref name="existing"/> people (ids 0..existing-1): half living in their row's house already, half without a
    /// home and with another phone.
    /// </summary>
    private static async Task RegistryAsync(NpgsqlConnection conn, int bulk, int existing, int fileRows, Func<string, string> hash)
    {
        var now = DateTime.UtcNow;
        await using (var copy = await conn.BeginBinaryImportAsync("""
            COPY people (name, area_code, district_code, id_number_masked, id_number_cipher, id_number_hash, id_body_hash, birth_date, sex,
                phone_masked, phone_hash, registration, tags, created_at, updated_at) FROM STDIN (FORMAT BINARY)
            """))
        {
            var micro = new[] { Micro, "5101040170010102", "5101040170020101", "5101040180010101" };
            for (var n = 0; n < existing + bulk; n++)
            {
                var fileRow = n < existing;
                var i = fileRow ? n : fileRows + n;
                var id = IdOf(i);
                await copy.StartRowAsync();
                await copy.WriteAsync(fileRow ? NameOf(n, 0) : NameOf(n, 1), NpgsqlDbType.Varchar);
                await copy.WriteAsync(fileRow ? Micro : micro[n % micro.Length], NpgsqlDbType.Varchar);
                await copy.WriteAsync("510104", NpgsqlDbType.Varchar);
                await copy.WriteAsync(id[..4] + "**********" + id[^4..], NpgsqlDbType.Varchar);
                await copy.WriteAsync("bench-placeholder", NpgsqlDbType.Varchar);
                await copy.WriteAsync(hash("id:" + id), NpgsqlDbType.Varchar);
                await copy.WriteAsync(hash("body:" + id[..17]), NpgsqlDbType.Varchar);
                await copy.WriteAsync(DateOnly.ParseExact(id.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture), NpgsqlDbType.Date);
                await copy.WriteAsync((id[16] - '0') % 2 == 1 ? 1 : 2, NpgsqlDbType.Integer);
                var phone = fileRow && n >= existing / 2 ? "13700000000" : null; // updates get another phone in the file
                if (phone is null) { await copy.WriteNullAsync(); await copy.WriteNullAsync(); }
                else { await copy.WriteAsync("137****0000", NpgsqlDbType.Varchar); await copy.WriteAsync(hash("phone:" + phone), NpgsqlDbType.Varchar); }
                await copy.WriteAsync(1, NpgsqlDbType.Integer);
                await copy.WriteAsync("", NpgsqlDbType.Varchar);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                if (n % 1_000_000 == 999_999) Console.WriteLine($"  {n + 1:N0} people copied");
            }
            await copy.CompleteAsync();
        }
        // The unchanged half already lives where its row says (as head of the house, row i in house i).
        await using (var cmd = new NpgsqlCommand("""
            INSERT INTO residences (person_id, house_id, relation, "from", area_code, district_code, created_at)
            SELECT p.id, h.id, 1, DATE '2020-01-01', h.area_code, '510104', now()
            FROM (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM people WHERE id_number_cipher = 'bench-placeholder' ORDER BY id LIMIT @half) p
            JOIN (SELECT h.id, h.area_code, row_number() OVER (ORDER BY h.id) - 1 AS n FROM houses h JOIN buildings b ON b.id = h.building_id
                  WHERE b.compound_id = (SELECT max(id) FROM compounds)) h ON h.n = p.n;
            ANALYZE people; ANALYZE residences; ANALYZE houses;
            """, conn))
        {
            cmd.Parameters.AddWithValue("half", existing / 2);
            cmd.CommandTimeout = 0;
            await cmd.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Row i lives in house i mod H; the first row of each house is its head, the others family members.</summary>
    private static byte[] Sheet(int rows, int existing, List<HouseSlot> houses, bool setup = false)
    {
        var header = ImportColumns.ExportOrder.Select(ImportColumns.Header).ToArray();
        IEnumerable<string?[]> Lines()
        {
            yield return header;
            for (var i = 0; i < rows; i++)
            {
                var h = houses[i % houses.Count];
                var id = IdOf(i);
                if (setup && i >= existing / 2)
                {
                    // Registered without a home and with another phone: the sheet then gives them both (an update).
                    yield return [NameOf(i, 0), id, null, "13700000000", "户籍", null, null, null, null, null, null, null];
                    continue;
                }
                var phone = i < existing / 2 ? null : "139" + (10_000_000 + i).ToString(CultureInfo.InvariantCulture);
                yield return
                [
                    NameOf(i, 0), id, null, phone, "户籍", i >= existing && i % 10 == 0 ? "独居老人" : null, "基准小区", h.Building + "栋",
                    h.Unit.ToString(CultureInfo.InvariantCulture), h.Number, i < houses.Count ? "户主" : "家庭成员", null,
                ];
            }
        }
        using var buffer = new MemoryStream();
        SheetWriter.Write(buffer, "实有人口", Lines());
        return buffer.ToArray();
    }

    private static async Task<(JsonElement Batch, List<(string Stage, TimeSpan At)> Stages)> WaitAsync(HttpClient http, string baseUrl, long id, string stage, Stopwatch clock)
    {
        var seen = new List<(string, TimeSpan)>();
        while (true)
        {
            var batch = JsonDocument.Parse(await http.GetStringAsync($"{baseUrl}/api/people/imports/{id}")).RootElement;
            var now = batch.GetProperty("stage").GetString()!;
            if (seen.Count == 0 || seen[^1].Item1 != now) seen.Add((now, clock.Elapsed));
            if (now == stage) return (batch, seen);
            if (now == "failed") throw new InvalidOperationException($"batch {id} failed: {batch}");
            await Task.Delay(250);
        }
    }

    private static async Task<string> LoginAsync(HttpClient http, string baseUrl)
    {
        using var r = await http.PostAsync($"{baseUrl}/api/auth/login",
            new StringContent(JsonSerializer.Serialize(new { userName = User, password = Password }), Encoding.UTF8, "application/json"));
        var body = await r.Content.ReadAsStringAsync();
        if (!r.IsSuccessStatusCode) throw new InvalidOperationException($"login {User}: {(int)r.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("accessToken").GetString()!;
    }
}
