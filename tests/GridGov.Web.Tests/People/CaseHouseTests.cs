using GridGov.Data;
using GridGov.Web.Tests.Cases;
using GridGov.Web.Tests.Infrastructure;

namespace GridGov.Web.Tests.People;

/// <summary>A case linked to the house it is about: shown with its occupants to those who hold both; refused clearly otherwise.</summary>
public sealed class CaseHouseTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory, BothDatabases]
    public async Task A_case_is_linked_to_its_house_and_shows_who_lives_there(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var micro = await app.ClientFor("sjf.micro");
        var secretary = await app.ClientFor("sjf.secretary");
        var (lon, lat) = await CaseTestKit.PointIn(app);
        var (reported, report) = await micro.PostJson("/api/cases", new { categoryCode = "0601", description = "楼上漏水到楼下", lon, lat, source = "patrol" });
        Assert.True(reported is 200 or 201, report.ToString());
        var caseId = report.GetProperty("case").GetProperty("id").GetInt64();
        var houseId = await PeopleApiTests.NewHouse(secretary);
        await secretary.PostJson("/api/people", new { name = "孙大妈", idNumber = TestResidents.NewIdNumber(1945, male: false), registration = "registered", houseId, relation = "head" });

        Assert.Equal(404, (await secretary.GetJson($"/api/cases/{caseId}/house")).Status); // not linked yet
        var (linked, body) = await secretary.PutJson($"/api/cases/{caseId}/house", new { houseId });
        Assert.Equal(200, linked);
        Assert.Equal("孙大妈", body.GetProperty("house").GetProperty("occupants")[0].GetProperty("personName").GetString());
        var (_, seen) = await micro.GetJson($"/api/cases/{caseId}/house");
        Assert.Equal(houseId, seen.GetProperty("house").GetProperty("id").GetInt64());

        // Read-only above, nothing for the neighbour community, a clear field error for a house that is not the caller's.
        Assert.Equal(200, (await (await app.ClientFor("jgy.admin")).GetJson($"/api/cases/{caseId}/house")).Status);
        Assert.Equal(403, (await (await app.ClientFor("jgy.admin")).PutJson($"/api/cases/{caseId}/house", new { houseId })).Status);
        var neighbour = await app.ClientFor("cdl.secretary");
        Assert.Equal(404, (await neighbour.GetJson($"/api/cases/{caseId}/house")).Status);
        Assert.Equal(404, (await neighbour.PutJson($"/api/cases/{caseId}/house", new { houseId })).Status);
        var (bad, problem) = await secretary.PutJson($"/api/cases/{caseId}/house", new { houseId = 987654321 });
        Assert.Equal(400, bad);
        Assert.True(problem.GetProperty("errors").TryGetProperty("houseId", out _));
        Assert.Equal(404, (await secretary.PutJson("/api/cases/987654321/house", new { houseId })).Status);

        var unlinked = await secretary.DeleteAsync($"/api/cases/{caseId}/house");
        Assert.Equal(204, (int)unlinked.StatusCode);
        Assert.Equal(404, (await secretary.GetJson($"/api/cases/{caseId}/house")).Status);
    }
}
