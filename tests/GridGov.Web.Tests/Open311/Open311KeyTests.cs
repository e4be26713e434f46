using System.Net;
using System.Text.Json;
using GridGov.Data;
using GridGov.Domain.Areas;
using GridGov.Web.Features.Open311;
using GridGov.Web.Tests.Infrastructure;
using GridGov.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using static GridGov.Web.Tests.Open311.Open311Kit;

namespace GridGov.Web.Tests.Open311;

/// <summary>
/// The real app on two districts of Chengdu (锦江区 510104 and 青羊区 510105), so that keys bound to different
/// districts can be tried against each other; one per provider, started on first use like <see cref="Apps"/>.
/// </summary>
public sealed class TwoDistrictApps : Apps
{
    public const string First = "510104";
    public const string Second = "510105";

    protected override async Task<GridGovApp> StartAsync(DatabaseProvider provider)
    {
        var folder = Path.Combine(Path.GetTempPath(), "gridgov-tests", Guid.NewGuid().ToString("N"));
        var divisions = Path.Combine(folder, "divisions");
        Directory.CreateDirectory(divisions);
        var lines = File.ReadAllLines(Path.Combine(TestCity.RepoRoot(), "data", "divisions", "5101.csv"));
        File.WriteAllLines(Path.Combine(divisions, "5101.csv"), lines.Where((l, i) =>
            i == 0 || l.StartsWith("5101,", StringComparison.Ordinal) || l.StartsWith(First, StringComparison.Ordinal) || l.StartsWith(Second, StringComparison.Ordinal)));
        var cs = provider == DatabaseProvider.Postgres
            ? await RequiresPostgres.Get().CreateDatabaseAsync()
            : $"Data Source={Path.Combine(folder, "gridgov.db")}";
        var app = new GridGovApp(provider, cs, divisions);
        _ = app.Server; // start now: migrate, seed, build the index
        return app;
    }
}

/// <summary>API keys: issued, listed and revoked by administrators; bound to an area for filing and full reads; rate-limited.</summary>
public sealed class Open311KeyTests(TwoDistrictApps apps) : IClassFixture<TwoDistrictApps>
{
    /// <summary>An API client account of 青羊区 (created once per app).</summary>
    private static async Task<string> SecondClient(GridGovApp app)
    {
        const string name = "open311.qingyang";
        await using (var db = app.Db())
            if (await db.Users.AnyAsync(u => u.UserName == name)) return name;
        var admin = await app.ClientFor("city.admin");
        var (status, user) = await admin.PostJson("/api/users", new { userName = name, displayName = "青羊区第三方应用", initialPassword = "an-api-client-2026" });
        Assert.True(status == 201, user.ToString());
        var (granted, grant) = await admin.PostJson("/api/grants", new { userId = user.GetProperty("id").GetInt64(), role = "api_client", areaCode = TwoDistrictApps.Second });
        Assert.True(granted == 201, grant.ToString());
        return name;
    }

    private static async Task<(double Lon, double Lat, string Code)> MicroGridIn(GridGovApp app, string area, int skip = 0)
    {
        string code;
        await using (var db = app.Db())
            code = await db.Areas.AsNoTracking().InArea(area).Where(a => a.Kind == AreaKind.MicroGrid).OrderBy(a => a.Code).Select(a => a.Code).Skip(skip).FirstAsync();
        var (lon, lat) = await PointIn(app, code);
        return (lon, lat, code);
    }

    private static List<KeyValuePair<string, string>> Hardship(string key, double lon, double lat) =>
    [
        F("api_key", key), F("service_code", "1004"), F("lat", lat.ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
        F("long", lon.ToString("R", System.Globalization.CultureInfo.InvariantCulture)), F("description", "独居老人生活困难，需要救助"),
        F("address_string", "某小区3栋"),
    ];

    [SkippableTheory, BothDatabases]
    public async Task Administrators_issue_list_and_revoke_keys_that_are_shown_once_and_stored_hashed(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var city = await app.ClientFor("city.admin");
        var district = await app.ClientFor("jinjiang.admin");
        var second = await SecondClient(app);

        var (created, body) = await district.PostJson("/api/open311/keys", new { name = "锦江e家", areaCode = "510104", userName = "open311.demo" });
        Assert.True(created == 201, body.ToString());
        var key = body.GetProperty("key").GetString()!;
        var id = body.GetProperty("id").GetInt64();
        Assert.Matches("^o311_[A-Za-z0-9_-]{43}$", key);
        Assert.Equal("锦江区", body.GetProperty("areaName").GetString());
        var (otherCreated, other) = await city.PostJson("/api/open311/keys", new { name = "青羊通", areaCode = TwoDistrictApps.Second, userName = second });
        Assert.True(otherCreated == 201, other.ToString());
        var otherId = other.GetProperty("id").GetInt64();

        await using (var db = app.Db())
        {
            var row = await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == id);
            Assert.Equal(ApiKeys.Hash(key), row.KeyHash);
            Assert.Equal(key[..13], row.Prefix);
            Assert.DoesNotContain(await db.AuditLog.AsNoTracking().Select(a => a.Summary).ToListAsync(), s => s != null && s.Contains(key, StringComparison.Ordinal));
        }

        // Listed masked, each administrator their own area's keys.
        var (listed, list) = await district.GetJson("/api/open311/keys");
        Assert.Equal(200, listed);
        Assert.DoesNotContain(key, list.GetRawText());
        var mine = list.EnumerateArray().Single(k => k.GetProperty("id").GetInt64() == id);
        Assert.Equal(key[..13] + "…", mine.GetProperty("key").GetString());
        Assert.True(mine.GetProperty("active").GetBoolean());
        Assert.DoesNotContain(list.EnumerateArray(), k => k.GetProperty("id").GetInt64() == otherId);
        var (_, all) = await city.GetJson("/api/open311/keys");
        Assert.Contains(all.EnumerateArray(), k => k.GetProperty("id").GetInt64() == otherId);

        // Who may not, and what may not be issued.
        Assert.Equal(403, (await district.PostJson("/api/open311/keys", new { name = "x", areaCode = TwoDistrictApps.Second, userName = second })).Status);
        Assert.Equal(404, (await district.PostJson($"/api/open311/keys/{otherId}/revoke", new { })).Status);
        var secretary = await app.ClientFor("sjf.secretary");
        Assert.Equal(403, (await secretary.GetJson("/api/open311/keys")).Status);
        Assert.Equal(403, (await secretary.PostJson("/api/open311/keys", new { name = "x", areaCode = "510104017001", userName = "open311.demo" })).Status);
        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/open311/keys")).StatusCode);
        Assert.Equal(400, (await city.PostJson("/api/open311/keys", new { name = "x", areaCode = "510104", userName = "jinjiang.ops" })).Status); // not an API client
        Assert.Equal(400, (await city.PostJson("/api/open311/keys", new { name = "x", areaCode = TwoDistrictApps.Second, userName = "open311.demo" })).Status); // outside its grant
        Assert.Equal(400, (await city.PostJson("/api/open311/keys", new { name = "x", areaCode = "510104999", userName = "open311.demo" })).Status);
        Assert.Equal(400, (await city.PostJson("/api/open311/keys", new { name = "", areaCode = "510104", userName = "open311.demo" })).Status);

        // The key works until it is revoked, then at once it does not.
        var client = Anonymous(app);
        var (lon, lat, _) = await MicroGridIn(app, "510104");
        Assert.Equal(200, (await client.Get($"/open311/v2/requests.json?api_key={Uri.EscapeDataString(key)}")).Status);
        await FileRequest(client, Hardship(key, lon, lat));
        var (revoked, revokedBody) = await district.PostJson($"/api/open311/keys/{id}/revoke", new { });
        Assert.Equal(200, revoked);
        Assert.False(revokedBody.GetProperty("active").GetBoolean());
        Assert.Equal(409, (await district.PostJson($"/api/open311/keys/{id}/revoke", new { })).Status);
        Assert.Equal(403, (await client.Get($"/open311/v2/requests.json?api_key={Uri.EscapeDataString(key)}")).Status);
        var refused = await client.PostForm("/open311/v2/requests.json", Hardship(key, lon, lat));
        Assert.Equal(403, refused.Status);
        Assert.Contains("Invalid api_key", refused.Text);

        // Revoking the account's api_client role stops its keys too.
        var otherKey = other.GetProperty("key").GetString()!;
        Assert.Equal(200, (await client.Get($"/open311/v2/services.json?api_key={Uri.EscapeDataString(otherKey)}")).Status);
        long grantId;
        await using (var db = app.Db())
        {
            var user = await db.Users.SingleAsync(u => u.UserName == second);
            grantId = await db.RoleGrants.Where(g => g.UserId == user.Id && g.RevokedAt == null).Select(g => g.Id).SingleAsync();
        }
        Assert.Equal(204, (int)(await city.PostAsync($"/api/grants/{grantId}/revoke", null)).StatusCode);
        Assert.Equal(403, (await client.Get($"/open311/v2/services.json?api_key={Uri.EscapeDataString(otherKey)}")).Status);
        // (re-grant so other tests of this class can use the account)
        var (regranted, _) = await city.PostJson("/api/grants", new { userId = (await UserIdOf(app, second)), role = "api_client", areaCode = TwoDistrictApps.Second });
        Assert.Equal(201, regranted);
    }

    private static async Task<long> UserIdOf(GridGovApp app, string userName)
    {
        await using var db = app.Db();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    [SkippableTheory, BothDatabases]
    public async Task A_key_files_only_inside_its_area_and_reads_another_districts_requests_only_as_the_public_does(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = Anonymous(app);
        var jinjiang = await IssueKey(app, TwoDistrictApps.First);
        var qingyang = await IssueKey(app, TwoDistrictApps.Second, await SecondClient(app), "青羊通");
        var (lonA, latA, _) = await MicroGridIn(app, TwoDistrictApps.First);
        var (lonB, latB, _) = await MicroGridIn(app, TwoDistrictApps.Second);

        var inJinjiang = await FileRequest(client, Hardship(jinjiang, lonA, latA));
        var inQingyang = await FileRequest(client, Hardship(qingyang, lonB, latB));
        var outside = await client.PostForm("/open311/v2/requests.json", Hardship(jinjiang, lonB, latB));
        Assert.Equal(400, outside.Status);
        Assert.Contains("outside the area of this api_key", outside.Text);

        // Each key sees its own district's sensitive request exactly, the other's exactly as the public does.
        var publicA = await Read(client, inJinjiang);
        var byOwnKey = await Read(client, inJinjiang, jinjiang);
        var byOtherKey = await Read(client, inJinjiang, qingyang);
        Assert.Equal(publicA.GetRawText(), byOtherKey.GetRawText());
        Assert.NotEqual(publicA.GetRawText(), byOwnKey.GetRawText());
        Assert.Equal(JsonValueKind.Null, byOtherKey.GetProperty("description").ValueKind);
        Assert.NotEqual(Math.Round(latA, 6), byOtherKey.GetProperty("lat").GetDouble());
        Assert.Equal(Math.Round(latA, 6), byOwnKey.GetProperty("lat").GetDouble(), 9);
        Assert.Equal("独居老人生活困难，需要救助", byOwnKey.GetProperty("description").GetString());
        Assert.Equal((await Read(client, inQingyang)).GetRawText(), (await Read(client, inQingyang, jinjiang)).GetRawText());
        Assert.Equal(Math.Round(latB, 6), (await Read(client, inQingyang, qingyang)).GetProperty("lat").GetDouble(), 9);

        // Lists too: with the other district's key, its requests are the public view.
        JsonElement Find(JsonElement list, long id) => list.EnumerateArray().Single(r => r.GetProperty("service_request_id").GetString() == id.ToString());
        var listPublic = (await client.Get($"/open311/v2/requests.json?service_request_id={inJinjiang},{inQingyang}")).Json;
        var listQingyang = (await client.Get($"/open311/v2/requests.json?service_request_id={inJinjiang},{inQingyang}&api_key={Uri.EscapeDataString(qingyang)}")).Json;
        Assert.Equal(Find(listPublic, inJinjiang).GetRawText(), Find(listQingyang, inJinjiang).GetRawText());
        Assert.Equal("独居老人生活困难，需要救助", Find(listQingyang, inQingyang).GetProperty("description").GetString());

        // A key bound to a street files only inside that street.
        var streets = await StreetsOf(app, TwoDistrictApps.First);
        var streetKey = await IssueKey(app, streets[0]);
        var (lonS, latS, _) = await MicroGridIn(app, streets[0]);
        var (lonT, latT, _) = await MicroGridIn(app, streets[1]);
        await FileRequest(client, Hardship(streetKey, lonS, latS));
        Assert.Equal(400, (await client.PostForm("/open311/v2/requests.json", Hardship(streetKey, lonT, latT))).Status);
    }

    private static async Task<List<string>> StreetsOf(GridGovApp app, string district)
    {
        await using var db = app.Db();
        var streets = await db.Areas.AsNoTracking().InArea(district).Where(a => a.Kind == AreaKind.Street).OrderBy(a => a.Code).Select(a => a.Code).ToListAsync();
        var withGrids = new List<string>();
        foreach (var s in streets)
            if (await db.Areas.AsNoTracking().InArea(s).AnyAsync(a => a.Kind == AreaKind.MicroGrid)) withGrids.Add(s);
        return withGrids;
    }

    [SkippableTheory, BothDatabases]
    public async Task Calls_are_rate_limited_per_key_and_per_address(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var keyA = await IssueKey(app);
        var keyB = await IssueKey(app);
        await using var limited = app.WithWebHostBuilder(b =>
        {
            b.UseSetting(Open311Throttle.PerKeySetting, "3");
            b.UseSetting(Open311Throttle.PerAddressSetting, "2");
        });
        var first = Anonymous(limited, IPAddress.Parse("203.0.113.10"));
        Assert.Equal(200, (await first.Get("/open311/v2/services.json")).Status);
        Assert.Equal(200, (await first.Get("/open311/v2/requests.json")).Status);
        var json = await first.Get("/open311/v2/services.json");
        Assert.Equal(429, json.Status);
        Assert.Equal("60", json.Response.Headers.RetryAfter?.ToString());
        Assert.Equal(429, json.Json[0].GetProperty("code").GetInt32());
        var xml = await first.Get("/open311/v2/services.xml");
        Assert.Equal(429, xml.Status);
        Assert.Equal("errors", xml.Xml.Root!.Name.LocalName);
        // Another address is not affected.
        Assert.Equal(200, (await Anonymous(limited, IPAddress.Parse("203.0.113.11")).Get("/open311/v2/services.json")).Status);

        // With a key, calls count against the key, not the (exhausted) address.
        for (var i = 0; i < 3; i++) Assert.Equal(200, (await first.Get($"/open311/v2/services.json?api_key={Uri.EscapeDataString(keyA)}")).Status);
        Assert.Equal(429, (await first.Get($"/open311/v2/services.json?api_key={Uri.EscapeDataString(keyA)}")).Status);
        var (lon, lat, _) = await MicroGridIn(app, TwoDistrictApps.First);
        Assert.Equal(429, (await first.PostForm("/open311/v2/requests.json", Hardship(keyA, lon, lat))).Status);
        Assert.Equal(200, (await first.Get($"/open311/v2/services.json?api_key={Uri.EscapeDataString(keyB)}")).Status);

        // Wrong keys count against the address: guessing is limited too.
        var guesser = Anonymous(limited, IPAddress.Parse("203.0.113.12"));
        Assert.Equal(403, (await guesser.Get("/open311/v2/services.json?api_key=o311_guess1")).Status);
        Assert.Equal(403, (await guesser.Get("/open311/v2/services.json?api_key=o311_guess2")).Status);
        Assert.Equal(429, (await guesser.Get("/open311/v2/services.json?api_key=o311_guess3")).Status);
    }
}
