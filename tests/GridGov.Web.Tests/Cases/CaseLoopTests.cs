using System.Text.Json;
using GridGov.Data;
using GridGov.Web.Tests.Infrastructure;
using static GridGov.Web.Tests.Cases.CaseTestKit;

namespace GridGov.Web.Tests.Cases;

/// <summary>The closed loop end to end on each provider: report → register → dispatch → accept → feedback → verify (fail, then pass) → evaluate.</summary>
public sealed class CaseLoopTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory, BothDatabases]
    public async Task A_case_goes_round_the_whole_loop_with_rework_and_every_step_in_its_history(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var micro = await app.ClientFor("sjf.micro");
        var secretary = await app.ClientFor("sjf.secretary");
        var worker = await app.ClientFor("sjf.worker");
        var (lon, lat) = await PointIn(app);

        var photo = await UploadPhoto(micro);
        var reported = await Report(micro, lon, lat, photos: [photo]);
        var id = reported.GetProperty("id").GetInt64();
        Assert.Equal("reported", reported.GetProperty("status").GetString());
        Assert.Equal("5101040170010101", reported.GetProperty("areaCode").GetString());
        Assert.Matches(@"^\d{8}-[A-Z0-9]{6}$", reported.GetProperty("trackingNo").GetString()!);

        Assert.Equal(200, (await Act(secretary, id, "register")).Status);
        var (_, afterRegister) = await secretary.GetJson($"/api/cases/{id}");
        Assert.Equal("green", afterRegister.GetProperty("case").GetProperty("colour").GetString());
        Assert.NotEqual(JsonValueKind.Null, afterRegister.GetProperty("case").GetProperty("resolveDueAt").ValueKind);

        var workerId = await UserId(worker);
        Assert.Equal(200, (await Act(secretary, id, "dispatch", new { assigneeUserId = workerId })).Status);
        // The worker sees exactly what they can do now.
        var (_, forWorker) = await worker.GetJson($"/api/cases/{id}");
        Assert.Contains("accept", forWorker.GetProperty("availableActions").EnumerateArray().Select(a => a.GetString()));
        Assert.DoesNotContain("verify_pass", forWorker.GetProperty("availableActions").EnumerateArray().Select(a => a.GetString()));

        Assert.Equal(200, (await Act(worker, id, "accept")).Status);
        var (noPhoto, noPhotoBody) = await Act(worker, id, "feedback", new { note = "已清理" });
        Assert.Equal(400, noPhoto);
        Assert.True(noPhotoBody.GetProperty("errors").TryGetProperty("photoIds", out _));
        Assert.Equal(200, (await Act(worker, id, "feedback", new { note = "已清理", photoIds = new[] { await UploadPhoto(worker) } })).Status);
        Assert.Equal(200, (await Act(secretary, id, "verify_fail", new { note = "还有残余垃圾" })).Status);
        Assert.Equal(200, (await Act(worker, id, "feedback", new { note = "已彻底清理", photoIds = new[] { await UploadPhoto(worker) } })).Status);
        var (passed, closed) = await Act(secretary, id, "verify_pass");
        Assert.Equal(200, passed);
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal(1, closed.GetProperty("reworkCount").GetInt32());

        var (notReporter, refusal) = await Act(secretary, id, "evaluate", new { rating = 5 });
        Assert.Equal(409, notReporter);
        Assert.Contains("reporter", refusal.GetProperty("detail").GetString());
        Assert.Equal(400, (await Act(micro, id, "evaluate", new { rating = 7 })).Status);
        Assert.Equal(200, (await Act(micro, id, "evaluate", new { rating = 5, comment = "处理及时" })).Status);
        Assert.Equal(409, (await Act(micro, id, "evaluate", new { rating = 4 })).Status);

        var (_, detail) = await secretary.GetJson($"/api/cases/{id}");
        var steps = detail.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()).ToList();
        Assert.Equal(["report", "register", "dispatch", "accept", "feedback", "verify_fail", "feedback", "verify_pass", "evaluate"], steps);
        var history = detail.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal("还有残余垃圾", history[5].GetProperty("note").GetString());
        Assert.Equal("水井坊第1网格专职网格员", history[4].GetProperty("actor").GetString()); // the display name, not the sign-in name
        Assert.Single(history[0].GetProperty("photoIds").EnumerateArray());
        Assert.Equal(5, detail.GetProperty("case").GetProperty("rating").GetInt32());
    }

    [SkippableTheory, BothDatabases]
    public async Task Illegal_transitions_and_stale_versions_are_refused_with_the_current_state(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var micro = await app.ClientFor("sjf.micro");
        var secretary = await app.ClientFor("sjf.secretary");
        var (lon, lat) = await PointIn(app);
        var id = (await Report(micro, lon, lat)).GetProperty("id").GetInt64();

        var (early, problem) = await Act(secretary, id, "verify_pass");
        Assert.Equal(409, early);
        Assert.Contains("reported", problem.GetProperty("detail").GetString());

        var (stale, staleBody) = await secretary.PostJson($"/api/cases/{id}/actions/register", new { version = 99 });
        Assert.Equal(409, stale);
        Assert.Equal("reported", staleBody.GetProperty("current").GetProperty("status").GetString());
        Assert.Equal(400, (await secretary.PostJson($"/api/cases/{id}/actions/register", new { })).Status);
        Assert.Equal(400, (await secretary.PostJson($"/api/cases/{id}/actions/fly", new { version = 1 })).Status);
        var (reject, rejectBody) = await Act(secretary, id, "reject", new { reason = "because" });
        Assert.Equal(400, reject);
        Assert.True(rejectBody.GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(200, (await Act(secretary, id, "reject", new { reason = "duplicate", note = "与已有案件重复" })).Status);
    }

    [SkippableTheory, BothDatabases]
    public async Task Two_people_registering_the_same_version_at_once_exactly_one_wins(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var micro = await app.ClientFor("sjf.micro");
        var secretary = await app.ClientFor("sjf.secretary");
        var staff = await app.ClientFor("sjf.staff");
        var (lon, lat) = await PointIn(app);
        var id = (await Report(micro, lon, lat)).GetProperty("id").GetInt64();
        var results = await Task.WhenAll(
            secretary.PostJson($"/api/cases/{id}/actions/register", new { version = 1 }),
            staff.PostJson($"/api/cases/{id}/actions/register", new { version = 1 }));
        Assert.Equal([200, 409], results.Select(r => r.Status).Order());
        var (_, detail) = await secretary.GetJson($"/api/cases/{id}");
        Assert.Equal(2, detail.GetProperty("history").GetArrayLength());
    }

    [SkippableTheory, BothDatabases]
    public async Task A_retried_report_with_the_same_idempotency_key_returns_the_first_case(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var micro = await app.ClientFor("sjf.micro");
        var (lon, lat) = await PointIn(app);
        var key = Guid.NewGuid().ToString();
        var first = await Report(micro, lon, lat, key: key);
        var (status, again) = await micro.PostJson("/api/cases", new
        {
            categoryCode = "0101", description = "路边有暴露垃圾，影响通行", lon, lat, source = "patrol", addressText = "水井坊街道口", idempotencyKey = key,
        });
        Assert.Equal(200, status);
        Assert.True(again.GetProperty("replayed").GetBoolean());
        Assert.Equal(first.GetProperty("id").GetInt64(), again.GetProperty("case").GetProperty("id").GetInt64());
        // The same key for a different report is refused, naming the key (IETF Idempotency-Key draft), and files nothing.
        var (reused, problem) = await micro.PostJson("/api/cases", new { categoryCode = "0101", description = "另一件事", lon, lat, idempotencyKey = key });
        Assert.Equal(422, reused);
        Assert.Contains(key, problem.GetProperty("detail").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("idempotencyKey", out _));
        // Many retries at once still make one case.
        var key2 = Guid.NewGuid().ToString();
        var burst = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => micro.PostJson("/api/cases",
            new { categoryCode = "0101", description = "并发重试", lon, lat, idempotencyKey = key2 })));
        Assert.Single(burst.Select(b => b.Body.GetProperty("case").GetProperty("id").GetInt64()).Distinct());
    }

    [SkippableTheory, BothDatabases]
    public async Task Self_resolution_closes_at_once_inside_the_workers_grid_only(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var micro = await app.ClientFor("sjf.micro");
        var (lon, lat) = await PointIn(app);
        var closed = await Report(micro, lon, lat, selfResolve: true, photos: [await UploadPhoto(micro)]);
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        var (other, otherLat) = await PointIn(app, "5101040170020101");
        var (status, body) = await micro.PostJson("/api/cases", new
        {
            categoryCode = "0101", description = "别处", lon = other, lat = otherLat, selfResolve = true, photoIds = new[] { await UploadPhoto(micro) },
        });
        Assert.Equal(400, status);
        Assert.True(body.GetProperty("errors").TryGetProperty("selfResolve", out _));
        var (noPhoto, _) = await micro.PostJson("/api/cases", new { categoryCode = "0101", description = "无照片", lon, lat, selfResolve = true });
        Assert.Equal(400, noPhoto);
    }

    [SkippableTheory, BothDatabases]
    public async Task Suspension_and_extension_need_approval_and_move_the_deadline(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var micro = await app.ClientFor("sjf.micro");
        var secretary = await app.ClientFor("sjf.secretary");
        var worker = await app.ClientFor("sjf.worker");
        var (lon, lat) = await PointIn(app);
        var id = (await Report(micro, lon, lat)).GetProperty("id").GetInt64();
        await Act(secretary, id, "register");
        await Act(secretary, id, "dispatch", new { assigneeUserId = await UserId(worker) });
        await Act(worker, id, "accept");
        var (_, before) = await worker.GetJson($"/api/cases/{id}");
        var due = before.GetProperty("case").GetProperty("resolveDueAt").GetDateTime();

        Assert.Equal(400, (await Act(worker, id, "request_extension", new { extensionHours = 0, reason = "x" })).Status);
        Assert.Equal(200, (await Act(worker, id, "request_extension", new { extensionHours = 8, reason = "需协调物业" })).Status);
        Assert.Equal(409, (await Act(worker, id, "approve_extension")).Status); // the handler cannot approve their own request
        Assert.Equal(200, (await Act(secretary, id, "approve_extension")).Status);
        var (_, extended) = await worker.GetJson($"/api/cases/{id}");
        Assert.True(extended.GetProperty("case").GetProperty("resolveDueAt").GetDateTime() > due);

        Assert.Equal(200, (await Act(worker, id, "request_suspension", new { reason = "等待法院判决" })).Status);
        Assert.Equal(200, (await Act(secretary, id, "approve_suspension")).Status);
        var (_, suspended) = await worker.GetJson($"/api/cases/{id}");
        Assert.Equal("suspended", suspended.GetProperty("case").GetProperty("status").GetString());
        Assert.Equal(409, (await Act(worker, id, "feedback", new { photoIds = new[] { await UploadPhoto(worker) } })).Status);
        Assert.Equal(200, (await Act(secretary, id, "resume")).Status);
        var (_, resumed) = await worker.GetJson($"/api/cases/{id}");
        Assert.Equal("handling", resumed.GetProperty("case").GetProperty("status").GetString());
    }

    [SkippableTheory, BothDatabases]
    public async Task Bad_reports_are_refused_field_by_field_and_nothing_is_stored(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var micro = await app.ClientFor("sjf.micro");
        var (lon, lat) = await PointIn(app);
        await using var db = app.Db();
        var before = db.Cases.Count();
        async Task Expect(object body, string field)
        {
            var (status, problem) = await micro.PostJson("/api/cases", body);
            Assert.Equal(400, status);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        }
        await Expect(new { categoryCode = "9999", description = "x", lon, lat }, "categoryCode");
        await Expect(new { categoryCode = "01", description = "x", lon, lat }, "categoryCode");
        await Expect(new { categoryCode = "0101", description = new string('长', 2001), lon, lat }, "description");
        await Expect(new { categoryCode = "0101", description = "", lon, lat }, "description");
        await Expect(new { categoryCode = "0101", description = "x", lon = lat, lat = lon }, "lat");
        await Expect(new { categoryCode = "0101", description = "x" }, "lon");
        await Expect(new { categoryCode = "0101", description = "x", lon, lat, source = "pigeon" }, "source");
        await Expect(new { categoryCode = "0101", description = "x", lon, lat, reporterPhone = "123" }, "reporterPhone");
        await Expect(new { categoryCode = "0101", description = "x", lon, lat, photoIds = new[] { Guid.NewGuid() } }, "photoIds");
        var tenPhotos = new List<Guid>();
        for (var i = 0; i < 10; i++) tenPhotos.Add(await UploadPhoto(micro, Png(10 + i, 10)));
        await Expect(new { categoryCode = "0101", description = "x", lon, lat, photoIds = tenPhotos }, "photoIds");
        Assert.Equal(before, db.Cases.Count());
    }

    [SkippableTheory, BothDatabases]
    public async Task Photos_are_checked_by_content_and_size(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var micro = await app.ClientFor("sjf.micro");
        var fake = new ByteArrayContent("<html>not an image</html>"u8.ToArray());
        fake.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
        var refused = await micro.PostAsync("/api/photos", fake);
        Assert.Equal(400, (int)refused.StatusCode);
        Assert.Contains("not a JPEG, PNG or WebP", await refused.Content.ReadAsStringAsync());
        var big = new ByteArrayContent(new byte[11 * 1024 * 1024]);
        Assert.Equal(413, (int)(await micro.PostAsync("/api/photos", big)).StatusCode);

        var id = await UploadPhoto(micro, Png(800, 600));
        var thumb = await micro.GetAsync($"/api/photos/{id}?thumbnail=true");
        Assert.Equal("image/jpeg", thumb.Content.Headers.ContentType?.MediaType);
        using var image = SixLabors.ImageSharp.Image.Load(await thumb.Content.ReadAsByteArrayAsync());
        Assert.Equal(320, image.Width);
        // Someone else cannot fetch an unattached photo.
        Assert.Equal(404, (int)(await (await app.ClientFor("cdl.secretary")).GetAsync($"/api/photos/{id}")).StatusCode);
    }

    [SkippableTheory, BothDatabases]
    public async Task Cases_are_scoped_a_neighbouring_community_sees_nothing_of_them(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var micro = await app.ClientFor("sjf.micro");
        var other = await app.ClientFor("cdl.secretary");
        var (lon, lat) = await PointIn(app);
        var id = (await Report(micro, lon, lat)).GetProperty("id").GetInt64();
        Assert.Equal(404, (await other.GetJson($"/api/cases/{id}")).Status);
        var (_, list) = await other.GetJson("/api/cases?limit=200");
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetInt64() == id);
        Assert.Equal(404, (await other.PostJson($"/api/cases/{id}/actions/register", new { version = 1 })).Status);
        var (_, mine) = await (await app.ClientFor("sjf.secretary")).GetJson("/api/cases?status=reported&limit=200");
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetInt64() == id);
    }

    [SkippableTheory, BothDatabases]
    public async Task The_list_pages_by_cursor_filters_and_exports(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var micro = await app.ClientFor("sjf.micro");
        var secretary = await app.ClientFor("sjf.secretary");
        var (lon, lat) = await PointIn(app);
        for (var i = 0; i < 5; i++) await Report(micro, lon, lat, category: "0103");
        var seen = new List<long>();
        long? cursor = null;
        do
        {
            var (status, page) = await secretary.GetJson($"/api/cases?category=0103&limit=2{(cursor is null ? "" : $"&cursor={cursor}")}");
            Assert.Equal(200, status);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetInt64()));
            cursor = page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextCursor").GetInt64();
        } while (cursor is not null);
        Assert.True(seen.Count >= 5);
        Assert.Equal(seen.OrderByDescending(x => x), seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());

        Assert.Equal(400, (await secretary.GetJson("/api/cases?colour=purple")).Status);
        Assert.Equal(400, (await secretary.GetJson("/api/cases?status=flying")).Status);
        Assert.Equal(400, (await secretary.GetJson("/api/cases?from=yesterday")).Status);

        var csv = await secretary.GetAsync("/api/cases/export.csv?category=0103");
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("案件编号", text.TrimStart('\uFEFF'));
        Assert.True(text.Split('\n').Count(l => l.Contains("0103")) >= 5);
        var xlsx = await secretary.GetAsync("/api/cases/export.xlsx?category=0103");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        using var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        var rows = doc.WorkbookPart!.WorksheetParts.First().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count();
        Assert.True(rows >= 6);
    }
}

/// <summary>A case's area comes from routing at intake; nothing a caller sends afterwards can move it.</summary>
public sealed class CaseAreaTamperTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory, BothDatabases]
    public async Task Editing_a_location_or_area_in_an_action_changes_nothing_and_there_is_no_edit_endpoint(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var micro = await app.ClientFor("sjf.micro");
        var secretary = await app.ClientFor("sjf.secretary");
        var (lon, lat) = await CaseTestKit.PointIn(app);
        var id = (await CaseTestKit.Report(micro, lon, lat)).GetProperty("id").GetInt64();
        var (other, otherLat) = await CaseTestKit.PointIn(app, "5101040170020101");
        // Extra fields are not part of any action: they are ignored, the area stays.
        var (status, _) = await CaseTestKit.Act(secretary, id, "register", new { lon = other, lat = otherLat, areaCode = "5101040170020101", districtCode = "510105" });
        Assert.Equal(200, status);
        var (_, detail) = await secretary.GetJson($"/api/cases/{id}");
        Assert.Equal("5101040170010101", detail.GetProperty("case").GetProperty("areaCode").GetString());
        Assert.Equal(lon, detail.GetProperty("case").GetProperty("lon").GetDouble(), 9);
        foreach (var method in new[] { HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete })
        {
            var r = await secretary.SendAsync(new HttpRequestMessage(method, $"/api/cases/{id}") { Content = System.Net.Http.Json.JsonContent.Create(new { areaCode = "5101040170020101" }) });
            Assert.True((int)r.StatusCode is 404 or 405, $"{method} answered {(int)r.StatusCode}");
        }
        // The neighbouring secretary still cannot reach it.
        Assert.Equal(404, (await (await app.ClientFor("cdl.secretary")).GetJson($"/api/cases/{id}")).Status);
    }
}
