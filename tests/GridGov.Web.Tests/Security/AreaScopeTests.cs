using GridGov.Data;
using GridGov.Web.Tests.Infrastructure;

namespace GridGov.Web.Tests.Security;

/// <summary>Lists seen from below: an ancestor shows only the path down to the caller, lists only the caller's part.</summary>
public sealed class AreaScopeTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory, BothDatabases]
    public async Task An_ancestor_shows_only_the_path_down_to_the_callers_community(DatabaseProvider provider)
    {
        var client = await (await apps.GetAsync(provider)).ClientFor("sjf.secretary");

        var (status, district) = await client.GetJson("/api/regions/510104");
        Assert.Equal(200, status);
        var streets = district.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("code").GetString()).ToList();
        Assert.Equal(["510104017"], streets); // 510104018 东湖街道 and the other streets are absent

        var (_, street) = await client.GetJson("/api/regions/510104017");
        var communities = street.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("code").GetString()).ToList();
        Assert.Equal(["510104017001"], communities); // 510104017002 崇德里 is absent

        // The unscoped view of the same street does list the siblings: the filter, not the data, hides them.
        var (_, full) = await (await (await apps.GetAsync(provider)).ClientFor("jgy.admin")).GetJson("/api/regions/510104017");
        Assert.Contains(full.GetProperty("children").EnumerateArray(), c => c.GetProperty("code").GetString() == "510104017002");
    }

    [SkippableTheory, BothDatabases]
    public async Task Listing_the_grids_of_the_street_returns_only_the_callers_community(DatabaseProvider provider)
    {
        var client = await (await apps.GetAsync(provider)).ClientFor("sjf.secretary");
        var codes = new List<string>();
        string? cursor = null;
        do
        {
            var (status, page) = await client.GetJson("/api/grids?area=510104017&limit=50" + (cursor is null ? "" : "&cursor=" + cursor));
            Assert.Equal(200, status);
            codes.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        } while (cursor is not null);

        Assert.NotEmpty(codes);
        Assert.Contains("51010401700101", codes);
        Assert.All(codes, c => Assert.StartsWith("510104017001", c));
    }

    [SkippableTheory, BothDatabases]
    public async Task A_micro_grid_worker_lists_and_exports_only_the_micro_grid(DatabaseProvider provider)
    {
        var client = await (await apps.GetAsync(provider)).ClientFor("sjf.micro");
        var (status, page) = await client.GetJson("/api/grids?area=510104017001");
        Assert.Equal(200, status);
        Assert.Equal(["5101040170010101"], page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList());

        var (exported, geojson) = await client.GetJson("/api/boundaries/export?area=510104017");
        Assert.Equal(200, exported);
        var feature = Assert.Single(geojson.GetProperty("features").EnumerateArray());
        Assert.Equal("5101040170010101", feature.GetProperty("properties").GetProperty("code").GetString());
    }
}
