using System.Collections.Concurrent;
using GridGov.Data;
using GridGov.Web.Tests.Infrastructure;
using GridGov.Web.Tests.Security;
using static GridGov.Web.Tests.People.ImportTestFiles;

namespace GridGov.Web.Tests.People;

/// <summary>
/// Every import, review and export endpoint in the authorization matrix's style: the community's own staff succeed,
/// a sibling community gets 404 (never 403, so a batch's existence does not leak), roles without the permission 403,
/// anonymous 401. {batch} and {review} are a committed batch of 水井坊社区 and one of its review items.
/// </summary>
public sealed class ImportAuthorizationTests(Apps apps) : IClassFixture<Apps>
{
    private const string Community = "510104017001";
    private static readonly ConcurrentDictionary<GridGovApp, Task<(long Batch, long Review)>> Made = new();

    public static TheoryData<string?, string, string, int> Rows => new()
    {
        { "sjf.secretary", "GET", "/api/people/imports/{batch}", 200 },
        { "sjf.staff", "GET", "/api/people/imports/{batch}", 200 },
        { "cdl.secretary", "GET", "/api/people/imports/{batch}", 404 },
        { "sjf.micro", "GET", "/api/people/imports/{batch}", 404 }, // a micro-grid worker's area is inside, not over, the batch's
        { "jinjiang.ops", "GET", "/api/people/imports/{batch}", 403 },
        { "resident.demo", "GET", "/api/people/imports/{batch}", 403 },
        { null, "GET", "/api/people/imports/{batch}", 401 },
        { "sjf.secretary", "GET", "/api/people/imports/{batch}/rows?outcome=review", 200 },
        { "cdl.secretary", "GET", "/api/people/imports/{batch}/rows", 404 },
        { "jinjiang.ops", "GET", "/api/people/imports/{batch}/rows", 403 },
        { null, "GET", "/api/people/imports/{batch}/rows", 401 },
        { "sjf.secretary", "POST", "/api/people/imports/{batch}/commit", 409 }, // already committed
        { "cdl.secretary", "POST", "/api/people/imports/{batch}/commit", 404 },
        { "jinjiang.ops", "POST", "/api/people/imports/{batch}/commit", 403 },
        { null, "POST", "/api/people/imports/{batch}/commit", 401 },
        { "sjf.secretary", "GET", "/api/people/imports", 200 },
        { "cdl.secretary", "GET", $"/api/people/imports?area={Community}", 404 },
        { "jinjiang.ops", "GET", "/api/people/imports", 403 },
        { null, "GET", "/api/people/imports", 401 },
        { "cdl.secretary", "POST", $"/api/people/imports?area={Community}", 404 },
        { "jinjiang.ops", "POST", $"/api/people/imports?area={Community}", 403 },
        { "resident.demo", "POST", $"/api/people/imports?area={Community}", 403 },
        { null, "POST", $"/api/people/imports?area={Community}", 401 },
        { "sjf.secretary", "GET", "/api/people/reviews?status=all", 200 },
        { "cdl.secretary", "GET", $"/api/people/reviews?area={Community}", 404 },
        { "jinjiang.ops", "GET", "/api/people/reviews", 403 },
        { null, "GET", "/api/people/reviews", 401 },
        { "cdl.secretary", "POST", "/api/people/reviews/{review}/same-person", 404 },
        { "cdl.secretary", "POST", "/api/people/reviews/{review}/different-person", 404 },
        { "jinjiang.ops", "POST", "/api/people/reviews/{review}/same-person", 403 },
        { null, "POST", "/api/people/reviews/{review}/different-person", 401 },
        { "sjf.secretary", "GET", $"/api/people/export.xlsx?area={Community}", 200 },
        { "jinjiang.ops", "GET", $"/api/people/export.xlsx?area={Community}", 200 }, // reads the register (masked)
        { "cdl.secretary", "GET", $"/api/people/export.xlsx?area={Community}", 404 },
        { "jinjiang.housing", "GET", $"/api/people/export.xlsx?area={Community}", 403 },
        { "resident.demo", "GET", "/api/people/export.xlsx", 403 },
        { null, "GET", "/api/people/export.xlsx", 401 },
    };

    [SkippableTheory]
    [BothDatabases(Rows = nameof(Rows))]
    public async Task Caller_gets_the_expected_status(DatabaseProvider provider, string? user, string method, string url, int expected)
    {
        var app = await apps.GetAsync(provider);
        var (batch, review) = await Made.GetOrAdd(app, MakeAsync);
        var target = url.Replace("{batch}", batch.ToString()).Replace("{review}", review.ToString());
        var body = method == "POST" && target.Contains("/imports?") ? null : method == "POST" ? "{}" : null;
        var (status, text) = await (await app.Client(user)).Send(method, target, body);
        Assert.True(status == expected, $"{user ?? "anonymous"} {method} {target}: expected {expected}, got {status} {text}");
        if (status is 400 or 403 or 404 or 409) Assert.Contains("\"status\":" + status, text);
    }

    /// <summary>A committed batch of the community with one review item: a registered person's number with its check character mistyped.</summary>
    private static async Task<(long, long)> MakeAsync(GridGovApp app)
    {
        var client = await app.ClientFor("sjf.secretary");
        var (compound, _) = await NewBuilding(client, "5101040170010101");
        var id = TestResidents.NewIdNumber(1961);
        var name = NewName();
        await client.PostJson("/api/people", new { name, idNumber = id, registration = "户籍", areaCode = Community });
        var batch = await client.UploadAndPreview(Xlsx([[name, WrongCheck(id), null, "户籍", null, compound, "1", "1", "101", "户主", null]]), Community);
        var batchId = batch.GetProperty("id").GetInt64();
        await client.CommitAndWait(batchId);
        var (_, reviews) = await client.GetJson($"/api/people/reviews?batch={batchId}");
        return (batchId, reviews[0].GetProperty("id").GetInt64());
    }
}
