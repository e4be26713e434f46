using GridGov.Data;
using GridGov.Web.Tests.Infrastructure;

namespace GridGov.Web.Tests.Security;

/// <summary>Roles are granted only junior to the grantor's own, inside the grantor's area, and never to oneself.</summary>
public sealed class GrantScopeTests(Apps apps) : IClassFixture<Apps>
{
    private static object Grant(long userId, string role, string area) => new { userId, role, areaCode = area };

    [SkippableTheory]
    [BothDatabases("district_admin", "510104")]     // more senior, above the street
    [BothDatabases("street_admin", "510104017")]    // as senior, and one's own
    [BothDatabases("grid_worker", "51010401700101")] // junior and inside: still one's own roles
    public async Task A_street_admin_cannot_grant_itself_anything(DatabaseProvider provider, string role, string area)
    {
        var app = await apps.GetAsync(provider);
        var self = await app.UserId("jgy.admin");
        var (status, body) = await (await app.ClientFor("jgy.admin")).PostJson("/api/grants", Grant(self, role, area));
        Assert.Equal(403, status);
        Assert.Contains("own roles", body.GetProperty("detail").GetString());
    }

    [SkippableTheory, BothDatabases]
    public async Task A_street_admin_grants_a_community_role_inside_the_street_and_it_takes_effect_at_once(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var staff = await app.UserId("sjf.staff");
        var staffClient = await app.ClientFor("sjf.staff");
        Assert.Equal(404, (await staffClient.GetText("/api/regions/510104017002")).Status);

        var grant = await (await app.ClientFor("jgy.admin")).PostOk("/api/grants", Grant(staff, "community_secretary", "510104017002"));
        Assert.Equal("community_secretary", grant.GetProperty("role").GetString());
        Assert.Equal("510104017002", grant.GetProperty("area").GetString());

        var (_, me) = await staffClient.GetJson("/api/auth/me");
        Assert.Contains(me.GetProperty("grants").EnumerateArray(), g =>
            g.GetProperty("role").GetString() == "community_secretary" && g.GetProperty("area").GetString() == "510104017002");
        Assert.Equal(200, (await staffClient.GetText("/api/regions/510104017002")).Status); // same token, new grant
    }

    [SkippableTheory]
    [BothDatabases("jgy.admin", "community_secretary", "510104018001", 403)] // a community of another street
    [BothDatabases("jgy.admin", "street_admin", "510104018", 403)]
    [BothDatabases("jgy.admin", "district_admin", "510104", 403)]
    [BothDatabases("jgy.admin", "command_operator", "510104", 403)]          // the district is above the street
    [BothDatabases("sjf.secretary", "grid_worker", "51010401700101", 201)]
    [BothDatabases("sjf.secretary", "grid_worker", "51010401700201", 403)]   // a grid of the sibling community
    [BothDatabases("sjf.secretary", "street_admin", "510104017", 403)]
    [BothDatabases("sjf.secretary", "community_secretary", "510104017001", 403)] // as senior as the grantor
    [BothDatabases("sjf.secretary", "command_operator", "510104017", 403)]
    [BothDatabases("cdl.secretary", "grid_worker", "51010401700101", 403)]
    [BothDatabases("jinjiang.admin", "street_admin", "510104018", 201)]
    [BothDatabases("jinjiang.admin", "district_admin", "510104", 403)]
    [BothDatabases("jinjiang.admin", "city_admin", "5101", 403)]
    public async Task Grants_are_limited_to_junior_roles_inside_the_grantors_area(DatabaseProvider provider, string grantor, string role, string area, int expected)
    {
        var app = await apps.GetAsync(provider);
        var grantee = await app.UserId("sjf.micro");
        var (status, body) = await (await app.ClientFor(grantor)).PostJson("/api/grants", Grant(grantee, role, area));
        Assert.True(status == expected, $"{grantor} → {role}@{area}: {status} {body}");
    }

    [SkippableTheory, BothDatabases]
    public async Task Revoking_is_limited_like_granting(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var grantee = await app.UserId("sjf.head");
        var grant = await (await app.ClientFor("jinjiang.admin")).PostOk("/api/grants", Grant(grantee, "grid_worker", "51010401700201"));
        var id = grant.GetProperty("id").GetInt64();

        Assert.Equal(404, (await (await app.ClientFor("sjf.secretary")).Send("POST", $"/api/grants/{id}/revoke")).Status); // other community
        Assert.Equal(404, (await (await app.ClientFor("sjf.secretary")).Send("POST", "/api/grants/99999999/revoke")).Status);
        Assert.Equal(403, (await (await app.ClientFor("cdl.secretary")).Send("POST", $"/api/grants/{(await Own(app, "cdl.secretary"))}/revoke")).Status);
        Assert.Equal(204, (await (await app.ClientFor("cdl.secretary")).Send("POST", $"/api/grants/{id}/revoke")).Status);
    }

    private static async Task<long> Own(GridGovApp app, string user)
    {
        var (_, me) = await (await app.ClientFor(user)).GetJson("/api/auth/me");
        return me.GetProperty("grants").EnumerateArray().First().GetProperty("id").GetInt64();
    }
}
