using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using GridGov.Data;
using GridGov.Domain.Areas;
using GridGov.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Tests.Security;

/// <summary>A street administrator imports boundaries only inside the street; anything outside changes nothing.</summary>
public sealed class BoundaryScopeTests(Apps apps) : IClassFixture<Apps>
{
    private static async Task<(int Status, string Text)> Import(HttpClient client, string json)
    {
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/geo+json");
        var response = await client.PostAsync("/api/boundaries/import", content);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>One micro-grid as exported by the city administrator, renamed so that an import would show.</summary>
    private static async Task<(string Code, JsonObject Feature)> ExportedMicro(GridGovApp app, string street, string newName)
    {
        await using var db = app.Db();
        var code = await db.Areas.Where(a => a.Kind == AreaKind.MicroGrid && a.Code.StartsWith(street)).OrderBy(a => a.Code).Select(a => a.Code).FirstAsync();
        var (status, text) = await (await app.ClientFor("city.admin")).GetText($"/api/boundaries/export?area={code}&kind=micro");
        Assert.Equal(200, status);
        var feature = Assert.Single(JsonNode.Parse(text)!["features"]!.AsArray())!.AsObject();
        feature["properties"]!["name"] = newName;
        return (code, feature);
    }

    private static string Collection(params JsonObject[] features) =>
        new JsonObject { ["type"] = "FeatureCollection", ["features"] = new JsonArray(features.Select(f => (JsonNode)f.DeepClone()).ToArray()) }.ToJsonString();

    private static async Task<(int Areas, int Imports, string Name, DateTime Updated)> State(GridGovApp app, string code)
    {
        await using var db = app.Db();
        var row = await db.Areas.AsNoTracking().SingleAsync(a => a.Code == code);
        return (await db.Areas.CountAsync(), await db.BoundaryImports.CountAsync(), row.Name, row.UpdatedAt);
    }

    [SkippableTheory, BothDatabases]
    public async Task Importing_a_micro_grid_of_another_street_is_refused_and_changes_nothing(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (foreign, feature) = await ExportedMicro(app, "510104018", "越权改名");
        var before = await State(app, foreign);

        var (status, text) = await Import(await app.ClientFor("jgy.admin"), Collection(feature));
        Assert.Equal(400, status);
        var problems = JsonNode.Parse(text)!["problems"]!.AsArray();
        Assert.Contains(problems, p => p!["code"]!.GetValue<string>() == foreign && p["reason"]!.GetValue<string>().Contains("outside your area"));

        Assert.Equal(before, await State(app, foreign));
    }

    [SkippableTheory, BothDatabases]
    public async Task A_file_mixing_an_own_and_a_foreign_micro_grid_is_refused_as_a_whole(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (own, ownFeature) = await ExportedMicro(app, "510104017002", "本街道改名");
        var (foreign, foreignFeature) = await ExportedMicro(app, "510104018", "越权改名");
        var ownBefore = await State(app, own);
        var foreignBefore = await State(app, foreign);

        var (status, text) = await Import(await app.ClientFor("jgy.admin"), Collection(ownFeature, foreignFeature));
        Assert.Equal(400, status);
        var problems = JsonNode.Parse(text)!["problems"]!.AsArray();
        Assert.DoesNotContain(problems, p => p!["code"]?.GetValue<string>() == own);
        Assert.Contains(problems, p => p!["code"]!.GetValue<string>() == foreign && p["reason"]!.GetValue<string>().Contains("outside your area"));
        Assert.Equal(ownBefore, await State(app, own));
        Assert.Equal(foreignBefore, await State(app, foreign));

        // Control: the own feature alone goes through, so the refusal above was about the area.
        var (alone, body) = await Import(await app.ClientFor("jgy.admin"), Collection(ownFeature));
        Assert.True(alone == 200, body);
        Assert.Equal("本街道改名", (await State(app, own)).Name);
    }

    [SkippableTheory, BothDatabases]
    public async Task A_community_secretary_cannot_import_even_inside_the_community(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (own, feature) = await ExportedMicro(app, "510104017001", "书记改名");
        var before = await State(app, own);
        var (status, _) = await Import(await app.ClientFor("sjf.secretary"), Collection(feature));
        Assert.Equal(403, status);
        Assert.Equal(before, await State(app, own));
    }
}
