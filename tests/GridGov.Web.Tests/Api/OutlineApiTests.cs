using System.Globalization;
using GridGov.Data;
using GridGov.Web.Tests.Cases;
using GridGov.Web.Tests.Infrastructure;

namespace GridGov.Web.Tests.Api;

/// <summary>The base map's outlines: every map shows the city's own geography with names, without a tile server.</summary>
public sealed class OutlineApiTests(Apps apps) : IClassFixture<Apps>
{
    private static string Box(double lon, double lat, double d) =>
        string.Create(CultureInfo.InvariantCulture, $"{lon - d},{lat - d},{lon + d},{lat + d}");

    [SkippableFact]
    public async Task Public_levels_are_open_with_names_and_grids_need_a_sign_in()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var (lon, lat) = await CaseTestKit.PointIn(app);
        var anonymous = app.CreateClient();
        var (status, communities) = await anonymous.GetJson($"/api/map/outlines?level=community&bbox={Box(lon, lat, 0.01)}");
        Assert.Equal(200, status);
        var names = communities.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("name").GetString()).ToList();
        Assert.Contains(names, n => n!.StartsWith("水井坊社区", StringComparison.Ordinal));
        var one = communities.GetProperty("features")[0];
        Assert.Contains(one.GetProperty("geometry").GetProperty("type").GetString(), new[] { "Polygon", "MultiPolygon" });
        Assert.True(one.GetProperty("properties").GetProperty("synthetic").GetBoolean());

        Assert.Equal(401, (await anonymous.GetJson($"/api/map/outlines?level=micro_grid&bbox={Box(lon, lat, 0.01)}")).Status);
        var worker = await app.ClientFor("sjf.worker");
        var (ok, micro) = await worker.GetJson($"/api/map/outlines?level=micro_grid&bbox={Box(lon, lat, 0.002)}");
        Assert.Equal(200, ok);
        Assert.Contains(micro.GetProperty("features").EnumerateArray(), f => f.GetProperty("properties").GetProperty("code").GetString() == "5101040170010101");
    }

    [SkippableFact]
    public async Task A_bad_box_or_level_is_named()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient();
        var (status, problem) = await client.GetJson("/api/map/outlines?level=county&bbox=104,30,110,31");
        Assert.Equal(400, status);
        Assert.Equal(["bbox", "level"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
    }

    [SkippableFact]
    public async Task Places_are_found_by_name_with_a_point_inside_them()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var (status, places) = await app.CreateClient().GetJson("/api/map/places?q=" + Uri.EscapeDataString("水井坊"));
        Assert.Equal(200, status);
        var first = places[0];
        Assert.StartsWith("水井坊", first.GetProperty("name").GetString());
        Assert.Equal("Community", first.GetProperty("level").GetString()); // no grids for an anonymous caller
        var staff = await app.ClientFor("sjf.micro");
        var (_, grids) = await staff.GetJson("/api/map/places?q=" + Uri.EscapeDataString("水井坊社区第1网格第1微网格"));
        var micro = grids.EnumerateArray().First();
        Assert.Equal("5101040170010101", micro.GetProperty("code").GetString());
        var (located, where) = await staff.GetJson(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"/api/locate?lon={micro.GetProperty("lon").GetDouble()}&lat={micro.GetProperty("lat").GetDouble()}"));
        Assert.Equal(200, located);
        Assert.Contains("5101040170010101", where.ToString()); // the point is inside the place it names
        Assert.Equal(400, (await staff.GetJson("/api/map/places?q=x")).Status);
    }
}
