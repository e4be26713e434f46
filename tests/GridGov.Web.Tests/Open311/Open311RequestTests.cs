using System.Globalization;
using System.Text.Json;
using GridGov.Data.Entities;
using GridGov.Data.Seeding;
using GridGov.Data;
using GridGov.Domain.Cases;
using GridGov.Web.Features.Cases;
using GridGov.Web.Features.Open311;
using GridGov.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GridGov.Web.Tests.Open311.Open311Kit;

namespace GridGov.Web.Tests.Open311;

/// <summary>Filing through Open311 and reading back: the shared intake, attributes, locations, filters, limits, views.</summary>
public sealed class Open311RequestTests(Apps apps) : IClassFixture<Apps>
{
    private const string Micro = "5101040170010101";   // 水井坊社区第1网格第1微网格
    private const string Grid = "51010401700101";

    private static string Inv(double d) => d.ToString("R", CultureInfo.InvariantCulture);

    [SkippableTheory, BothDatabases]
    public async Task A_request_goes_through_the_case_intake_as_the_key_account_and_reads_back_in_every_view(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = Anonymous(app);
        var key = await IssueKey(app);
        var (lon, lat) = await PointIn(app, Micro);

        var id = await FileRequest(client, BulkyWaste(key, lon, lat).Concat(
        [
            F("first_name", "三"), F("last_name", "张"), F("phone", "+86 139-1234-5678"), F("email", "zhang.san@example.cn"),
            F("device_id", "dev-778899"), F("account_id", "acct-42"), F("media_url", "https://img.example.cn/sofa.jpg"),
            F("address_string", "水井坊街道口"),
        ]));

        // The case as the intake made it: routed, source open311, reported by the key's account.
        Case c;
        await using (var db = app.Db())
        {
            c = await db.Cases.AsNoTracking().SingleAsync(x => x.Id == id);
            var account = await db.Users.SingleAsync(u => u.UserName == "open311.demo");
            Assert.Equal("open311", c.Source);
            Assert.Equal(account.Id, c.ReporterUserId);
            Assert.Equal(Micro, c.AreaCode);
            Assert.Equal("张三", c.ReporterName);
            Assert.Equal("139****5678", c.ReporterPhoneMasked);
            Assert.Equal("水井坊街道口", c.AddressText);
            Assert.StartsWith("小区门口有一组旧沙发需要清运\n\n【Open311 附加信息】\nmedia_url: https://img.example.cn/sofa.jpg\n", c.Description);
            Assert.Contains("上门时段 (pickup_window): 工作日上午（9:00–12:00） (weekday_am)", c.Description);
            Assert.Contains("物品类型 (item_types): 旧家具 (furniture)、床垫 (mattress)", c.Description);
            Assert.Contains("件数 (item_count): 3", c.Description);
            Assert.Contains("最早上门日期 (earliest_date): 2026-06-01T00:00:00+08:00", c.Description);
            Assert.Contains("备注 (note): 沙发较重\n需要两人搬运", c.Description);
            Assert.Contains("客户端: 天府市民云（测试）", c.Description);
            Assert.DoesNotContain("zhang.san", c.Description); // e-mail and device id are checked, not kept
            var history = await db.CaseHistory.AsNoTracking().Where(h => h.CaseId == id).ToListAsync();
            Assert.Equal("open311.demo", Assert.Single(history).ActorName);
            Assert.Contains(await db.AuditLog.AsNoTracking().Where(a => a.EntityType == "Case" && a.EntityId == id.ToString()).ToListAsync(),
                a => a.UserName == "open311.demo");
        }
        // Staff see it in the case loop like any other report.
        var admin = await app.ClientFor("jinjiang.admin");
        var (status, detail) = await admin.GetJson($"/api/cases/{id}");
        Assert.Equal(200, status);
        Assert.Equal("open311", detail.GetProperty("case").GetProperty("source").GetString());

        var clock = app.Services.GetRequiredService<CaseClock>();
        var request = await Read(client, id);
        Assert.Equal(id.ToString(CultureInfo.InvariantCulture), request.GetProperty("service_request_id").GetString());
        Assert.Equal("open", request.GetProperty("status").GetString());
        Assert.Equal("已收到，等待受理", request.GetProperty("status_notes").GetString());
        Assert.Equal("1001", request.GetProperty("service_code").GetString());
        Assert.Equal("大件垃圾清运", request.GetProperty("service_name").GetString());
        Assert.Equal("小区门口有一组旧沙发需要清运", request.GetProperty("description").GetString());
        Assert.Equal("https://img.example.cn/sofa.jpg", request.GetProperty("media_url").GetString());
        Assert.Equal("锦江区综合行政执法局（城管）", request.GetProperty("agency_responsible").GetString());
        Assert.Equal(Micro, request.GetProperty("address_id").GetString());
        Assert.Equal("水井坊街道口", request.GetProperty("address").GetString());
        Assert.Equal(Math.Round(lat, 6), request.GetProperty("lat").GetDouble(), 9);
        Assert.Equal(Math.Round(lon, 6), request.GetProperty("long").GetDouble(), 9);
        Assert.Equal(W3cTime.Format(c.ReportedAt), request.GetProperty("requested_datetime").GetString());
        Assert.EndsWith("+08:00", request.GetProperty("requested_datetime").GetString());
        // Before registration: the deadline registration would set, from the category's limit (72 working hours).
        Assert.Equal(W3cTime.Format(clock.Deadline(c.ReportedAt, 72, workingHours: true)), request.GetProperty("expected_datetime").GetString());
        Assert.Contains("72 个工作小时内办结", request.GetProperty("service_notice").GetString());

        // Registered: the stored deadline and the public note of the step.
        Assert.Equal(200, (await Cases.CaseTestKit.Act(admin, id, "register")).Status);
        request = await Read(client, id);
        await using (var db = app.Db())
        {
            var due = (await db.Cases.AsNoTracking().SingleAsync(x => x.Id == id)).ResolveDueAt;
            Assert.Equal(W3cTime.Format(due!.Value), request.GetProperty("expected_datetime").GetString());
        }
        Assert.Equal("已立案，正在安排处置", request.GetProperty("status_notes").GetString());

        var list = (await client.Get("/open311/v2/requests.json?service_code=1001")).Json;
        Assert.Contains(list.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == id.ToString(CultureInfo.InvariantCulture));
        var token = (await client.Get($"/open311/v2/tokens/{c.TrackingNo}.json")).Json[0];
        Assert.Equal(id.ToString(CultureInfo.InvariantCulture), token.GetProperty("service_request_id").GetString());
    }

    [SkippableTheory, BothDatabases]
    public async Task A_retry_with_the_same_Idempotency_Key_returns_the_first_request(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = Anonymous(app);
        var key = await IssueKey(app);
        var (lon, lat) = await PointIn(app, Micro);
        client.DefaultRequestHeaders.Add("Idempotency-Key", "retry-" + Guid.NewGuid().ToString("N"));
        var first = await FileRequest(client, BulkyWaste(key, lon, lat));
        var second = await FileRequest(client, BulkyWaste(key, lon, lat));
        Assert.Equal(first, second);
        client.DefaultRequestHeaders.Remove("Idempotency-Key");
        Assert.NotEqual(first, await FileRequest(client, BulkyWaste(key, lon, lat)));
    }

    [SkippableTheory, BothDatabases]
    public async Task A_location_can_be_an_area_code_or_an_address_naming_a_community(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = Anonymous(app);
        var key = await IssueKey(app);
        var (lon, lat) = await PointIn(app, Micro);
        List<KeyValuePair<string, string>> Located(params KeyValuePair<string, string>[] location) =>
            BulkyWaste(key, lon, lat).Where(f => f.Key is not ("lat" or "long")).Concat(location).ToList();

        var byId = await FileRequest(client, Located(F("address_id", Micro)));
        var byText = await FileRequest(client, Located(F("address_string", "锦江区水井坊社区5栋门口")));
        await using (var db = app.Db())
        {
            var a = await db.Cases.AsNoTracking().SingleAsync(x => x.Id == byId);
            Assert.Equal(Micro, a.AreaCode);
            Assert.Contains("按 address_id 定位到", a.Description);
            var b = await db.Cases.AsNoTracking().SingleAsync(x => x.Id == byText);
            Assert.StartsWith("510104017001", b.AreaCode);
            Assert.Equal("锦江区水井坊社区5栋门口", b.AddressText);
            Assert.Contains("按地址文字匹配到 水井坊社区", b.Description);
        }
        Assert.Equal(Micro, (await Read(client, byId)).GetProperty("address_id").GetString());

        async Task Refused(string mustContain, params KeyValuePair<string, string>[] location)
        {
            var r = await client.PostForm("/open311/v2/requests.json", Located(location));
            Assert.True(r.Status == 400, r.Text);
            Assert.Contains(mustContain, string.Join("\n", r.Errors));
        }
        await Refused("cannot be located", F("address_string", "人民南路四段"));
        await Refused("not a known community or grid", F("address_id", "510104"));
        await Refused("not a known community or grid", F("address_id", "5101049999999999"));
        await Refused("both", F("lat", Inv(lat)));
        await Refused("decimal degrees", F("lat", "北纬30度"), F("long", Inv(lon)));
        await Refused("long", F("lat", "0"), F("long", "0"));
        await Refused("A location is required");
    }

    [SkippableTheory, BothDatabases]
    public async Task Attribute_answers_are_checked_per_datatype_and_required_flag(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = Anonymous(app);
        var key = await IssueKey(app);
        var (lon, lat) = await PointIn(app, Micro);
        List<KeyValuePair<string, string>> With(string? drop, params KeyValuePair<string, string>[] extra) =>
            BulkyWaste(key, lon, lat).Where(f => drop is null || !f.Key.StartsWith(drop, StringComparison.Ordinal)).Concat(extra).ToList();

        async Task Refused(List<KeyValuePair<string, string>> form, params string[] mustContain)
        {
            var r = await client.PostForm("/open311/v2/requests.json", form);
            Assert.True(r.Status == 400, r.Text);
            foreach (var text in mustContain) Assert.Contains(text, string.Join("\n", r.Errors));
        }
        await Refused(With("attribute[pickup_window]"), "attribute[pickup_window] is required");
        await Refused(With("attribute[item_types]"), "attribute[item_types] is required");
        await Refused(With("attribute[pickup_window]", F("attribute[pickup_window]", "sunday")), "has no option 'sunday'");
        await Refused(With(null, F("attribute[pickup_window]", "weekend")), "takes one value");
        await Refused(With("attribute[item_types]", F("attribute[item_types][]", "furniture"), F("attribute[item_types][]", "spaceship")), "has no option 'spaceship'");
        await Refused(With("attribute[item_count]", F("attribute[item_count]", "0")), "at least 1");
        await Refused(With("attribute[item_count]", F("attribute[item_count]", "2.5")), "whole number");
        await Refused(With("attribute[item_count]", F("attribute[item_count]", "51")), "at most 50");
        await Refused(With("attribute[item_count]", F("attribute[item_count]", "3件")), "must be a number");
        await Refused(With("attribute[earliest_date]", F("attribute[earliest_date]", "下周一")), "attribute[earliest_date]");
        await Refused(With("attribute[earliest_date]", F("attribute[earliest_date]", "2026-02-30")), "not a real date");
        await Refused(With("attribute[building]", F("attribute[building]", "5栋\n2单元")), "without line breaks");
        await Refused(With("attribute[building]", F("attribute[building]", new string('楼', 51))), "at most 50 characters");
        await Refused(With("attribute[note]", F("attribute[note]", new string('注', 501))), "at most 500 characters");
        await Refused(With(null, F("attribute[colour]", "red")), "attribute[colour] is not an attribute of service 1001");
        await Refused(With(null, F("attribute[]", "x")), "Malformed parameter");
        // Several problems are answered together, one error each.
        var both = await client.PostForm("/open311/v2/requests.json",
            With("attribute[item_count]", F("attribute[item_count]", "-1"), F("attribute[pickup_window]", "x")));
        Assert.Equal(400, both.Status);
        Assert.True(both.Errors.Count >= 2, both.Text);

        // Optional answers may be left out; an informational attribute (variable=false) is ignored.
        await FileRequest(client, With("attribute[earliest_date]").Where(f => !f.Key.StartsWith("attribute[note]", StringComparison.Ordinal))
            .Where(f => !f.Key.StartsWith("attribute[building]", StringComparison.Ordinal)).Append(F("attribute[notice]", "已阅")));
        // A second service with a datetime answer (full ISO 8601 with zone).
        var noise = await FileRequest(client,
        [
            F("api_key", key), F("service_code", "0301"), F("lat", Inv(lat)), F("long", Inv(lon)), F("description", "工地夜间打桩"),
            F("attribute[started_at]", "2026-05-20T22:30:00+08:00"), F("attribute[recurring]", "ongoing"),
        ]);
        await using var db = app.Db();
        var text = (await db.Cases.AsNoTracking().SingleAsync(x => x.Id == noise)).Description;
        Assert.Contains("开始时间 (started_at): 2026-05-20T22:30:00+08:00", text);
        Assert.Contains("持续情况 (recurring): 正在发生 (ongoing)", text);
    }

    [SkippableTheory, BothDatabases]
    public async Task Bad_input_is_answered_with_the_specs_errors(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = Anonymous(app);
        var key = await IssueKey(app);
        var (lon, lat) = await PointIn(app, Micro);
        List<KeyValuePair<string, string>> With(string field, string value) =>
            BulkyWaste(key, lon, lat).Where(f => f.Key != field).Append(F(field, value)).ToList();

        async Task Answer(List<KeyValuePair<string, string>> form, int status, string mustContain)
        {
            var r = await client.PostForm("/open311/v2/requests.xml", form);
            Assert.True(r.Status == status, r.Text);
            Assert.Equal("errors", r.Xml.Root!.Name.LocalName);
            Assert.Contains(mustContain, r.Text);
        }
        await Answer(With("service_code", "9999"), 404, "service_code '9999' was not found");
        await Answer(With("description", new string('堆', 2001)), 400, "description is at most 2000 characters");
        await Answer(With("description", new string('堆', 1990)), 400, "description and attribute answers together");
        await Answer(With("description", "垃圾<script>alert(1)</script>"), 400, "not HTML");
        await Answer(With("media_url", "ftp://files.example.cn/a.jpg"), 400, "media_url");
        await Answer(With("media_url", "sofa.jpg"), 400, "media_url");
        await Answer(With("phone", "12345"), 400, "phone");
        await Answer(With("email", "not-an-email"), 400, "email");
        await Answer(With("first_name", new string('名', 26)), 400, "first_name");
        await Answer(With("device_id", new string('d', 101)), 400, "device_id");
        await Answer(With("lat", "91"), 400, "lat");
        await Answer(BulkyWaste(key, lon, lat).Where(f => f.Key is not ("lat" or "long")).ToList(), 400, "A location is required");
    }

    [SkippableTheory, BothDatabases]
    public async Task The_list_filters_by_id_service_status_and_dates_with_the_default_90_days_and_1000_requests(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = Anonymous(app);
        var now = DateTime.UtcNow;
        var tag = Guid.NewGuid().ToString("N")[..6];
        Case Row(string category, DateTime at, CaseStatus status = CaseStatus.Reported, int n = 0) => new()
        {
            TrackingNo = $"T{tag}{n:D6}", CategoryCode = category, Description = $"历史记录 {n}", Source = "patrol", Status = status,
            Lon = 104.08, Lat = 30.65, AreaCode = Micro, DistrictCode = "510104", ReportedAt = at,
            ClosedAt = status == CaseStatus.Closed ? at.AddDays(1) : null, Version = 1,
        };
        var old = Enumerable.Range(0, 1001).Select(i => Row("0101", now.AddDays(-200).AddMinutes(i), n: i)).ToList();
        var hundredDays = Row("0101", now.AddDays(-100), n: 2001);
        var closed = Row("0102", now.AddDays(-10), CaseStatus.Closed, 2002);
        var open = Row("0102", now.AddDays(-9), n: 2003);
        var hidden = Row("0701", now.AddDays(-1), n: 2004); // not a public category
        await using (var db = app.Db())
        {
            db.Cases.AddRange(old);
            db.Cases.AddRange(hundredDays, closed, open, hidden);
            await db.SaveChangesAsync();
        }
        static HashSet<long> Ids(JsonElement list) => list.EnumerateArray().Select(r => long.Parse(r.GetProperty("service_request_id").GetString()!)).ToHashSet();
        static string W(DateTime t) => Uri.EscapeDataString(W3cTime.Format(t));

        var recent = Ids((await client.Get("/open311/v2/requests.json")).Json);
        Assert.Contains(closed.Id, recent);
        Assert.Contains(open.Id, recent);
        Assert.DoesNotContain(hundredDays.Id, recent);  // older than the default 90 days
        Assert.DoesNotContain(hidden.Id, recent);       // never a non-public category
        Assert.DoesNotContain(old[^1].Id, recent);

        var window = Ids((await client.Get($"/open311/v2/requests.json?start_date={W(now.AddDays(-105))}&end_date={W(now.AddDays(-95))}")).Json);
        Assert.Equal([hundredDays.Id], window);
        var endOnly = Ids((await client.Get($"/open311/v2/requests.json?end_date={W(now.AddDays(-99))}")).Json);
        Assert.Contains(hundredDays.Id, endOnly);         // 90 days back from end_date
        Assert.DoesNotContain(old[^1].Id, endOnly);

        // start_date alone: 90 days from it, of which the first 1000 (newest first).
        var page = (await client.Get($"/open311/v2/requests.json?start_date={W(now.AddDays(-201))}")).Json;
        var ids = page.EnumerateArray().Select(r => long.Parse(r.GetProperty("service_request_id").GetString()!)).ToList();
        Assert.Equal(1000, ids.Count);
        Assert.Equal(old[^1].Id, ids[0]);
        Assert.DoesNotContain(old[0].Id, ids);
        var times = page.EnumerateArray().Select(r => DateTimeOffset.Parse(r.GetProperty("requested_datetime").GetString()!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
        // The XML answer holds the same 1000.
        Assert.Equal(1000, (await client.Get($"/open311/v2/requests.xml?start_date={W(now.AddDays(-201))}")).Xml.Root!.Elements("request").Count());

        Assert.Equal([closed.Id], Ids((await client.Get("/open311/v2/requests.json?status=closed&service_code=0102")).Json));
        Assert.Equal([open.Id], Ids((await client.Get("/open311/v2/requests.json?status=open&service_code=0102")).Json));
        Assert.Equal(new HashSet<long> { open.Id, closed.Id }, Ids((await client.Get("/open311/v2/requests.json?status=open,closed&service_code=0102")).Json));
        Assert.Equal(new HashSet<long> { open.Id, closed.Id }, Ids((await client.Get("/open311/v2/requests.json?status=open&status=closed&service_code=0102")).Json));
        // service_request_id overrides every other argument (dates, status, service_code); hidden ids stay hidden.
        Assert.Equal(new HashSet<long> { hundredDays.Id, old[0].Id },
            Ids((await client.Get($"/open311/v2/requests.json?service_request_id={hundredDays.Id},{old[0].Id},{hidden.Id}&status=closed&service_code=0102&start_date=bad")).Json));
        Assert.Equal(404, (await client.Get($"/open311/v2/requests/{hidden.Id}.json")).Status);
        Assert.Equal(404, (await client.Get($"/open311/v2/tokens/{hidden.TrackingNo}.json")).Status);
        var closedOne = await Read(client, closed.Id);
        Assert.Equal("closed", closedOne.GetProperty("status").GetString());
        Assert.Equal(W3cTime.Format(closed.ClosedAt!.Value), closedOne.GetProperty("updated_datetime").GetString());
    }

    [SkippableTheory, BothDatabases]
    public async Task No_personal_data_is_shown_and_a_sensitive_category_is_blurred_to_its_grid_without_the_key(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = Anonymous(app);
        var key = await IssueKey(app);
        var (lon, lat) = await PointIn(app, Micro);
        const string phone = "13912345678", idNumber = "510104198507150025";
        var personal = new[]
        {
            F("first_name", "丽"), F("last_name", "孙"), F("phone", phone), F("email", "sun.li@example.cn"),
            F("device_id", "device-5566"), F("account_id", "acct-sunli"),
        };
        var hardship = await FileRequest(client, personal.Concat(
        [
            F("api_key", key), F("service_code", "1004"), F("lat", Inv(lat)), F("long", Inv(lon)),
            F("description", $"家中老人生病，生活困难，电话 {phone}，身份证 {idNumber}"), F("address_string", "水井坊社区3栋2单元302"),
            F("media_url", "https://img.example.cn/room.jpg"),
        ]));
        var bulky = await FileRequest(client, BulkyWaste(key, lon, lat, $"旧床垫，联系 {phone}").Concat(personal));

        string gridName;
        (double Lon, double Lat) centre;
        await using (var db = app.Db())
        {
            var grid = await db.Areas.AsNoTracking().SingleAsync(a => a.Code == Grid);
            gridName = grid.Name;
            var c = AreaRows.Shape(grid.Boundary)!.Centroid;
            centre = (Math.Round(c.X, 6), Math.Round(c.Y, 6));
        }

        // Public view: the sensitive case sits on its grid's centroid, with neither description nor media.
        var blurred = await Read(client, hardship);
        Assert.Equal(centre.Lat, blurred.GetProperty("lat").GetDouble(), 9);
        Assert.Equal(centre.Lon, blurred.GetProperty("long").GetDouble(), 9);
        Assert.Equal(gridName, blurred.GetProperty("address").GetString());
        Assert.Equal(Grid, blurred.GetProperty("address_id").GetString());
        Assert.Equal(JsonValueKind.Null, blurred.GetProperty("description").ValueKind);
        Assert.Equal(JsonValueKind.Null, blurred.GetProperty("media_url").ValueKind);
        // Key view inside the key's area: the exact point and the description, numbers masked.
        var exact = await Read(client, hardship, key);
        Assert.Equal(Math.Round(lat, 6), exact.GetProperty("lat").GetDouble(), 9);
        Assert.Equal("水井坊社区3栋2单元302", exact.GetProperty("address").GetString());
        Assert.Contains("139****5678", exact.GetProperty("description").GetString());
        Assert.Equal("https://img.example.cn/room.jpg", exact.GetProperty("media_url").GetString());
        Assert.Contains("139****5678", (await Read(client, bulky)).GetProperty("description").GetString());

        var texts = new List<string>();
        foreach (var url in new[]
                 {
                     $"/open311/v2/requests/{hardship}.json", $"/open311/v2/requests/{hardship}.xml", $"/open311/v2/requests/{bulky}.json",
                     $"/open311/v2/requests.json?service_request_id={hardship},{bulky}", $"/open311/v2/requests.xml",
                     $"/open311/v2/requests/{hardship}.json?api_key={Uri.EscapeDataString(key)}",
                     $"/open311/v2/requests.xml?api_key={Uri.EscapeDataString(key)}",
                 })
            texts.Add((await client.Get(url)).Text);
        foreach (var text in texts)
            foreach (var secret in new[] { phone, idNumber, "孙丽", "sun.li@example.cn", "device-5566", "acct-sunli", "open311.demo" })
                Assert.DoesNotContain(secret, text);
    }

    [SkippableTheory, BothDatabases]
    public async Task Status_notes_say_each_public_step_in_fixed_words_never_staff_notes(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = Anonymous(app);
        var key = await IssueKey(app);
        var (lon, lat) = await PointIn(app, Micro);
        var admin = await app.ClientFor("jinjiang.admin");
        var rejected = await FileRequest(client, BulkyWaste(key, lon, lat));
        var merged = await FileRequest(client, BulkyWaste(key, lon, lat));
        var kept = await FileRequest(client, BulkyWaste(key, lon, lat));

        Assert.Equal(200, (await Cases.CaseTestKit.Act(admin, rejected, "reject", new { reason = "duplicate", note = "张大爷家已经报过，电话13800001111" })).Status);
        Assert.Equal(200, (await Cases.CaseTestKit.Act(admin, kept, "register")).Status);
        Assert.Equal(200, (await Cases.CaseTestKit.Act(admin, merged, "merge", new { mergeInto = kept })).Status);
        Assert.Equal(200, (await Cases.CaseTestKit.Act(admin, kept, "dispatch", new { department = "510104-SW", note = "交给王科长" })).Status);

        var r = await Read(client, rejected);
        Assert.Equal("closed", r.GetProperty("status").GetString());
        Assert.Equal("不予受理：重复上报", r.GetProperty("status_notes").GetString());
        Assert.Equal(JsonValueKind.Null, r.GetProperty("expected_datetime").ValueKind);
        var m = await Read(client, merged);
        Assert.Equal("closed", m.GetProperty("status").GetString());
        Assert.Equal($"与其他请求重复，已合并至请求 {kept} 一并处理", m.GetProperty("status_notes").GetString());
        var k = await Read(client, kept);
        Assert.Equal("open", k.GetProperty("status").GetString());
        Assert.Equal("已派遣至处置单位", k.GetProperty("status_notes").GetString());
        Assert.Equal("锦江区水务局", k.GetProperty("agency_responsible").GetString());
        var all = (await client.Get($"/open311/v2/requests.xml?service_request_id={rejected},{merged},{kept}")).Text;
        Assert.DoesNotContain("张大爷", all);
        Assert.DoesNotContain("13800001111", all);
        Assert.DoesNotContain("王科长", all);
    }
}
