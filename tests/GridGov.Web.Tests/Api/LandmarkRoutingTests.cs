using GridGov.Data;
using GridGov.Domain.Tests.Geo;
using GridGov.Web.Tests.Infrastructure;

namespace GridGov.Web.Tests.Api;

/// <summary>The app seeded with the whole of Chengdu (all 20 real districts; few grids, so it starts quickly).</summary>
public sealed class WholeChengduApps : Apps
{
    protected override Task<GridGovApp> StartAsync(DatabaseProvider provider)
    {
        var folder = Path.Combine(Path.GetTempPath(), "gridgov-tests", Guid.NewGuid().ToString("N"));
        var divisions = Path.Combine(folder, "divisions");
        Directory.CreateDirectory(divisions);
        File.Copy(Path.Combine(TestCity.RepoRoot(), "data", "divisions", "5101.csv"), Path.Combine(divisions, "5101.csv"));
        var app = new GridGovApp(provider, $"Data Source={Path.Combine(folder, "gridgov.db")}", divisions);
        _ = app.Server; // start now: migrate, seed, build the index
        return Task.FromResult(app);
    }
}

/// <summary>
/// Ten well-known places route to their real district through the app's own routing (/api/locate over the index
/// built from the seeded database). The landmarks and their sources are shared with the outline tests.
/// </summary>
public sealed class LandmarkRoutingTests(WholeChengduApps apps) : IClassFixture<WholeChengduApps>
{
    public static TheoryData<string, double, double, string> Landmarks
    {
        get
        {
            var data = new TheoryData<string, double, double, string>();
            foreach (var (name, lon, lat, district) in ChengduLandmarks.All) data.Add(name, lon, lat, district);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Landmarks))]
    public async Task A_landmark_routes_to_its_real_district(string landmark, double lon, double lat, string district)
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var client = await app.ClientFor("city.admin");

        var (status, body) = await client.GetJson(FormattableString.Invariant($"/api/locate?lon={lon:R}&lat={lat:R}"));

        Assert.Equal(200, status);
        Assert.False(body.GetProperty("flagged").GetBoolean(), landmark);
        var code = body.GetProperty("district").GetString();
        await using var db = app.Db();
        Assert.Equal(district, db.Areas.Single(a => a.Code == code).Name);
        Assert.False(db.Areas.Single(a => a.Code == code).Synthetic);
    }
}
