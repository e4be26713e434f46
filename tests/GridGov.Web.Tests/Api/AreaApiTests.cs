using System.Text.Json;
using GridGov.Data;
using GridGov.Data.Seeding;
using GridGov.Domain.Areas;
using GridGov.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Tests.Api;

/// <summary>Region tree, grid paging, boundaries, locate and health, on each database provider.</summary>
public sealed class AreaApiTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory, BothDatabases]
    public async Task Region_tree_starts_at_the_city_with_real_names_real_districts_and_synthetic_streets(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (status, body) = await (await app.ClientFor("city.admin")).GetJson("/api/regions");
        Assert.Equal(200, status);
        Assert.Equal("成都市", body.GetProperty("area").GetProperty("name").GetString());
        var district = Assert.Single(body.GetProperty("children").EnumerateArray());
        Assert.Equal("锦江区", district.GetProperty("name").GetString());
        Assert.False(district.GetProperty("synthetic").GetBoolean()); // the real outline

        var (_, street) = await (await app.ClientFor("city.admin")).GetJson("/api/regions/510104017");
        Assert.Equal("锦官驿街道", street.GetProperty("area").GetProperty("name").GetString());
        Assert.True(street.GetProperty("area").GetProperty("synthetic").GetBoolean());
        Assert.Contains(street.GetProperty("children").EnumerateArray(), c => c.GetProperty("name").GetString() == "水井坊社区居委会");
    }

    [SkippableTheory]
    [BothDatabases("/api/regions/999999", 404)]
    [BothDatabases("/api/regions/51x104", 400)]
    [BothDatabases("/api/grids/51010401700199", 404)]
    [BothDatabases("/api/grids/510104", 400)]
    [BothDatabases("/api/areas/510104999999/boundary", 404)]
    [BothDatabases("/api/grids?area=510104&limit=0", 400)]
    [BothDatabases("/api/grids?area=510104&kind=street", 400)]
    [BothDatabases("/api/grids?area=510199", 404)]
    public async Task Bad_or_unknown_codes_answer_with_problem_details(DatabaseProvider provider, string url, int expected)
    {
        var app = await apps.GetAsync(provider);
        var response = await (await app.ClientFor("city.admin")).GetAsync(url);
        Assert.Equal(expected, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [SkippableTheory, BothDatabases]
    public async Task Keyset_paging_returns_every_grid_of_the_area_exactly_once_in_code_order(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = await app.ClientFor("city.admin");
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var url = "/api/grids?area=510104017&limit=37" + (cursor is null ? "" : "&cursor=" + cursor);
            var (status, page) = await client.GetJson(url);
            Assert.Equal(200, status);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        } while (cursor is not null);

        await using var db = app.Db();
        var expected = await db.Areas.Where(a => a.Code.StartsWith("510104017") &&
            (a.Kind == AreaKind.GeneralGrid || a.Kind == AreaKind.MicroGrid || a.Kind == AreaKind.DedicatedGrid))
            .Select(a => a.Code).ToListAsync();
        expected.Sort(StringComparer.Ordinal);
        Assert.True(expected.Count > 37, "the street should need several pages");
        Assert.Equal(expected, seen);
    }

    [SkippableTheory, BothDatabases]
    public async Task Locate_routes_an_interior_point_of_every_tenth_micro_grid_to_it(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = await app.ClientFor("city.admin");
        await using var db = app.Db();
        var micros = await db.Areas.Where(a => a.Kind == AreaKind.MicroGrid).OrderBy(a => a.Code).ToListAsync();
        foreach (var micro in micros.Where((_, i) => i % 10 == 0))
        {
            var p = AreaRows.Shape(micro.Boundary)!.InteriorPoint;
            var (status, body) = await client.GetJson(FormattableString.Invariant($"/api/locate?lon={p.X:R}&lat={p.Y:R}"));
            Assert.Equal(200, status);
            Assert.Equal("microGrid", body.GetProperty("match").GetString());
            Assert.Equal(micro.Code, body.GetProperty("microGrid").GetString());
            Assert.Equal(micro.Code[..12], body.GetProperty("community").GetString());
            Assert.Equal("510104", body.GetProperty("district").GetString());
            Assert.False(body.GetProperty("flagged").GetBoolean());
        }
    }

    [SkippableTheory, BothDatabases]
    public async Task Locate_accepts_gaode_coordinates_and_flags_points_outside_every_grid(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = await app.ClientFor("city.admin");
        await using var db = app.Db();
        var micro = await db.Areas.Where(a => a.Kind == AreaKind.MicroGrid).OrderBy(a => a.Code).FirstAsync();
        var p = AreaRows.Shape(micro.Boundary)!.InteriorPoint;
        var (gx, gy) = Domain.Geo.ChinaCoordinates.Wgs84ToGcj02(p.X, p.Y);
        var (_, viaGcj) = await client.GetJson(FormattableString.Invariant($"/api/locate?lon={gx:R}&lat={gy:R}&crs=gcj02"));
        Assert.Equal(micro.Code, viaGcj.GetProperty("microGrid").GetString());

        // Far from the district but still in China: the city's unassigned queue, never an error.
        var (status, far) = await client.GetJson("/api/locate?lon=106.5&lat=29.5");
        Assert.Equal(200, status);
        Assert.Equal("unassigned", far.GetProperty("match").GetString());
        Assert.Equal("5101", far.GetProperty("routedTo").GetString());
        Assert.True(far.GetProperty("flagged").GetBoolean());

        // Just outside the district's outer edge: nearest community, flagged, with the distance.
        var district = await db.Areas.SingleAsync(a => a.Code == "510104");
        var shape = AreaRows.Shape(district.Boundary)!;
        var east = shape.EnvelopeInternal.MaxX + Domain.Geo.GeoMath.MetersToLonDegrees(300, shape.Centroid.Y);
        var (_, near) = await client.GetJson(FormattableString.Invariant($"/api/locate?lon={east:R}&lat={EdgeLatitude(shape, true):R}"));
        Assert.Equal("nearestCommunity", near.GetProperty("match").GetString());
        Assert.True(near.GetProperty("flagged").GetBoolean());
        Assert.InRange(near.GetProperty("distanceMeters").GetDouble(), 200, 2000);
    }

    private static double EdgeLatitude(NetTopologySuite.Geometries.Geometry shape, bool east)
    {
        var c = shape.Coordinates.OrderBy(c => east ? -c.X : c.X).First();
        return c.Y;
    }

    [SkippableTheory]
    [BothDatabases("lon=NaN&lat=30.6", "lon")]
    [BothDatabases("lon=104.06&lat=Infinity", "lat")]
    [BothDatabases("lon=30.6595&lat=104.0657", "swapped")]
    [BothDatabases("lon=2.35&lat=48.85", "China")]
    [BothDatabases("lon=abc&lat=30.6", "lon")]
    [BothDatabases("lat=30.6", "lon")]
    [BothDatabases("lon=104.06&lat=30.6&crs=bd09", "crs")]
    public async Task Locate_refuses_impossible_coordinates_with_a_hint(DatabaseProvider provider, string query, string hint)
    {
        var app = await apps.GetAsync(provider);
        var response = await (await app.ClientFor("city.admin")).GetAsync("/api/locate?" + query);
        Assert.Equal(400, (int)response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains(hint, text, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableTheory, BothDatabases]
    public async Task Boundary_of_a_grid_is_a_geojson_feature_labelled_synthetic(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var response = await (await app.ClientFor("city.admin")).GetAsync("/api/areas/51010401700101/boundary");
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Json();
        Assert.Equal("Feature", body.GetProperty("type").GetString());
        Assert.Equal("Polygon", body.GetProperty("geometry").GetProperty("type").GetString());
        Assert.True(body.GetProperty("properties").GetProperty("synthetic").GetBoolean());
        Assert.Equal("水井坊社区第1网格", body.GetProperty("properties").GetProperty("name").GetString());
    }

    [SkippableTheory, BothDatabases]
    public async Task Health_reports_the_database_and_the_routing_index(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (status, body) = await app.CreateClient().GetJson("/health"); // anonymous: no data in it
        Assert.Equal(200, status);
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        var index = body.GetProperty("checks").GetProperty("routing-index");
        Assert.Equal("Healthy", index.GetProperty("status").GetString());
        Assert.True(index.GetProperty("data").GetProperty("areas").GetInt32() > 600);
    }

    [SkippableTheory, BothDatabases]
    public async Task OpenApi_document_lists_the_endpoints_and_the_browsable_ui_is_served(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = app.CreateClient(); // the API description is public
        var (_, doc) = await client.GetJson("/openapi/v1.json");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/locate", paths);
        Assert.Contains("/api/boundaries/import", paths);
        Assert.Contains("/api/grids/{code}/assignments", paths);
        var ui = await client.GetAsync("/api-docs/index.html");
        Assert.Equal(200, (int)ui.StatusCode);
    }
}
