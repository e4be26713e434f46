using System.Text.Json;
using System.Text.RegularExpressions;
using GridGov.Data;
using GridGov.Domain.Areas;
using GridGov.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Tests.Security;

/// <summary>
/// Walking ids from another community finds nothing: an existing-but-foreign id answers exactly like an id that
/// does not exist (same status, title and wording), so not even existence leaks.
/// </summary>
public sealed class IdGuessingTests(Apps apps) : IClassFixture<Apps>
{
    private const string Own = "510104017002";   // cdl.secretary's community
    private const long Missing = 987_654_321;

    /// <summary>The problem document with the id taken out of the detail and the per-request trace id dropped.</summary>
    private static string Shape(string text, long id)
    {
        var doc = JsonDocument.Parse(text).RootElement;
        var fields = doc.EnumerateObject().Where(p => p.Name != "traceId")
            .Select(p => p.Name + "=" + (p.Name == "detail"
                ? Regex.Replace(p.Value.GetString()!, $@"\b{id}\b", "{id}")
                : p.Value.ToString()));
        return string.Join("; ", fields);
    }

    [SkippableTheory, BothDatabases]
    public async Task Walking_staff_ids_from_a_sibling_community_never_reveals_a_foreign_staff_member(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        await using var db = app.Db();
        var areas = await db.StaffMembers.AsNoTracking().Where(m => m.Id <= 60).ToDictionaryAsync(m => m.Id, m => m.AreaCode);
        Assert.Contains(areas.Values, a => a.StartsWith("510104017001", StringComparison.Ordinal)); // the walk crosses 水井坊's staff

        var client = await app.ClientFor("cdl.secretary");
        var (missingStatus, missingText) = await client.GetText($"/api/staff/{Missing}");
        Assert.Equal(404, missingStatus);
        var expected = Shape(missingText, Missing);
        Assert.Contains("title=Not found", expected);
        for (long id = 1; id <= 60; id++)
        {
            var (status, text) = await client.GetText($"/api/staff/{id}");
            if (areas.TryGetValue(id, out var area) && AreaCode.IsWithin(area, Own))
            {
                Assert.Equal(200, status); // cdl.secretary's own staff
                continue;
            }
            Assert.True(status == 404, $"staff member {id} in {area ?? "nowhere"}: {status} {text}");
            Assert.Equal(expected, Shape(text, id));
        }
    }

    [SkippableTheory, BothDatabases]
    public async Task Ending_assignments_of_a_sibling_community_answers_like_a_missing_id_and_ends_nothing(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        await using var db = app.Db();
        var foreign = await db.GridAssignments.AsNoTracking()
            .Where(a => a.GridCode.StartsWith("510104017001") && a.EndedAt == null).OrderBy(a => a.Id).Select(a => a.Id).Take(5).ToListAsync();
        Assert.Equal(5, foreign.Count);

        var client = await app.ClientFor("cdl.secretary");
        var (missingStatus, missingText) = await client.Send("POST", $"/api/assignments/{Missing}/end", "{}");
        Assert.Equal(404, missingStatus);
        foreach (var id in foreign)
        {
            var (status, text) = await client.Send("POST", $"/api/assignments/{id}/end", """{"note":"猜测"}""");
            Assert.True(status == 404, $"assignment {id}: {status} {text}");
            Assert.Equal(Shape(missingText, Missing), Shape(text, id));
        }

        await using var after = app.Db();
        Assert.Equal(0, await after.GridAssignments.CountAsync(a => foreign.Contains(a.Id) && a.EndedAt != null));
    }

    [SkippableTheory, BothDatabases]
    public async Task Assigning_a_staff_member_of_the_sibling_community_answers_like_a_missing_one(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var sibling = await app.CreateStaffMember("sjf.secretary", "林芳", "510104017001", null, null);
        var client = await app.ClientFor("cdl.secretary");
        var (missingStatus, missing) = await client.Send("POST", "/api/grids/51010401700201/assignments", $$"""{"staffMemberId":{{Missing}},"role":"volunteer"}""");
        var (status, text) = await client.Send("POST", "/api/grids/51010401700201/assignments", $$"""{"staffMemberId":{{sibling}},"role":"volunteer"}""");
        Assert.Equal(400, missingStatus);
        Assert.Equal(400, status);
        Assert.Contains("staffMemberId", text);
        Assert.Equal(Shape(missing, Missing), Shape(text, sibling));
    }

    [SkippableTheory, BothDatabases]
    public async Task Contact_of_a_foreign_staff_member_answers_like_a_missing_id(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var id = await app.CreateStaffMember("sjf.secretary", "郭杰", "510104017001", "13712345678", null);
        var client = await app.ClientFor("cdl.secretary");
        var (missingStatus, missingText) = await client.GetText($"/api/staff/{Missing}/contact?reason=核实");
        var (status, text) = await client.GetText($"/api/staff/{id}/contact?reason=核实");
        Assert.Equal(404, missingStatus);
        Assert.Equal(404, status);
        Assert.Equal(Shape(missingText, Missing), Shape(text, id));
    }
}
