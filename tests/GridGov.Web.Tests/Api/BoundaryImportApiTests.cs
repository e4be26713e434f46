using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GridGov.Data.Seeding;
using GridGov.Data;
using GridGov.Domain.Areas;
using GridGov.Domain.Geo;
using GridGov.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Tests.Api;

/// <summary>GeoJSON import is validated as a whole and applied all-or-nothing; export round-trips.</summary>
public sealed class BoundaryImportApiTests(Apps apps) : IClassFixture<Apps>
{
    private const string Community = "510104017002";

    private static async Task<HttpResponseMessage> Import(HttpClient client, string json)
    {
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/geo+json");
        return await client.PostAsync("/api/boundaries/import", content);
    }

    private static async Task<JsonObject> Export(HttpClient client, string area, string kind)
    {
        var response = await client.GetAsync($"/api/boundaries/export?area={area}&kind={kind}");
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    [SkippableTheory, BothDatabases]
    public async Task Exported_boundaries_reimport_as_updates_without_changing_routing(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = await app.ClientFor("city.admin");
        var exported = await Export(client, Community, "grid,micro");
        var count = exported["features"]!.AsArray().Count;
        Assert.True(count > 5);

        var response = await Import(client, exported.ToJsonString());
        var body = await response.Json();
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(0, body.GetProperty("inserted").GetInt32());
        Assert.Equal(count, body.GetProperty("updated").GetInt32());
    }

    [SkippableTheory, BothDatabases]
    public async Task A_new_dedicated_grid_is_imported_and_routing_sees_it_at_once(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = await app.ClientFor("city.admin");
        await using var db = app.Db();
        var micro = await db.Areas.Where(a => a.Kind == AreaKind.MicroGrid && a.Code.StartsWith(Community)).OrderBy(a => a.Code).FirstAsync();
        var dedicated = (await db.Areas.Where(a => a.Kind == AreaKind.DedicatedGrid && a.Code.StartsWith(Community)).ToListAsync())
            .Select(a => AreaRows.Shape(a.Boundary)!).ToList();
        // A 30 m square around an interior point of the micro-grid, clear of the existing dedicated grids.
        var centre = AreaRows.Shape(micro.Boundary)!.InteriorPoint;
        var square = Square(centre.X, centre.Y, 15);
        Skip.If(dedicated.Any(d => d.Intersects(square)), "the chosen spot overlaps a dedicated grid");

        var json = FeatureCollection(Feature($"{Community}99", "测试学校专属网格", "dedicated", Community, square));
        var response = await Import(client, json);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(1, (await response.Json()).GetProperty("inserted").GetInt32());

        var (_, located) = await client.GetJson(FormattableString.Invariant($"/api/locate?lon={centre.X:R}&lat={centre.Y:R}"));
        Assert.Equal(micro.Code, located.GetProperty("microGrid").GetString());
        Assert.Contains($"{Community}99", located.GetProperty("dedicatedGrids").EnumerateArray().Select(e => e.GetString()));
    }

    [SkippableTheory, BothDatabases]
    public async Task An_invalid_file_reports_every_problem_by_feature_and_changes_nothing(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = await app.ClientFor("city.admin");
        await using var db = app.Db();
        var micros = await db.Areas.Where(a => a.Kind == AreaKind.MicroGrid && a.Code.StartsWith(Community)).OrderBy(a => a.Code).ToListAsync();
        var first = micros[0];
        var firstShape = AreaRows.Shape(first.Boundary)!;
        var before = await db.Areas.CountAsync();
        var newName = "改名后的微网格";

        var features = new[]
        {
            // 0: valid on its own (a rename): must not be applied because the file has other problems
            Feature(first.Code, newName, "micro", first.ParentCode!, firstShape),
            // 1: open ring
            """{"type":"Feature","properties":{"code":"5101040170029901","name":"开口","kind":"micro","parent":"51010401700299"},"geometry":{"type":"Polygon","coordinates":[[[104.0,30.6],[104.1,30.6],[104.1,30.7],[104.0,30.7]]]}}""",
            // 2: overlaps the stored sibling micro-grid whose shape it copies
            Feature(first.ParentCode + "98", "重叠", "micro", first.ParentCode!, AreaRows.Shape(micros[1].Boundary)!),
            // 3: far outside its parent
            Feature(first.ParentCode + "97", "越界", "micro", first.ParentCode!, Square(104.9, 31.2, 100)),
            // 4: parent code that does not exist
            Feature("51010401799901", "无主", "grid", "510104017999", Square(104.1, 30.6, 50)),
        };
        var response = await Import(client, "{\"type\":\"FeatureCollection\",\"features\":[" + string.Join(",", features) + "]}");
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problems = (await response.Json()).GetProperty("problems").EnumerateArray().ToList();
        string ReasonFor(int i) => string.Join(" | ", problems.Where(p => p.GetProperty("feature").GetInt32() == i).Select(p => p.GetProperty("reason").GetString()));
        Assert.DoesNotContain(problems, p => p.GetProperty("feature").GetInt32() == 0);
        Assert.Contains("not closed", ReasonFor(1));
        Assert.Contains("overlaps", ReasonFor(2));
        Assert.Contains("outside its parent", ReasonFor(3));
        Assert.Contains("unknown parent", ReasonFor(4));

        await using var after = app.Db();
        Assert.Equal(before, await after.Areas.CountAsync());
        Assert.Equal(first.Name, (await after.Areas.SingleAsync(a => a.Code == first.Code)).Name);
    }

    [SkippableTheory]
    [BothDatabases("{not json", "not valid JSON")]
    [BothDatabases("""{"type":"Feature"}""", "FeatureCollection")]
    [BothDatabases("""{"type":"FeatureCollection","features":[]}""", "no features")]
    [BothDatabases("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"51010401700201","name":"x","kind":"grid","parent":"510104017002"},"geometry":{"type":"Point","coordinates":[104,30]}}]}""", "Point")]
    public async Task Malformed_geojson_is_a_400_listing_the_problem(DatabaseProvider provider, string json, string reason)
    {
        var client = await (await apps.GetAsync(provider)).ClientFor("city.admin");
        var response = await Import(client, json);
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
    }

    [SkippableTheory, BothDatabases]
    public async Task Oversized_and_empty_uploads_are_refused(DatabaseProvider provider)
    {
        var client = await (await apps.GetAsync(provider)).ClientFor("city.admin"); // the test app allows 2 MB
        var big = "{\"type\":\"FeatureCollection\",\"features\":[" + new string(' ', 3 * 1024 * 1024) + "]}";
        Assert.Equal(413, (int)(await Import(client, big)).StatusCode);
        Assert.Equal(400, (int)(await Import(client, "")).StatusCode);
    }

    [SkippableTheory, BothDatabases]
    public async Task Export_of_an_unknown_area_is_404_and_a_bad_kind_is_400(DatabaseProvider provider)
    {
        var client = await (await apps.GetAsync(provider)).ClientFor("city.admin");
        Assert.Equal(404, (int)(await client.GetAsync("/api/boundaries/export?area=510104999")).StatusCode);
        Assert.Equal(400, (int)(await client.GetAsync("/api/boundaries/export?area=510104&kind=city")).StatusCode);
    }

    private static NetTopologySuite.Geometries.Polygon Square(double lon, double lat, double halfMeters)
    {
        var dx = GeoMath.MetersToLonDegrees(halfMeters, lat);
        var dy = GeoMath.MetersToLatDegrees(halfMeters);
        return (NetTopologySuite.Geometries.Polygon)new NetTopologySuite.Geometries.GeometryFactory().ToGeometry(
            new NetTopologySuite.Geometries.Envelope(lon - dx, lon + dx, lat - dy, lat + dy));
    }

    private static string Feature(string code, string name, string kind, string parent, NetTopologySuite.Geometries.Geometry g)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
            Domain.Boundaries.GeoJsonBoundaryWriter.WriteFeature(w, new AreaDraft(code, AreasKind(kind), name, parent, g, false));
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static AreaKind AreasKind(string wire) => AreaKinds.TryParseWire(wire, out var k) ? k : throw new ArgumentException(wire);

    private static string FeatureCollection(params string[] features) =>
        "{\"type\":\"FeatureCollection\",\"features\":[" + string.Join(",", features) + "]}";
}
