using System.IO.Compression;
using System.Text.Json;
using GridGov.Data;
using GridGov.Web.Tests.Cases;
using GridGov.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Tests.Security;

/// <summary>
/// Phone and ID numbers typed into a case's free text (description, address, notes, rating comment) are masked in
/// every staff view, export and audit entry — also for staff who may unmask people's numbers: the case has no
/// audited unmask path — and the append-only audit log never stores them in full.
/// </summary>
public sealed class FreeTextNumbersTests(Apps apps) : IClassFixture<Apps>
{
    private const string Id = "110101199003074573"; // a valid GB 11643 number (check character 3)
    private const string Description = "井盖缺失，请联系 +86 138-0013-8000，身份证 " + Id;
    private const string Address = "东门 138 0013 8000 旁";
    private static readonly string[] Full = ["13800138000", "138-0013-8000", "138 0013 8000", "13912345678", Id, "19900307"];

    private static void AssertMasked(string where, string text, params string[] masks)
    {
        foreach (var full in Full) Assert.False(text.Contains(full, StringComparison.Ordinal), $"{where} shows {full}:\n{text}");
        foreach (var mask in masks) Assert.True(text.Contains(mask, StringComparison.Ordinal), $"{where} lacks {mask}:\n{text}");
    }

    private static async Task<long> Report(HttpClient client, GridGovApp app, Guid[] photos)
    {
        var (lon, lat) = await CaseTestKit.PointIn(app);
        var (status, body) = await client.PostJson("/api/cases", new
        {
            categoryCode = "0101", description = Description, lon, lat, source = "patrol", addressText = Address, photoIds = photos,
        });
        Assert.True(status is 200 or 201, body.ToString());
        return body.GetProperty("case").GetProperty("id").GetInt64();
    }

    private static async Task Ok(Task<(int Status, JsonElement Body)> act)
    {
        var (status, body) = await act;
        Assert.True(status == 200, body.ToString());
    }

    [SkippableTheory, BothDatabases]
    public async Task Staff_views_exports_and_the_audit_log_show_numbers_in_free_text_masked(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var micro = await app.ClientFor("sjf.micro");
        var secretary = await app.ClientFor("sjf.secretary"); // holds PeopleUnmask: still masked here
        var worker = await app.ClientFor("sjf.worker");
        // One plain report (group-committed intake) and one with a photo (the EF path): both are audited.
        var plain = await Report(micro, app, []);
        var id = await Report(micro, app, [await CaseTestKit.UploadPhoto(micro)]);

        await Ok(CaseTestKit.Act(secretary, id, "register"));
        await Ok(CaseTestKit.Act(secretary, id, "dispatch", new { assigneeUserId = await CaseTestKit.UserId(worker) }));
        await Ok(CaseTestKit.Act(worker, id, "accept"));
        var handled = await CaseTestKit.UploadPhoto(worker);
        await Ok(CaseTestKit.Act(worker, id, "feedback", new { note = "已处置，住户电话 13912345678", photoIds = new[] { handled } }));
        await Ok(CaseTestKit.Act(secretary, id, "verify_pass"));
        await Ok(CaseTestKit.Act(micro, id, "evaluate", new { rating = 5, comment = "满意，回访打 139 1234 5678" }));

        var (status, detail) = await secretary.GetJson($"/api/cases/{id}");
        Assert.Equal(200, status);
        Assert.Equal("井盖缺失，请联系 138****8000，身份证 1101**********4573", detail.GetProperty("description").GetString());
        Assert.Equal("东门 138****8000 旁", detail.GetProperty("case").GetProperty("addressText").GetString());
        Assert.Equal("满意，回访打 139****5678", detail.GetProperty("ratingComment").GetString());
        var notes = detail.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("note").GetString()).ToList();
        Assert.Contains("已处置，住户电话 139****5678", notes);
        AssertMasked("GET /api/cases/{id}", detail.ToString(), "138****8000", "1101**********4573", "139****5678");
        AssertMasked("GET /api/cases", (await secretary.GetText("/api/cases?limit=200")).Text, "东门 138****8000 旁");

        var page = await (await secretary.GetAsync($"/cases/{id}")).Content.ReadAsStringAsync();
        AssertMasked("the case page", page, "138****8000", "1101**********4573", "139****5678");

        var csv = await (await secretary.GetAsync("/api/cases/export.csv")).Content.ReadAsStringAsync();
        AssertMasked("export.csv", csv, "东门 138****8000 旁");
        var xlsx = await (await secretary.GetAsync("/api/cases/export.xlsx")).Content.ReadAsByteArrayAsync();
        using (var zip = new ZipArchive(new MemoryStream(xlsx)))
        {
            var xml = string.Concat(zip.Entries.Select(e => new StreamReader(e.Open()).ReadToEnd()));
            AssertMasked("export.xlsx", xml, "东门 138****8000 旁");
        }

        // The district administrator's audit log: the reports' creation and the rating.
        var (auditStatus, audit) = await (await app.ClientFor("jinjiang.admin")).GetJson("/api/audit?limit=500");
        Assert.Equal(200, auditStatus);
        var entries = audit.GetProperty("items").EnumerateArray().ToList();
        foreach (var caseId in new[] { plain, id })
        {
            var created = entries.Single(e => e.GetProperty("entityType").GetString() == "Case"
                && e.GetProperty("entityId").GetString() == caseId.ToString(System.Globalization.CultureInfo.InvariantCulture)
                && e.GetProperty("action").GetString() == "create");
            AssertMasked($"the audit entry of case {caseId}", created.GetProperty("summary").GetString()!, "138****8000", "1101**********4573");
        }
        AssertMasked("GET /api/audit", audit.ToString(), "139****5678");

        // Masked when written: the append-only table never held the numbers.
        await using var db = app.Db();
        var stored = await db.AuditLog.AsNoTracking().Select(e => (e.Summary ?? "") + "|" + (e.Reason ?? "")).ToListAsync();
        AssertMasked("the audit table", string.Join("\n", stored), "138****8000", "139****5678");
    }

    [SkippableTheory, BothDatabases]
    public async Task An_audit_entry_stored_before_masking_is_shown_masked_and_identifiers_are_kept(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        // Numbers of its own: the other test looks for its numbers in the whole table.
        const string legacy = "请联系 137 0013 7000，身份证 11010119851120101X";
        const string sha = "a13700137000b" + "0000000000000000000000000000000000000000000000000000";
        await using (var db = app.Db())
        {
            db.AuditLog.Add(new GridGov.Data.Entities.AuditEntry
            {
                At = DateTime.UtcNow, UserName = "sjf.micro", Action = "create", EntityType = "Case", EntityId = "legacy",
                AreaCode = "5101040170010101", DistrictCode = "510104",
                Summary = $$"""{"Description":[null,"{{legacy}}"],"Sha256":[null,"{{sha}}"],"Rating":[null,5]}""",
                Reason = "回访 13612345678",
            });
            await db.SaveChangesAsync();
        }
        var (_, audit) = await (await app.ClientFor("jinjiang.admin")).GetJson("/api/audit?limit=500");
        var entry = audit.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("entityId").GetString() == "legacy");
        var summary = JsonDocument.Parse(entry.GetProperty("summary").GetString()!).RootElement;
        Assert.Equal("请联系 137****7000，身份证 1101**********101X", summary.GetProperty("Description")[1].GetString());
        Assert.Equal(sha, summary.GetProperty("Sha256")[1].GetString());
        Assert.Equal(5, summary.GetProperty("Rating")[1].GetInt32());
        Assert.Equal("回访 136****5678", entry.GetProperty("reason").GetString());
    }
}
