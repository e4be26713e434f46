using GridGov.Data;
using GridGov.Web.Tests.Infrastructure;

namespace GridGov.Web.Tests.Security;

/// <summary>
/// For each role and a representative endpoint of every feature: a user of the right area succeeds, a user of a
/// sibling area gets 404 (or 403 when the role lacks the permission altogether), an anonymous caller gets 401.
/// Every row here either only reads or is refused, so the rows do not depend on each other.
/// </summary>
public sealed class AuthorizationMatrixTests(Apps apps) : IClassFixture<Apps>
{
    private const string Grid = "51010401700101";          // 水井坊社区第1网格
    private const string SiblingGrid = "51010401700201";   // 崇德里社区第1网格
    private const string Micro = "5101040170010101";       // 水井坊社区第1网格第1微网格
    private const string FeatureCollection =
        """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"5101040170010101","name":"x","kind":"micro","parent":"51010401700101"},"geometry":{"type":"Polygon","coordinates":[[[104.08,30.65],[104.0801,30.65],[104.0801,30.6501],[104.08,30.65]]]}}]}""";

    /// <summary>user (null = anonymous), method, url, JSON body, expected status, text the response must contain.</summary>
    public static TheoryData<string?, string, string, string?, int, string?> Rows => new()
    {
        // Regions
        { "sjf.secretary", "GET", "/api/regions/510104017001", null, 200, "水井坊" },
        { "cdl.secretary", "GET", "/api/regions/510104017001", null, 404, null },
        { null, "GET", "/api/regions/510104017001", null, 401, null },
        { "sjf.secretary", "GET", "/api/regions/510104", null, 200, null }, // an ancestor: navigable
        { "sjf.secretary", "GET", "/api/regions/510104018", null, 404, null }, // a sibling street
        { "resident.demo", "GET", "/api/regions/510104017001", null, 403, null },
        { "jinjiang.housing", "GET", "/api/regions/510104017001", null, 200, null },

        // Grids
        { "sjf.worker", "GET", $"/api/grids/{Grid}", null, 200, Grid },
        { "sjf.secretary", "GET", $"/api/grids/{Grid}", null, 200, Grid },
        { "cdl.secretary", "GET", $"/api/grids/{Grid}", null, 404, null },
        { "jinjiang.admin", "GET", $"/api/grids/{Grid}", null, 200, Grid },
        { "city.admin", "GET", $"/api/grids/{Grid}", null, 200, Grid },
        { "sjf.micro", "GET", $"/api/grids/{Grid}", null, 404, null }, // a micro-grid worker sees only the micro-grid
        { "sjf.micro", "GET", $"/api/grids/{Micro}", null, 200, Micro },
        { null, "GET", $"/api/grids/{Grid}", null, 401, null },
        { "sjf.secretary", "GET", "/api/grids?area=510104017", null, 200, null },
        { "resident.demo", "GET", "/api/grids?area=510104017", null, 403, null },
        { "open311.demo", "GET", "/api/grids?area=510104017", null, 403, null },
        { "cdl.secretary", "GET", "/api/grids?area=510104017001", null, 404, null },
        { "sjf.secretary", "GET", $"/api/areas/{SiblingGrid}/boundary", null, 404, null },
        { "sjf.secretary", "GET", $"/api/areas/{Grid}/boundary", null, 200, Grid },
        { null, "GET", $"/api/areas/{Grid}/boundary", null, 401, null },

        // Dashboard: the big screen's overview, for an area the caller oversees as a whole
        { "jinjiang.ops", "GET", "/api/dashboard/overview?area=510104", null, 200, "锦江区" },
        { "cdl.secretary", "GET", "/api/dashboard/overview?area=510104017001", null, 404, null },
        { "resident.demo", "GET", "/api/dashboard/overview?area=510104", null, 403, null },
        { null, "GET", "/api/dashboard/overview?area=510104", null, 401, null },

        // Field app: the worker's own start, reports and tasks
        { "sjf.micro", "GET", "/api/field/start", null, 200, "5101040170010101" },
        { null, "GET", "/api/field/start", null, 401, null },
        { "sjf.micro", "GET", "/api/field/reports", null, 200, null },
        { null, "GET", "/api/field/reports", null, 401, null },
        { "sjf.worker", "GET", "/api/field/tasks", null, 200, null },
        { "resident.demo", "GET", "/api/field/tasks", null, 403, null },
        { null, "GET", "/api/field/tasks", null, 401, null },

        // Locate: any signed-in account
        { "sjf.secretary", "GET", "/api/locate?lon=104.08&lat=30.65", null, 200, null },
        { "resident.demo", "GET", "/api/locate?lon=104.08&lat=30.65", null, 200, null },
        { "open311.demo", "GET", "/api/locate?lon=104.08&lat=30.65", null, 200, null },
        { "jinjiang.housing", "GET", "/api/locate?lon=104.08&lat=30.65", null, 200, null },
        { null, "GET", "/api/locate?lon=104.08&lat=30.65", null, 401, null },

        // Staffing
        { "sjf.head", "GET", $"/api/grids/{Grid}/members", null, 200, null },
        { "sjf.worker", "GET", $"/api/grids/{Grid}/assignments", null, 200, null },
        { "sjf.micro", "GET", $"/api/grids/{Grid}/members", null, 404, null },
        { "sjf.micro", "GET", $"/api/grids/{Micro}/members", null, 200, null },
        { "cdl.secretary", "GET", $"/api/grids/{Grid}/members", null, 404, null },
        { "cdl.secretary", "GET", $"/api/grids/{Grid}/assignments", null, 404, null },
        { "jinjiang.housing", "GET", $"/api/grids/{Grid}/members", null, 403, null },
        { "resident.demo", "GET", $"/api/grids/{Grid}/members", null, 403, null },
        { null, "GET", $"/api/grids/{Grid}/members", null, 401, null },
        { "sjf.secretary", "POST", $"/api/grids/{SiblingGrid}/assignments", """{"staffMemberId":1,"role":"volunteer"}""", 404, null },
        { "sjf.head", "POST", $"/api/grids/{Grid}/assignments", """{"staffMemberId":1,"role":"volunteer"}""", 403, null },
        { null, "POST", $"/api/grids/{Grid}/assignments", """{"staffMemberId":1,"role":"volunteer"}""", 401, null },
        { "sjf.secretary", "POST", "/api/staff", """{"name":"王五","areaCode":"510104017002"}""", 400, "\"areaCode\"" },
        { "cdl.secretary", "POST", "/api/staff", """{"name":"王五","areaCode":"51010401700101"}""", 400, "\"areaCode\"" },
        { "sjf.head", "POST", "/api/staff", """{"name":"王五","areaCode":"51010401700101"}""", 403, null },
        { "jinjiang.ops", "POST", "/api/staff", """{"name":"王五","areaCode":"510104017001"}""", 403, null },
        { null, "POST", "/api/staff", """{"name":"王五","areaCode":"510104017001"}""", 401, null },
        { "cdl.secretary", "POST", "/api/assignments/1/end", "{}", 404, null },
        { "sjf.worker", "POST", "/api/assignments/1/end", "{}", 403, null },
        { null, "POST", "/api/assignments/1/end", "{}", 401, null },

        // Staff members: permission checks come before the lookup, so any id shows them
        { "jinjiang.admin", "GET", "/api/staff/1/contact?reason=上门走访", null, 403, null },
        { "jinjiang.ops", "GET", "/api/staff/1/contact?reason=上门走访", null, 403, null },
        { "resident.demo", "GET", "/api/staff/1", null, 403, null },
        { null, "GET", "/api/staff/1", null, 401, null },
        { null, "GET", "/api/staff/1/contact?reason=上门走访", null, 401, null },

        // Audit
        { "jgy.admin", "GET", "/api/audit", null, 200, null },
        { "jinjiang.admin", "GET", "/api/audit", null, 200, null },
        { "jgy.admin", "GET", "/api/audit?area=510104018", null, 404, null },
        { "sjf.secretary", "GET", "/api/audit", null, 403, null },
        { "jinjiang.ops", "GET", "/api/audit", null, 403, null },
        { null, "GET", "/api/audit", null, 401, null },

        // Boundaries
        { "sjf.secretary", "GET", "/api/boundaries/export?area=510104017001&kind=grid", null, 200, Grid },
        { "sjf.secretary", "GET", "/api/boundaries/export?area=510104017002", null, 404, null },
        { "jgy.admin", "GET", "/api/boundaries/export?area=510104018", null, 404, null },
        { null, "GET", "/api/boundaries/export?area=510104017001", null, 401, null },
        { "sjf.secretary", "POST", "/api/boundaries/import", FeatureCollection, 403, null },
        { "jinjiang.ops", "POST", "/api/boundaries/import", FeatureCollection, 403, null },
        { null, "POST", "/api/boundaries/import", FeatureCollection, 401, null },

        // Access
        { "sjf.staff", "POST", "/api/grants", """{"userId":1,"role":"grid_worker","areaCode":"51010401700101"}""", 403, null },
        { "sjf.staff", "POST", "/api/users", """{"userName":"x.y","displayName":"x","initialPassword":"long-enough-123"}""", 403, null },
        { "sjf.head", "POST", "/api/grants/1/revoke", null, 403, null },
        { null, "POST", "/api/grants", """{"userId":1,"role":"grid_worker","areaCode":"51010401700101"}""", 401, null },
        { null, "POST", "/api/users", """{"userName":"x.y","displayName":"x","initialPassword":"long-enough-123"}""", 401, null },

        // Residents: their own channel only; the public endpoints need no account.
        { "resident.demo", "GET", "/api/resident/cases", null, 200, "items" },
        { null, "GET", "/api/resident/cases", null, 401, null },
        { null, "POST", "/api/resident/reports", """{"serviceCode":"0101","description":"x","lon":104.08,"lat":30.65}""", 401, null },
        { "resident.demo", "GET", "/api/cases/export.csv", null, 200, null }, // their own cases only (none here)
        { "resident.demo", "GET", "/api/indicators?area=510104", null, 403, null },
        { "resident.demo", "POST", "/api/cases/1/actions/register", """{"version":1}""", 404, null },
        { "sjf.secretary", "GET", "/api/resident/cases", null, 200, "items" }, // staff have no resident cases of their own here
        { null, "GET", "/api/resident/services", null, 200, "1001" },
        { null, "GET", "/api/public/cases?status=open", null, 200, "FeatureCollection" },
        { null, "GET", "/api/public/districts", null, 200, "510104" },
        { null, "GET", "/api/public/cases/20260101-XXXXXX", null, 404, null },

        // People and homes: communities and grid workers write, the levels above read (masked), departments and residents neither.
        { "sjf.secretary", "GET", "/api/buildings?area=510104017001", null, 200, null },
        { "sjf.micro", "GET", $"/api/buildings?area={Micro}", null, 200, null },
        { "sjf.micro", "GET", "/api/buildings?area=510104017001", null, 200, null }, // the parts of it that are theirs
        { "cdl.secretary", "GET", "/api/buildings?area=510104017001", null, 404, null },
        { "jgy.admin", "GET", "/api/buildings?area=510104017001", null, 200, null },
        { "jinjiang.ops", "GET", "/api/people?name=王", null, 200, null },
        { "jinjiang.housing", "GET", "/api/buildings?area=510104017001", null, 403, null },
        { "resident.demo", "GET", "/api/people?name=王", null, 403, null },
        { null, "GET", "/api/people?name=王", null, 401, null },
        { "jgy.admin", "POST", "/api/people", """{"name":"王五","idNumber":"11010519491231002X","registration":"registered","areaCode":"510104017001"}""", 403, null },
        { "jinjiang.admin", "GET", "/api/people/1/profile?reason=check", null, 403, null },
        { "cdl.secretary", "POST", "/api/buildings", $$"""{"name":"1栋","areaCode":"{{Micro}}","units":1,"floors":1,"housesPerFloor":1}""", 400, "areaCode" },
        { "cdl.secretary", "GET", "/api/houses/987654321", null, 404, null },
        { null, "POST", "/api/houses/1/residents", """{"personId":1,"relation":"head"}""", 401, null },

        // Verification rounds: administrators open, everyone with the registry reads their part, grid workers verify, communities review.
        { "jinjiang.admin", "GET", "/api/verification/rounds", null, 200, null },
        { "jinjiang.ops", "GET", "/api/verification/progress?area=510104", null, 200, null },
        { "cdl.secretary", "GET", "/api/verification/progress?area=510104017001", null, 404, null },
        { "resident.demo", "GET", "/api/verification/rounds", null, 403, null },
        { null, "GET", "/api/verification/rounds", null, 401, null },
        { "sjf.micro", "GET", "/api/verification/mine", null, 200, "houses" },
        { "jinjiang.housing", "GET", "/api/verification/mine", null, 403, null },
        { null, "GET", "/api/verification/mine", null, 401, null },
        { "sjf.micro", "GET", "/api/verification/items/987654321", null, 404, null },
        { "sjf.micro", "POST", "/api/verification/items/987654321/reports", """{"idempotencyKey":"matrix-key-1","kind":"confirm"}""", 404, null },
        { "sjf.micro", "POST", "/api/verification/rounds", $$"""{"name":"x","area":"{{Micro}}","startsOn":"2030-01-01","dueOn":"2030-01-02"}""", 403, null },
        { "jinjiang.ops", "POST", "/api/verification/rounds", """{"name":"x","area":"510104","startsOn":"2030-01-01","dueOn":"2030-01-02"}""", 403, null },
        { "cdl.secretary", "POST", "/api/verification/rounds", """{"name":"x","area":"510104017001","startsOn":"2030-01-01","dueOn":"2030-01-02"}""", 400, "area" },
        { "sjf.secretary", "POST", "/api/verification/rounds", """{"name":"x","area":"510104017001","startsOn":"2030-01-05","dueOn":"2030-01-02"}""", 400, "dueOn" },
        { "cdl.secretary", "GET", "/api/verification/rounds/987654321", null, 404, null },
        { "cdl.secretary", "POST", "/api/verification/rounds/987654321/close", "{}", 404, null },
        { "sjf.secretary", "GET", "/api/verification/requests", null, 200, null },
        { "sjf.micro", "GET", "/api/verification/requests", null, 403, null },
        { "jgy.admin", "GET", "/api/verification/requests", null, 403, null },
        { "cdl.secretary", "GET", "/api/verification/requests?area=510104017001", null, 404, null },
        { "cdl.secretary", "POST", "/api/verification/requests/987654321/approve", "{}", 404, null },
        { "sjf.worker", "POST", "/api/verification/requests/987654321/reject", """{"note":"x"}""", 403, null },

        // Auth
        { "resident.demo", "GET", "/api/auth/me", null, 200, "resident.demo" },
        { null, "GET", "/api/auth/me", null, 401, null },
    };

    [SkippableTheory]
    [BothDatabases(Rows = nameof(Rows))]
    public async Task Caller_gets_the_expected_status(DatabaseProvider provider, string? user, string method, string url, string? body, int expected, string? contains)
    {
        var app = await apps.GetAsync(provider);
        var (status, text) = await (await app.Client(user)).Send(method, url, body);
        Assert.True(status == expected, $"{user ?? "anonymous"} {method} {url}: expected {expected}, got {status} {text}");
        if (contains is not null) Assert.Contains(contains, text);
        if (status is 400 or 403 or 404) Assert.Contains("\"status\":" + status, text); // a problem document, not a bare status
    }
}
