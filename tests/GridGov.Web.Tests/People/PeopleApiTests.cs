using System.Text.Json;
using GridGov.Data;
using GridGov.Web.Tests.Infrastructure;

namespace GridGov.Web.Tests.People;

/// <summary>
/// The registry of people and homes through the API: a building creates its houses, residents move in and out,
/// numbers stay masked unless a reason is given, and another community sees none of it.
/// </summary>
public sealed class PeopleApiTests(Apps apps) : IClassFixture<Apps>
{
    private const string Micro = "5101040170010101";   // 水井坊社区第1网格第1微网格
    private const string SiblingMicro = "5101040170020101"; // 崇德里社区

    [SkippableTheory, BothDatabases]
    public async Task A_building_is_registered_with_one_house_per_door_numbered_by_floor(DatabaseProvider provider)
    {
        var client = await (await apps.GetAsync(provider)).ClientFor("sjf.secretary");
        var (status, compound) = await client.PostJson("/api/compounds", new
        {
            name = "望江小区" + Guid.NewGuid().ToString("N")[..4], areaCode = Micro, address = "水井坊街12号",
            propertyCompany = "蓉城物业", propertyContact = "李经理", propertyPhone = "13912345678", selfGovernance = "望江小区院落自治小组",
        });
        Assert.Equal(201, status);
        Assert.Equal("139****5678", compound.GetProperty("propertyPhone").GetString());

        var (created, building) = await client.PostJson("/api/buildings", new
        {
            name = "5栋", compoundId = compound.GetProperty("id").GetInt64(), units = 2, floors = 6, housesPerFloor = 2,
        });
        Assert.Equal(201, created);
        var houses = building.GetProperty("houses").EnumerateArray().ToList();
        Assert.Equal(2 * 6 * 2, houses.Count);
        Assert.Contains(houses, h => h.GetProperty("unit").GetInt32() == 2 && h.GetProperty("number").GetString() == "602");
        Assert.Equal(6, houses[0].GetProperty("floor").GetInt32()); // top floor first, as the grid view draws it

        var houseId = houses.First(h => h.GetProperty("number").GetString() == "502").GetProperty("id").GetInt64();
        var (_, house) = await client.GetJson($"/api/houses/{houseId}");
        var address = house.GetProperty("address").GetString()!;
        Assert.Contains("水井坊", address);
        Assert.EndsWith("5栋1单元502", address);
        Assert.Equal("自住", house.GetProperty("useLabel").GetString());

        var (again, _) = await client.PostJson("/api/buildings", new { name = "5栋", compoundId = compound.GetProperty("id").GetInt64(), units = 1, floors = 1, housesPerFloor = 1 });
        Assert.Equal(409, again);

        var (changed, after) = await client.PatchJson($"/api/houses/{houseId}", new { use = "出租", floorArea = 89.5 });
        Assert.Equal(200, changed);
        Assert.Equal("rented", after.GetProperty("use").GetString());
        var (_, found) = await client.GetJson($"/api/houses?q={Uri.EscapeDataString("5栋1单元502")}&area=510104017001");
        Assert.Contains(found.EnumerateArray(), h => h.GetProperty("id").GetInt64() == houseId);
    }

    [SkippableTheory, BothDatabases]
    public async Task A_family_moves_in_is_found_masked_and_a_move_out_is_kept_in_the_history(DatabaseProvider provider)
    {
        var client = await (await apps.GetAsync(provider)).ClientFor("sjf.secretary");
        var houseId = await NewHouse(client);
        var idNumber = TestResidents.NewIdNumber(1944);
        var phone = TestResidents.NewPhone();
        var (status, head) = await client.PostJson("/api/people", new
        {
            name = "王秀英", idNumber = idNumber.ToLowerInvariant(), phone, registration = "户籍", tags = new[] { "独居老人" },
            houseId, relation = "户主", from = "2010-05-01",
        });
        Assert.Equal(201, status);
        Assert.Equal(idNumber[..4] + new string('*', 10) + idNumber[^4..], head.GetProperty("idNumber").GetString());
        Assert.Equal(phone[..3] + "****" + phone[^4..], head.GetProperty("phone").GetString());
        Assert.Equal("男", head.GetProperty("sex").GetString()); // from the ID number's 17th digit
        Assert.StartsWith("1944-", head.GetProperty("birthDate").GetString());
        Assert.DoesNotContain(idNumber, head.ToString());
        var headId = head.GetProperty("id").GetInt64();

        var (tenantStatus, tenant) = await client.PostJson("/api/people", new { name = "李四", idNumber = TestResidents.NewIdNumber(1990, male: false), registration = "floating", houseId, relation = "tenant" });
        Assert.Equal(201, tenantStatus);
        Assert.Equal("女", tenant.GetProperty("sex").GetString());

        // Found by ID number (exact), phone and name; masked in the results.
        var (_, byId) = await client.GetJson($"/api/people?idNumber={idNumber}");
        Assert.Equal(headId, Assert.Single(byId.EnumerateArray()).GetProperty("id").GetInt64());
        var (_, byPhone) = await client.GetJson($"/api/people?phone={phone}");
        Assert.Equal(headId, Assert.Single(byPhone.EnumerateArray()).GetProperty("id").GetInt64());
        var (_, byName) = await client.GetJson($"/api/people?name={Uri.EscapeDataString("王秀")}&area=510104017001");
        Assert.Contains(byName.EnumerateArray(), p => p.GetProperty("id").GetInt64() == headId);
        var (_, byTag) = await client.GetJson($"/api/people?tag={Uri.EscapeDataString("独居老人")}&limit=200");
        Assert.Contains(byTag.EnumerateArray(), p => p.GetProperty("id").GetInt64() == headId);

        // The same ID number again: one record per number.
        var (dup, _) = await client.PostJson("/api/people", new { name = "王秀英", idNumber, registration = "户籍", areaCode = "510104017001" });
        Assert.Equal(409, dup);

        var (_, house) = await client.GetJson($"/api/houses/{houseId}");
        Assert.Equal(2, house.GetProperty("occupants").GetArrayLength());
        Assert.Equal("户主", house.GetProperty("occupants")[0].GetProperty("relationLabel").GetString());
        var tenantLink = house.GetProperty("occupants").EnumerateArray().First(o => o.GetProperty("relation").GetString() == "tenant").GetProperty("id").GetInt64();

        var (ended, _) = await client.PostJson($"/api/residences/{tenantLink}/end", new { note = "租约到期" });
        Assert.Equal(200, ended);
        var (endedAgain, _) = await client.PostJson($"/api/residences/{tenantLink}/end", new { });
        Assert.Equal(409, endedAgain);
        var (_, houseAfter) = await client.GetJson($"/api/houses/{houseId}");
        Assert.Equal(1, houseAfter.GetProperty("occupants").GetArrayLength());
        Assert.Equal(tenantLink, Assert.Single(houseAfter.GetProperty("history").EnumerateArray()).GetProperty("id").GetInt64());
        var (_, tenantAfter) = await client.GetJson($"/api/people/{tenant.GetProperty("id").GetInt64()}");
        Assert.NotEqual(JsonValueKind.Null, tenantAfter.GetProperty("homes")[0].GetProperty("to").ValueKind); // still there, with the day they left
    }

    [SkippableTheory, BothDatabases]
    public async Task The_full_numbers_need_a_reason_and_another_community_sees_nothing(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var secretary = await app.ClientFor("sjf.secretary");
        var houseId = await NewHouse(secretary);
        var idNumber = TestResidents.NewIdNumber(1938);
        var (_, person) = await secretary.PostJson("/api/people", new { name = "赵大爷", idNumber, registration = "registered", houseId, relation = "head" });
        var id = person.GetProperty("id").GetInt64();

        var (noReason, problem) = await secretary.GetJson($"/api/people/{id}/profile");
        Assert.Equal(400, noReason);
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
        var (ok, profile) = await secretary.GetJson($"/api/people/{id}/profile?reason={Uri.EscapeDataString("入户走访核实身份")}");
        Assert.Equal(200, ok);
        Assert.Equal(idNumber, profile.GetProperty("idNumber").GetString());
        var (_, audit) = await (await app.ClientFor("jgy.admin")).GetJson("/api/audit?action=unmask&limit=50");
        Assert.Contains("入户走访核实身份", audit.ToString());

        // The street reads the registry masked but may not unmask; the sibling community sees nothing at all.
        var street = await app.ClientFor("jgy.admin");
        Assert.Equal(200, (await street.GetJson($"/api/people/{id}")).Status);
        Assert.Equal(403, (await street.GetJson($"/api/people/{id}/profile?reason=check")).Status);
        var sibling = await app.ClientFor("cdl.secretary");
        Assert.Equal(404, (await sibling.GetJson($"/api/people/{id}")).Status);
        Assert.Equal(404, (await sibling.GetJson($"/api/people/{id}/profile?reason=check")).Status);
        Assert.Equal(404, (await sibling.GetJson($"/api/houses/{houseId}")).Status);
        var (_, none) = await sibling.GetJson($"/api/people?idNumber={idNumber}");
        Assert.Empty(none.EnumerateArray());
        var (move, _) = await sibling.PostJson($"/api/houses/{houseId}/residents", new { personId = id, relation = "tenant" });
        Assert.Equal(404, move);
        var (patch, _) = await sibling.PatchJson($"/api/people/{id}", new { name = "改名" });
        Assert.Equal(404, patch);
    }

    [SkippableTheory]
    [BothDatabases("王五", "51010419900101123", "registered", "idNumber")]     // 17 characters
    [BothDatabases("王五", "510104199001011235", "registered", "idNumber")]    // wrong check character
    [BothDatabases("王五", "510104209901011234", "registered", "idNumber")]    // born in 2099
    [BothDatabases("", "VALID", "registered", "name")]
    [BothDatabases("王五2", "VALID", "registered", "name")]
    [BothDatabases("王五", "VALID", "citizen", "registration")]
    [BothDatabases("王五", "", "foreign", "document")]                        // from abroad: a passport then
    public async Task Registering_with_bad_input_names_the_field_and_writes_nothing(DatabaseProvider provider, string name, string idNumber, string registration, string field)
    {
        var client = await (await apps.GetAsync(provider)).ClientFor("sjf.secretary");
        var id = idNumber == "VALID" ? TestResidents.NewIdNumber() : idNumber;
        var (status, body) = await client.PostJson("/api/people", new { name, idNumber = id, registration, areaCode = "510104017001" });
        Assert.Equal(400, status);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.ToString());
        if (idNumber == "VALID")
        {
            var (_, found) = await client.GetJson($"/api/people?idNumber={id}");
            Assert.Empty(found.EnumerateArray());
        }
    }

    [SkippableTheory, BothDatabases]
    public async Task Moving_in_with_bad_input_is_refused_clearly(DatabaseProvider provider)
    {
        var client = await (await apps.GetAsync(provider)).ClientFor("sjf.secretary");
        var houseId = await NewHouse(client);
        var (_, a) = await client.PostJson("/api/people", new { name = "甲", idNumber = TestResidents.NewIdNumber(), registration = "registered", houseId, relation = "head" });
        var (_, b) = await client.PostJson("/api/people", new { name = "乙", idNumber = TestResidents.NewIdNumber(), registration = "registered", areaCode = "510104017001" });
        var aId = a.GetProperty("id").GetInt64();
        var bId = b.GetProperty("id").GetInt64();

        Assert.Equal(409, (await client.PostJson($"/api/houses/{houseId}/residents", new { personId = aId, relation = "family_member" })).Status); // twice
        Assert.Equal(409, (await client.PostJson($"/api/houses/{houseId}/residents", new { personId = bId, relation = "head" })).Status);          // a second head
        var (future, fp) = await client.PostJson($"/api/houses/{houseId}/residents", new { personId = bId, relation = "tenant", from = "2099-01-01" });
        Assert.Equal(400, future);
        Assert.True(fp.GetProperty("errors").TryGetProperty("from", out _));
        var (badRelation, rp) = await client.PostJson($"/api/houses/{houseId}/residents", new { personId = bId, relation = "cousin" });
        Assert.Equal(400, badRelation);
        Assert.True(rp.GetProperty("errors").TryGetProperty("relation", out _));
        Assert.Equal(404, (await client.PostJson("/api/houses/987654321/residents", new { personId = bId, relation = "tenant" })).Status); // unknown house
        var (unknownPerson, up) = await client.PostJson($"/api/houses/{houseId}/residents", new { personId = 987654321, relation = "tenant" });
        Assert.Equal(400, unknownPerson);
        Assert.True(up.GetProperty("errors").TryGetProperty("personId", out _));
        var (unknownHouse, uh) = await client.PostJson("/api/people", new { name = "丙", idNumber = TestResidents.NewIdNumber(), registration = "registered", houseId = 987654321, relation = "head" });
        Assert.Equal(400, unknownHouse);
        Assert.True(uh.GetProperty("errors").TryGetProperty("houseId", out _));

        var (_, house) = await client.GetJson($"/api/houses/{houseId}");
        Assert.Equal(1, house.GetProperty("occupants").GetArrayLength()); // nothing half-written
    }

    [SkippableTheory]
    [BothDatabases("", Micro, 1, 1, 1, "name")]
    [BothDatabases("1栋", SiblingMicro, 1, 1, 1, "areaCode")]   // another community's micro-grid
    [BothDatabases("1栋", "510104017001", 1, 1, 1, "areaCode")] // a community, not a grid
    [BothDatabases("1栋", Micro, 0, 1, 1, "units")]
    [BothDatabases("1栋", Micro, 1, 500, 1, "floors")]
    [BothDatabases("1栋", Micro, 20, 100, 20, "housesPerFloor")] // 40,000 houses
    public async Task Registering_a_building_with_bad_input_names_the_field(DatabaseProvider provider, string name, string area, int units, int floors, int perFloor, string field)
    {
        var client = await (await apps.GetAsync(provider)).ClientFor("sjf.secretary");
        var (status, body) = await client.PostJson("/api/buildings", new { name, areaCode = area, units, floors, housesPerFloor = perFloor });
        Assert.Equal(400, status);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.ToString());
    }

    internal static async Task<long> NewHouse(HttpClient client)
    {
        var (status, building) = await client.PostJson("/api/buildings", new { name = "测试楼" + Guid.NewGuid().ToString("N")[..6], areaCode = Micro, units = 1, floors = 2, housesPerFloor = 1 });
        Assert.Equal(201, status);
        return building.GetProperty("houses")[0].GetProperty("id").GetInt64();
    }
}
