using System.Text.Json;
using GridGov.Data;
using GridGov.Web.Tests.Cases;
using GridGov.Web.Tests.Infrastructure;

namespace GridGov.Web.Tests.Api;

/// <summary>The field app's own reads: where a worker starts, their reports and their tasks, each only the caller's.</summary>
public sealed class FieldApiTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [BothDatabases]
    public async Task A_worker_starts_in_their_own_area_with_a_dozen_categories_most_used_there_first(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var micro = await app.ClientFor("sjf.micro");
        var (lon, lat) = await CaseTestKit.PointIn(app);
        // Traffic lights reported eight times on patrol this month in the worker's community (more than any other test
        // of this class reports anything): they come first, though not among the common findings.
        for (var i = 0; i < 8; i++) await CaseTestKit.Report(micro, lon, lat, category: "1306");

        var (status, start) = await micro.GetJson("/api/field/start");
        Assert.Equal(200, status);
        var home = start.GetProperty("home");
        Assert.Equal("5101040170010101", home.GetProperty("code").GetString());
        Assert.Contains("微网格", home.GetProperty("name").GetString());
        var top = start.GetProperty("topCategories").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Equal(12, top.Count);
        Assert.Equal(top.Count, top.Distinct().Count());
        Assert.Equal("1306", top[0]);
        Assert.Contains("0101", top); // filled up from the common patrol findings
    }

    [SkippableTheory]
    [BothDatabases]
    public async Task My_reports_are_mine_only_newest_first_and_page_by_cursor(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var micro = await app.ClientFor("sjf.micro");
        var worker = await app.ClientFor("sjf.worker");
        var (lon, lat) = await CaseTestKit.PointIn(app);
        var mine = new List<long>();
        for (var i = 0; i < 3; i++) mine.Add((await CaseTestKit.Report(micro, lon, lat)).GetProperty("id").GetInt64());
        var theirs = (await CaseTestKit.Report(worker, lon, lat)).GetProperty("id").GetInt64();

        var (_, page1) = await micro.GetJson("/api/field/reports?limit=2");
        var items = page1.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal(mine[2], items[0].GetProperty("case").GetProperty("id").GetInt64());
        Assert.Contains("微网格", items[0].GetProperty("areaName").GetString());
        var cursor = page1.GetProperty("nextCursor").GetInt64();
        var (_, page2) = await micro.GetJson($"/api/field/reports?limit=2&cursor={cursor}");
        var ids = page2.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("case").GetProperty("id").GetInt64()).ToList();
        Assert.Contains(mine[0], ids);
        Assert.DoesNotContain(theirs, ids.Concat(items.Select(x => x.GetProperty("case").GetProperty("id").GetInt64())));
    }

    [SkippableTheory]
    [BothDatabases("/api/field/reports?cursor=abc", "cursor")]
    [BothDatabases("/api/field/reports?cursor=-5", "cursor")]
    [BothDatabases("/api/field/reports?limit=0", "limit")]
    [BothDatabases("/api/field/reports?limit=101", "limit")]
    [BothDatabases("/api/field/reports?limit=ten", "limit")]
    public async Task A_bad_cursor_or_limit_is_named_in_a_problem_document(DatabaseProvider provider, string url, string field)
    {
        var app = await apps.GetAsync(provider);
        var response = await (await app.ClientFor("sjf.micro")).GetAsync(url);
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [SkippableTheory]
    [BothDatabases]
    public async Task My_tasks_are_the_cases_i_handle_with_the_nearest_deadline_first(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var micro = await app.ClientFor("sjf.micro");
        var secretary = await app.ClientFor("sjf.secretary");
        var workerClient = await app.ClientFor("sjf.worker");
        var workerId = await CaseTestKit.UserId(workerClient);
        var (lon, lat) = await CaseTestKit.PointIn(app);
        // A street light (72 hours) and exposed garbage (24 hours): the garbage is due first.
        var slow = (await CaseTestKit.Report(micro, lon, lat, category: "1302")).GetProperty("id").GetInt64();
        var fast = (await CaseTestKit.Report(micro, lon, lat, category: "0101")).GetProperty("id").GetInt64();
        foreach (var id in new[] { slow, fast })
        {
            Assert.Equal(200, (await CaseTestKit.Act(secretary, id, "register")).Status);
            Assert.Equal(200, (await CaseTestKit.Act(secretary, id, "dispatch", new { assigneeUserId = workerId })).Status);
        }

        var (status, tasks) = await workerClient.GetJson("/api/field/tasks");
        Assert.Equal(200, status);
        var list = tasks.EnumerateArray().Select(x => x.GetProperty("case")).ToList();
        var order = list.Select(c => c.GetProperty("id").GetInt64()).Where(id => id == slow || id == fast).ToList();
        Assert.Equal([fast, slow], order);
        var due = list.Select(c => c.TryGetProperty("resolveDueAt", out var d) && d.ValueKind == JsonValueKind.String ? d.GetDateTime() : DateTime.MaxValue).ToList();
        Assert.Equal(due.Order(), due);
        Assert.All(list, c => Assert.Contains(c.GetProperty("colour").GetString(), new[] { "green", "yellow", "red" }));
        // The micro-grid worker handles none of them.
        var (_, others) = await micro.GetJson("/api/field/tasks");
        Assert.DoesNotContain(others.EnumerateArray(), x => x.GetProperty("case").GetProperty("id").GetInt64() is var id && (id == slow || id == fast));
    }
}
