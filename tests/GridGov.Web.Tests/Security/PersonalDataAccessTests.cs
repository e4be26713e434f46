using GridGov.Data;
using GridGov.Web.Tests.Infrastructure;

namespace GridGov.Web.Tests.Security;

/// <summary>Personal numbers: masked for everyone, full only via /contact with a reason, in-area, audited.</summary>
public sealed class PersonalDataAccessTests(Apps apps) : IClassFixture<Apps>
{
    private const string Community = "510104017001";
    private const string Phone = "13812345678";
    private static readonly string IdNumber = IdCard.WithCheckCharacter("51010419900101123");

    private async Task<(GridGovApp App, long Id)> Registered(DatabaseProvider provider, string name)
    {
        var app = await apps.GetAsync(provider);
        return (app, await app.CreateStaffMember("sjf.secretary", name, Community, Phone, IdNumber));
    }

    [Fact] // no database: once is enough
    public void The_check_character_matches_the_standards_own_example()
    {
        Assert.Equal("11010519491231002X", IdCard.WithCheckCharacter("11010519491231002")); // GB 11643-1999 annex
        Assert.Equal("510104199001011230", IdNumber);
    }

    [SkippableTheory, BothDatabases]
    public async Task Community_staff_see_the_numbers_masked(DatabaseProvider provider)
    {
        var (app, id) = await Registered(provider, "李秀英");
        var (status, person) = await (await app.ClientFor("sjf.staff")).GetJson($"/api/staff/{id}");
        Assert.Equal(200, status);
        Assert.Equal("138****5678", person.GetProperty("phone").GetString());
        Assert.Equal("5101**********1230", person.GetProperty("idNumber").GetString());
        Assert.Equal(IdCard.Masked(IdNumber), person.GetProperty("idNumber").GetString());
    }

    [SkippableTheory, BothDatabases]
    public async Task Contact_with_a_reason_shows_the_full_numbers_to_staff_of_the_area(DatabaseProvider provider)
    {
        var (app, id) = await Registered(provider, "王建华");
        var (status, contact) = await (await app.ClientFor("sjf.staff")).GetJson($"/api/staff/{id}/contact?reason=上门走访");
        Assert.Equal(200, status);
        Assert.Equal(Phone, contact.GetProperty("phone").GetString());
        Assert.Equal(IdNumber, contact.GetProperty("idNumber").GetString());
    }

    [SkippableTheory]
    [BothDatabases("sjf.staff", "", 400)]                  // no reason
    [BothDatabases("sjf.staff", "?reason=%20%20", 400)]    // blank reason
    [BothDatabases("cdl.secretary", "?reason=上门走访", 404)] // sibling community: as if the person did not exist
    [BothDatabases("sjf.micro", "?reason=上门走访", 404)]     // registered at the community, above the micro-grid
    [BothDatabases("jinjiang.admin", "?reason=上门走访", 403)] // district admin: no PeopleUnmask
    [BothDatabases("jinjiang.ops", "?reason=上门走访", 403)]   // command operator: no PeopleUnmask
    [BothDatabases("jinjiang.housing", "?reason=上门走访", 403)]
    public async Task Contact_is_refused_without_reason_outside_the_area_or_without_the_permission(DatabaseProvider provider, string user, string query, int expected)
    {
        var (app, id) = await Registered(provider, "赵明");
        var (status, text) = await (await app.ClientFor(user)).GetText($"/api/staff/{id}/contact{query}");
        Assert.Equal(expected, status);
        Assert.DoesNotContain(Phone, text);
        Assert.DoesNotContain(IdNumber, text);
    }

    [SkippableTheory, BothDatabases]
    public async Task An_unmask_is_audited_for_the_street_admin_with_reason_and_area_but_not_in_a_sibling_community(DatabaseProvider provider)
    {
        var (app, id) = await Registered(provider, "陈静");
        var reason = $"上门走访-{Guid.NewGuid():N}";
        Assert.Equal(200, (await (await app.ClientFor("sjf.staff")).GetText($"/api/staff/{id}/contact?reason={Uri.EscapeDataString(reason)}")).Status);

        var admin = await app.ClientFor("jgy.admin");
        var (status, log) = await admin.GetJson("/api/audit?action=unmask&limit=500");
        Assert.Equal(200, status);
        var entry = Assert.Single(log.GetProperty("items").EnumerateArray(), e => e.GetProperty("reason").GetString() == reason);
        Assert.Equal("unmask", entry.GetProperty("action").GetString());
        Assert.Equal("StaffMember", entry.GetProperty("entityType").GetString());
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.GetProperty("entityId").GetString());
        Assert.Equal(Community, entry.GetProperty("areaCode").GetString());
        Assert.Equal("sjf.staff", entry.GetProperty("userName").GetString());

        var (siblingStatus, sibling) = await admin.GetJson("/api/audit?area=510104017002&limit=500");
        Assert.Equal(200, siblingStatus);
        Assert.DoesNotContain(sibling.GetProperty("items").EnumerateArray(), e =>
            e.GetProperty("areaCode").GetString()!.StartsWith(Community, StringComparison.Ordinal)
            || e.GetProperty("reason").GetString() == reason
            || (e.GetProperty("entityType").GetString() == "StaffMember" && e.GetProperty("entityId").GetString() == id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(403, (await (await app.ClientFor("sjf.secretary")).GetText("/api/audit")).Status);
    }
}
