using GridGov.Data;
using System.Text.Json;
using GridGov.Web.Tests.Cases;
using GridGov.Web.Tests.Infrastructure;

namespace GridGov.Web.Tests.Api;

/// <summary>The big screen's overview: pies by category and source and the latest cases, by name, scoped to the caller's area.</summary>
public sealed class DashboardApiTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [BothDatabases]
    public async Task The_overview_counts_the_area_s_cases_by_category_and_source_and_lists_the_latest_by_name(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var micro = await app.ClientFor("sjf.micro");
        var (lon, lat) = await CaseTestKit.PointIn(app);
        var first = await CaseTestKit.Report(micro, lon, lat, category: "0101");
        var latest = await CaseTestKit.Report(micro, lon, lat, category: "0102");

        var (status, body) = await (await app.ClientFor("jinjiang.ops")).GetJson("/api/dashboard/overview?area=510104");
        Assert.Equal(200, status);
        Assert.Equal("锦江区", body.GetProperty("areaName").GetString());
        var reported = body.GetProperty("reported").GetInt64();
        Assert.True(reported >= 2);
        var byCategory = body.GetProperty("byCategory").EnumerateArray().ToList();
        var bySource = body.GetProperty("bySource").EnumerateArray().ToList();
        Assert.Equal(reported, byCategory.Sum(s => s.GetProperty("count").GetInt64()));
        Assert.Equal(reported, bySource.Sum(s => s.GetProperty("count").GetInt64()));
        // Names, not codes: both reports are 市容环境 (01), reported by a grid worker on patrol.
        Assert.Contains(byCategory, s => s.GetProperty("key").GetString() == "01" && s.GetProperty("name").GetString() == "市容环境");
        Assert.Contains(bySource, s => s.GetProperty("key").GetString() == "patrol" && s.GetProperty("name").GetString() == "网格巡查");
        Assert.All(byCategory.Concat(bySource), s => Assert.NotEqual(s.GetProperty("key").GetString(), s.GetProperty("name").GetString()));

        // The latest case first, placed in the street it lies in (the district screen's child level), by name.
        var events = body.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(latest.GetProperty("id").GetInt64(), events[0].GetProperty("id").GetInt64());
        Assert.Equal("锦官驿街道", events[0].GetProperty("placeName").GetString());
        Assert.Equal("网格巡查", events[0].GetProperty("sourceName").GetString());
        Assert.False(string.IsNullOrEmpty(events[0].GetProperty("categoryName").GetString()));
        Assert.Contains(events, e => e.GetProperty("id").GetInt64() == first.GetProperty("id").GetInt64());

        // A community's screen names the grid.
        var (_, community) = await (await app.ClientFor("sjf.secretary")).GetJson("/api/dashboard/overview?area=510104017001&events=1");
        var only = Assert.Single(community.GetProperty("events").EnumerateArray());
        Assert.StartsWith("水井坊社区", only.GetProperty("placeName").GetString());
    }

    [SkippableTheory]
    [BothDatabases("cdl.secretary", "/api/dashboard/overview?area=510104017001", 404)] // a sibling community
    [BothDatabases("sjf.secretary", "/api/dashboard/overview?area=510104017", 404)]    // the street above: not all of it is theirs
    [BothDatabases("resident.demo", "/api/dashboard/overview?area=510104", 403)]      // no case-reading role at all
    [BothDatabases(null, "/api/dashboard/overview?area=510104", 401)]
    public async Task Another_area_s_overview_is_not_found(DatabaseProvider provider, string? user, string url, int expected)
    {
        var app = await apps.GetAsync(provider);
        var client = user is null ? app.CreateClient() : await app.ClientFor(user);
        var response = await client.GetAsync(url);
        Assert.Equal(expected, (int)response.StatusCode);
        if (expected != 401) Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [SkippableTheory]
    [BothDatabases("/api/dashboard/overview?area=51x104", 400, "area")]
    [BothDatabases("/api/dashboard/overview?area=510104&days=0", 400, "days")]
    [BothDatabases("/api/dashboard/overview?area=510104&events=500", 400, "events")]
    [BothDatabases("/api/dashboard/overview?area=510199", 404, null)] // well formed, inside the city, but no such district
    public async Task Bad_input_is_named_in_a_problem_document(DatabaseProvider provider, string url, int expected, string? field)
    {
        var app = await apps.GetAsync(provider);
        var response = await (await app.ClientFor("city.admin")).GetAsync(url);
        Assert.Equal(expected, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field is null) return;
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }
}
