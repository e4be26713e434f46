using System.Text.Json;
using GridGov.Data.Seeding;
using GridGov.Data;
using GridGov.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static GridGov.Web.Tests.Cases.CaseTestKit;
using static GridGov.Web.Tests.Residents.ResidentKit;

namespace GridGov.Web.Tests.Residents;

/// <summary>Reporting as a resident, following the case in public, one's own history, rating; what the public may see.</summary>
public sealed class ResidentReportTests(Apps apps) : IClassFixture<Apps>
{
    private const string Micro = "5101040170010101";
    private const string Grid = "51010401700101";

    [SkippableTheory, BothDatabases]
    public async Task A_bulky_waste_pickup_gets_a_tracking_number_and_a_public_timeline_without_personal_data(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (resident, phone) = await NewResident(app, nickname: "李先生");
        var (lon, lat) = await PointIn(app, Micro);
        var photo = await UploadPhoto(resident);
        var report = JsonSerializer.SerializeToElement(BulkyWaste(lon, lat, key: Guid.NewGuid().ToString()));
        var withPhoto = JsonSerializer.Deserialize<Dictionary<string, object?>>(report.GetRawText())!;
        withPhoto["photoIds"] = new[] { photo };
        var filed = await File(resident, withPhoto);
        var no = filed.GetProperty("trackingNo").GetString()!;
        Assert.Matches(@"^\d{8}-[A-Z0-9]{6}$", no);
        Assert.Contains("工作小时内办结", filed.GetProperty("notice").GetString());
        Assert.NotEqual(JsonValueKind.Null, filed.GetProperty("expectedAt").ValueKind);

        // A retry with the same key is the same case.
        var again = await File(resident, withPhoto);
        Assert.Equal(no, again.GetProperty("trackingNo").GetString());
        Assert.True(again.GetProperty("replayed").GetBoolean());

        await using (var db = app.Db())
        {
            var c = await db.Cases.AsNoTracking().SingleAsync(x => x.TrackingNo == no);
            Assert.Equal("resident", c.Source);
            Assert.Equal(Micro, c.AreaCode);
            Assert.Equal("李先生", c.ReporterName);
            Assert.Equal(phone[..3] + "****" + phone[^4..], c.ReporterPhoneMasked);
            Assert.Contains("上门时段 (pickup_window): 周末全天 (weekend)", c.Description);
            Assert.Contains("物品类型 (item_types): 旧家具 (furniture)、床垫 (mattress)", c.Description);
            Assert.Equal(1, await db.CasePhotos.CountAsync(p => p.CaseId == c.Id));
        }

        var anon = Open311.Open311Kit.Anonymous(app);
        var (status, view) = await anon.GetJson($"/api/public/cases/{no}");
        Assert.Equal(200, status);
        Assert.Equal("open", view.GetProperty("status").GetString());
        Assert.Equal("待受理", view.GetProperty("statusLabel").GetString());
        Assert.Equal("旧沙发一组，放在3栋楼下", view.GetProperty("description").GetString());
        Assert.Equal("已收到，等待受理", Assert.Single(view.GetProperty("steps").EnumerateArray()).GetProperty("note").GetString());
        var text = view.GetRawText();
        Assert.DoesNotContain("李先生", text);
        Assert.DoesNotContain(phone[^4..] + "\"", text);
        Assert.DoesNotContain("reporter", text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(404, (await anon.GetJson("/api/public/cases/20260101-NOSUCH")).Status);
    }

    [SkippableTheory, BothDatabases]
    public async Task Bad_reports_get_field_errors_and_nothing_is_filed(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (resident, _) = await NewResident(app);
        var (lon, lat) = await PointIn(app, Micro);
        async Task<JsonElement> Refused(object body)
        {
            var (status, problem) = await resident.PostJson("/api/resident/reports", body);
            Assert.Equal(400, status);
            return problem.GetProperty("errors");
        }

        Assert.True((await Refused(new { serviceCode = "9999", description = "x", lon, lat })).TryGetProperty("serviceCode", out _));
        // 0901 (独居老人异常) is not a public service.
        Assert.True((await Refused(new { serviceCode = "0901", description = "x", lon, lat })).TryGetProperty("serviceCode", out _));
        var missing = await Refused(new { serviceCode = "1001", description = "旧沙发", lon, lat });
        Assert.Contains("上门时段", missing.GetProperty("attributes.pickup_window")[0].GetString());
        Assert.True(missing.TryGetProperty("attributes.item_types", out _));
        var badCount = await Refused(new
        {
            serviceCode = "1001", lon, lat,
            attributes = new Dictionary<string, string[]> { ["pickup_window"] = ["weekend"], ["item_types"] = ["furniture"], ["item_count"] = ["500"] },
        });
        Assert.Contains("at most 50", badCount.GetProperty("attributes.item_count")[0].GetString());
        Assert.True((await Refused(new { serviceCode = "0101", description = "路边垃圾" })).TryGetProperty("location", out _));
        Assert.True((await Refused(new { serviceCode = "0101", description = "路边垃圾", addressText = "某个不存在的地方" })).TryGetProperty("location", out _));
        Assert.True((await Refused(new { serviceCode = "0101", description = new string('长', 2001), lon, lat })).TryGetProperty("description", out _));
        Assert.True((await Refused(new { serviceCode = "0101", description = " ", lon, lat })).TryGetProperty("description", out _));
        Assert.True((await Refused(new { serviceCode = "0101", description = "路边垃圾", lon = 200.0, lat })).TryGetProperty("location", out _));
        Assert.True((await Refused(new { serviceCode = "0101", description = "路边垃圾", lon, lat, photoIds = new[] { Guid.NewGuid() } })).TryGetProperty("photoIds", out _));

        var (anonymous, _) = await Open311.Open311Kit.Anonymous(app).PostJson("/api/resident/reports", new { serviceCode = "0101", description = "x", lon, lat });
        Assert.Equal(401, anonymous);
        var (_, mine) = await resident.GetJson("/api/resident/cases");
        Assert.Empty(mine.GetProperty("items").EnumerateArray());
    }

    [SkippableTheory, BothDatabases]
    public async Task An_address_naming_the_community_places_the_report_there_approximately(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (resident, _) = await NewResident(app);
        var filed = await File(resident, new { serviceCode = "0101", description = "小区门口垃圾堆放", addressText = "水井坊社区东门" });
        await using var db = app.Db();
        var c = await db.Cases.AsNoTracking().SingleAsync(x => x.TrackingNo == filed.GetProperty("trackingNo").GetString());
        Assert.StartsWith("510104017001", c.AreaCode);
        Assert.Contains("位置为近似", c.Description);
    }

    [SkippableTheory, BothDatabases]
    public async Task A_sensitive_case_is_blurred_to_its_grid_in_public_and_on_the_map(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (resident, _) = await NewResident(app);
        var (lon, lat) = await PointIn(app, Micro);
        // 0604 婚恋家庭纠纷: public, sensitive.
        var filed = await File(resident, new { serviceCode = "0604", description = "邻居夫妻争吵，13912345678 可联系", lon, lat, addressText = "3栋2单元501" });
        var no = filed.GetProperty("trackingNo").GetString()!;

        double gridLon, gridLat;
        await using (var db = app.Db())
        {
            var centre = AreaRows.Shape((await db.Areas.SingleAsync(a => a.Code == Grid)).Boundary)!.Centroid;
            (gridLon, gridLat) = (Math.Round(centre.X, 5), Math.Round(centre.Y, 5));
        }
        var anon = Open311.Open311Kit.Anonymous(app);
        var (_, view) = await anon.GetJson($"/api/public/cases/{no}");
        Assert.True(view.GetProperty("blurred").GetBoolean());
        Assert.Equal(gridLon, view.GetProperty("lon").GetDouble(), 5);
        Assert.Equal(gridLat, view.GetProperty("lat").GetDouble(), 5);
        Assert.Equal(JsonValueKind.Null, view.GetProperty("description").ValueKind);
        Assert.Equal(JsonValueKind.Null, view.GetProperty("address").ValueKind);
        Assert.DoesNotContain("2单元501", System.Text.RegularExpressions.Regex.Unescape(view.GetRawText())); // the address (a bare "501" can be the digits of a timestamp)

        // On the map: at the grid's centre; a tight box around the true point (away from the centre) does not find it.
        var (_, map) = await anon.GetJson($"/api/public/cases?service=0604&bbox={Box(gridLon, gridLat, 0.001)}");
        var feature = map.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("properties").GetProperty("trackingNo").GetString() == no);
        Assert.Equal(gridLon, feature.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble(), 5);
        if (Math.Abs(lon - gridLon) > 0.0005 || Math.Abs(lat - gridLat) > 0.0005)
        {
            var (_, tight) = await anon.GetJson($"/api/public/cases?service=0604&bbox={Box(lon, lat, 0.0002)}");
            Assert.DoesNotContain(tight.GetProperty("features").EnumerateArray(), f => f.GetProperty("properties").GetProperty("trackingNo").GetString() == no);
        }
    }

    [SkippableTheory, BothDatabases]
    public async Task The_public_map_shows_open_and_recently_closed_public_cases_only_and_checks_its_filters(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (resident, _) = await NewResident(app);
        var micro = await app.ClientFor("sjf.micro");
        var (lon, lat) = await PointIn(app, Micro);
        var open = (await File(resident, new { serviceCode = "0101", description = "路边垃圾 13912345678", lon, lat })).GetProperty("trackingNo").GetString();
        // 0901 独居老人异常 is not public: never on the map.
        var hidden = (await Report(micro, lon, lat, category: "0901")).GetProperty("trackingNo").GetString();

        var anon = Open311.Open311Kit.Anonymous(app);
        var (status, map) = await anon.GetJson($"/api/public/cases?bbox={Box(lon, lat, 0.01)}&status=open");
        Assert.Equal(200, status);
        var numbers = map.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("trackingNo").GetString()).ToList();
        Assert.Contains(open, numbers);
        Assert.DoesNotContain(hidden, numbers);
        var text = map.GetRawText();
        Assert.DoesNotContain("13912345678", text);
        Assert.Contains("139****5678", text);
        Assert.Equal(404, (await anon.GetJson($"/api/public/cases/{hidden}")).Status);

        var (_, closedOnly) = await anon.GetJson($"/api/public/cases?bbox={Box(lon, lat, 0.01)}&status=closed");
        Assert.DoesNotContain(open, closedOnly.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("trackingNo").GetString()));

        foreach (var bad in new[] { "bbox=1,2,3", "bbox=105,30,104,31", "bbox=a,b,c,d", "status=maybe", "days=0", "days=91", "limit=5000", "service=abc" })
        {
            var (code, problem) = await anon.GetJson($"/api/public/cases?{bad}");
            Assert.Equal(400, code);
            Assert.True(problem.TryGetProperty("errors", out _), bad);
        }
    }

    [SkippableTheory, BothDatabases]
    public async Task A_resident_sees_only_their_own_cases_and_rates_once_after_closure(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (alice, _) = await NewResident(app);
        var (bob, _) = await NewResident(app);
        var (lon, lat) = await PointIn(app, Micro);
        var filed = await File(alice, new { serviceCode = "0101", description = "楼下垃圾没人清", lon, lat });
        var no = filed.GetProperty("trackingNo").GetString()!;
        var id = filed.GetProperty("id").GetInt64();

        var (_, aliceList) = await alice.GetJson("/api/resident/cases");
        Assert.Equal(no, Assert.Single(aliceList.GetProperty("items").EnumerateArray()).GetProperty("case").GetProperty("trackingNo").GetString());
        var (_, bobList) = await bob.GetJson("/api/resident/cases");
        Assert.Empty(bobList.GetProperty("items").EnumerateArray());
        Assert.Equal(404, (await bob.GetJson($"/api/resident/cases/{no}")).Status);
        Assert.Equal(404, (await bob.PostJson($"/api/resident/cases/{no}/rating", new { rating = 1 })).Status);
        // The staff API shows a resident nothing of the case beyond their own channel.
        Assert.Equal(404, (await bob.GetJson($"/api/cases/{id}")).Status);

        var (early, _) = await alice.PostJson($"/api/resident/cases/{no}/rating", new { rating = 5 });
        Assert.Equal(409, early);

        await CloseThroughTheLoop(app, id);
        var (_, mine) = await alice.GetJson($"/api/resident/cases/{no}");
        Assert.True(mine.GetProperty("canRate").GetBoolean());
        Assert.Equal("closed", mine.GetProperty("case").GetProperty("status").GetString());
        Assert.Contains("经核查已办结", mine.GetProperty("case").GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("note").GetString()));

        Assert.Equal(400, (await alice.PostJson($"/api/resident/cases/{no}/rating", new { rating = 6 })).Status);
        Assert.Equal(400, (await alice.PostJson($"/api/resident/cases/{no}/rating", new { rating = 4, comment = new string('好', 501) })).Status);
        Assert.Equal(200, (await alice.PostJson($"/api/resident/cases/{no}/rating", new { rating = 4, comment = "清理及时" })).Status);
        Assert.Equal(409, (await alice.PostJson($"/api/resident/cases/{no}/rating", new { rating = 5 })).Status);
        // Through the staff API, the reporter sees the steps but neither staff names nor staff notes.
        var (_, detail) = await alice.GetJson($"/api/cases/{id}");
        var steps = detail.GetProperty("history").EnumerateArray().ToList();
        Assert.Contains(steps, h => h.GetProperty("action").GetString() == "verify_pass" && h.GetProperty("actor").GetString() == "工作人员"
            && h.GetProperty("note").GetString() == "经核查已办结");
        Assert.DoesNotContain("已清理", detail.GetRawText());
        Assert.DoesNotContain(steps, h => h.GetProperty("photoIds").GetArrayLength() > 0 && h.GetProperty("action").GetString() == "feedback");
        var (_, rated) = await alice.GetJson($"/api/resident/cases/{no}");
        Assert.False(rated.GetProperty("canRate").GetBoolean());
        Assert.Equal(4, rated.GetProperty("case").GetProperty("rating").GetInt32());
    }

    /// <summary>The secretary registers, dispatches to the worker, who accepts and feeds back; the secretary passes it.</summary>
    private static async Task CloseThroughTheLoop(GridGovApp app, long id)
    {
        var secretary = await app.ClientFor("sjf.secretary");
        var worker = await app.ClientFor("sjf.worker");
        Assert.Equal(200, (await Act(secretary, id, "register")).Status);
        Assert.Equal(200, (await Act(secretary, id, "dispatch", new { assigneeUserId = await UserId(worker) })).Status);
        Assert.Equal(200, (await Act(worker, id, "accept")).Status);
        Assert.Equal(200, (await Act(worker, id, "feedback", new { note = "已清理", photoIds = new[] { await UploadPhoto(worker) } })).Status);
        Assert.Equal(200, (await Act(secretary, id, "verify_pass")).Status);
    }

    private static string Box(double lon, double lat, double half) => FormattableString.Invariant($"{lon - half},{lat - half},{lon + half},{lat + half}");
}
