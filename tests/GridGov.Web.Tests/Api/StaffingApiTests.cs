using GridGov.Data;
using GridGov.Web.Tests.Infrastructure;

namespace GridGov.Web.Tests.Api;

/// <summary>Assigning staff members to grids: roles, history kept, bad input refused with field errors.</summary>
public sealed class StaffingApiTests(Apps apps) : IClassFixture<Apps>
{
    private const string Grid = "51010401700102";

    [SkippableTheory, BothDatabases]
    public async Task A_staff_member_is_assigned_listed_as_member_then_ended_and_kept_in_history(DatabaseProvider provider)
    {
        var client = await (await apps.GetAsync(provider)).ClientFor("sjf.secretary");
        var (created, member) = await client.PostJson("/api/staff", new { name = "张晓燕", areaCode = "510104017001", phone = "13812345678" });
        Assert.Equal(201, created);
        Assert.Equal("138****5678", member.GetProperty("phone").GetString());
        var id = member.GetProperty("id").GetInt64();

        var (assigned, assignment) = await client.PostJson($"/api/grids/{Grid}/assignments", new { staffMemberId = id, role = "grid_head", note = "社区推荐" });
        Assert.Equal(201, assigned);
        Assert.Equal("网格长", assignment.GetProperty("roleLabel").GetString());
        var assignmentId = assignment.GetProperty("id").GetInt64();

        var (_, members) = await client.GetJson($"/api/grids/{Grid}/members");
        Assert.Contains(members.EnumerateArray(), m => m.GetProperty("id").GetInt64() == assignmentId);

        var (dup, _) = await client.PostJson($"/api/grids/{Grid}/assignments", new { staffMemberId = id, role = "grid_head" });
        Assert.Equal(409, dup);

        var (ended, _) = await client.PostJson($"/api/assignments/{assignmentId}/end", new { note = "调岗" });
        Assert.Equal(200, ended);
        var (again, _) = await client.PostJson($"/api/assignments/{assignmentId}/end", new { note = "调岗" });
        Assert.Equal(409, again);

        var (_, membersAfter) = await client.GetJson($"/api/grids/{Grid}/members");
        Assert.DoesNotContain(membersAfter.EnumerateArray(), m => m.GetProperty("id").GetInt64() == assignmentId);
        var (_, history) = await client.GetJson($"/api/grids/{Grid}/assignments");
        var row = Assert.Single(history.EnumerateArray(), m => m.GetProperty("id").GetInt64() == assignmentId);
        Assert.Equal("调岗", row.GetProperty("endNote").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, row.GetProperty("endedAt").ValueKind);
    }

    [SkippableTheory, BothDatabases]
    public async Task Seeded_grids_have_staff_and_phones_are_only_ever_masked(DatabaseProvider provider)
    {
        var client = await (await apps.GetAsync(provider)).ClientFor("sjf.secretary");
        var (_, members) = await client.GetJson($"/api/grids/{Grid}/members");
        Assert.Contains(members.EnumerateArray(), m => m.GetProperty("role").GetString() == "full_time_worker");
        Assert.All(members.EnumerateArray(), m => Assert.Matches(@"^\d{3}\*{4}\d{4}$", m.GetProperty("phone").GetString()!));
    }

    [SkippableTheory]
    [BothDatabases("", "510104017001", null, null, "name")]
    [BothDatabases("王五", "510104017999", null, null, "areaCode")]   // unknown community
    [BothDatabases("王五", "510104017", null, null, "areaCode")]      // the street: outside a secretary's community
    [BothDatabases("王五", "510104017002", null, null, "areaCode")]   // the sibling community
    [BothDatabases("王五", "510104017001", "12345", null, "phone")]
    [BothDatabases("王五", "510104017001", null, "510104199001011235", "idNumber")] // wrong check digit
    [BothDatabases("王五", "510104017001", null, "51010419901301123X", "idNumber")] // month 13
    public async Task Registering_a_staff_member_with_bad_input_names_the_field(DatabaseProvider provider, string name, string area, string? phone, string? idNumber, string field)
    {
        var client = await (await apps.GetAsync(provider)).ClientFor("sjf.secretary");
        var (status, body) = await client.PostJson("/api/staff", new { name, areaCode = area, phone, idNumber });
        Assert.Equal(400, status);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.ToString());
    }

    [SkippableTheory]
    [BothDatabases(Grid, "captain", "role")]
    [BothDatabases(Grid, "micro_grid_worker", "role")] // a general grid, not a micro-grid
    [BothDatabases(Grid, "volunteer", "staffMemberId")]
    public async Task Assigning_with_bad_input_names_the_field(DatabaseProvider provider, string grid, string role, string field)
    {
        var client = await (await apps.GetAsync(provider)).ClientFor("sjf.secretary");
        var (status, body) = await client.PostJson($"/api/grids/{grid}/assignments", new { staffMemberId = 987654321, role });
        Assert.Equal(400, status);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.ToString());
    }

    [SkippableTheory, BothDatabases]
    public async Task Assigning_to_an_unknown_grid_is_404_and_ending_an_unknown_assignment_is_404(DatabaseProvider provider)
    {
        var client = await (await apps.GetAsync(provider)).ClientFor("sjf.secretary");
        var (status, _) = await client.PostJson("/api/grids/51010401700199/assignments", new { staffMemberId = 1, role = "volunteer" });
        Assert.Equal(404, status);
        var (ended, _) = await client.PostJson("/api/assignments/99999999/end", new { });
        Assert.Equal(404, ended);
    }
}
