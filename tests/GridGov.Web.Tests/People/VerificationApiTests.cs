using System.Text.Json;
using GridGov.Data;
using GridGov.Web.Tests.Infrastructure;
using static GridGov.Web.Tests.People.VerificationRounds;

namespace GridGov.Web.Tests.People;

/// <summary>
/// Verification rounds through the API: a round gives every house of its area to the area's worker, who confirms
/// (verified at once, filed once per key) or corrects (a change request: nothing changes until the community
/// approves, and a rejection sends the house back); bad input and other areas get clear answers.
/// </summary>
public sealed class VerificationApiTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory, BothDatabases]
    public async Task A_worker_confirms_a_house_of_their_micro_grid_once_however_often_the_phone_sends_it(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var secretary = await app.ClientFor("sjf.secretary");
        var houses = await NewHouses(secretary, Micro);
        var round = await Open(secretary, Micro);
        Assert.True(round.GetProperty("houses").GetInt32() >= houses.Count);

        var worker = await app.ClientFor("sjf.micro");
        var item = await MineFor(worker, houses[0]);
        Assert.NotNull(item);
        Assert.Equal("pending", item.Value.GetProperty("state").GetString());
        Assert.Equal("待核验", item.Value.GetProperty("stateLabel").GetString());
        var itemId = item.Value.GetProperty("itemId").GetInt64();

        var key = Guid.NewGuid().ToString();
        var (filed, report) = await worker.PostJson($"/api/verification/items/{itemId}/reports", new { idempotencyKey = key, kind = "confirm" });
        Assert.Equal(201, filed);
        Assert.Equal("verified", report.GetProperty("state").GetString());
        // The outbox sends again after a lost answer: the same report, not a second one.
        var (again, replay) = await worker.PostJson($"/api/verification/items/{itemId}/reports", new { idempotencyKey = key, kind = "confirm" });
        Assert.Equal(200, again);
        Assert.Equal(report.GetProperty("report").GetProperty("id").GetInt64(), replay.GetProperty("report").GetProperty("id").GetInt64());
        // A second tap with a new key finds the house verified.
        Assert.Equal(409, (await worker.PostJson($"/api/verification/items/{itemId}/reports", new { idempotencyKey = Guid.NewGuid().ToString(), kind = "confirm" })).Status);
        // The key belongs to that report: used for another house it is refused.
        var other = (await MineFor(worker, houses[1]))!.Value.GetProperty("itemId").GetInt64();
        Assert.Equal(422, (await worker.PostJson($"/api/verification/items/{other}/reports", new { idempotencyKey = key, kind = "confirm" })).Status);

        var (_, house) = await secretary.GetJson($"/api/houses/{houses[0]}");
        Assert.NotEqual(JsonValueKind.Null, house.GetProperty("verifiedAt").ValueKind);
        var (_, progress) = await secretary.GetJson($"/api/verification/rounds/{round.GetProperty("id").GetInt64()}/progress");
        Assert.Equal(round.GetProperty("houses").GetInt32(), progress.GetProperty("area").GetProperty("houses").GetInt64());
        Assert.Equal(1, progress.GetProperty("area").GetProperty("verified").GetInt64());
    }

    [SkippableTheory, BothDatabases]
    public async Task A_correction_changes_nothing_until_the_community_approves_it_and_then_goes_through_the_registry(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var secretary = await app.ClientFor("sjf.secretary");
        var houseId = (await NewHouses(secretary, Micro, 1))[0];
        var (_, head) = await secretary.PostJson("/api/people", new { name = "王秀英", idNumber = TestResidents.NewIdNumber(1950, male: false), registration = "registered", houseId, relation = "head" });
        var (_, tenant) = await secretary.PostJson("/api/people", new { name = "李四", idNumber = TestResidents.NewIdNumber(1990), registration = "floating", houseId, relation = "tenant" });
        var (_, before) = await secretary.GetJson($"/api/houses/{houseId}");
        var tenantLink = before.GetProperty("occupants").EnumerateArray().First(o => o.GetProperty("relation").GetString() == "tenant").GetProperty("id").GetInt64();
        await Open(secretary, Micro);

        var worker = await app.ClientFor("sjf.micro");
        var itemId = (await MineFor(worker, houseId))!.Value.GetProperty("itemId").GetInt64();
        var (_, page) = await worker.GetJson($"/api/verification/items/{itemId}");
        Assert.Equal(2, page.GetProperty("occupants").GetArrayLength());
        Assert.Contains("王*英", page.GetProperty("house").GetProperty("occupants").ToString()); // masked in the list kept on the phone

        var newcomer = TestResidents.NewIdNumber(1995, male: false);
        var phone = TestResidents.NewPhone();
        var (filed, report) = await worker.PostJson($"/api/verification/items/{itemId}/reports", new
        {
            idempotencyKey = Guid.NewGuid().ToString(), kind = "correct", use = "rented", movedOut = new[] { tenantLink },
            movedIn = new[] { new { name = "赵敏", idNumber = newcomer, relation = "tenant" } },
            phones = new[] { new { personId = head.GetProperty("id").GetInt64(), phone } }, note = "租户已换人",
        });
        Assert.Equal(201, filed);
        Assert.Equal("submitted", report.GetProperty("state").GetString());
        var summary = report.GetProperty("report").GetProperty("summary").GetString()!;
        Assert.Contains("用途：自住→出租", summary);
        Assert.DoesNotContain(newcomer, summary);
        Assert.DoesNotContain(phone, summary);

        // Nothing applied yet.
        var (_, waiting) = await secretary.GetJson($"/api/houses/{houseId}");
        Assert.Equal("owner_occupied", waiting.GetProperty("use").GetString());
        Assert.Equal(2, waiting.GetProperty("occupants").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, waiting.GetProperty("verifiedAt").ValueKind);
        Assert.Equal(409, (await worker.PostJson($"/api/verification/items/{itemId}/reports", new { idempotencyKey = Guid.NewGuid().ToString(), kind = "confirm" })).Status);

        // The sibling community neither sees nor decides it.
        var sibling = await app.ClientFor("cdl.secretary");
        var requestId = report.GetProperty("report").GetProperty("id").GetInt64();
        var (_, siblingList) = await sibling.GetJson("/api/verification/requests");
        Assert.DoesNotContain(siblingList.EnumerateArray(), r => r.GetProperty("id").GetInt64() == requestId);
        Assert.Equal(404, (await sibling.PostJson($"/api/verification/requests/{requestId}/approve", new { })).Status);
        Assert.Equal(403, (await worker.PostJson($"/api/verification/requests/{requestId}/approve", new { })).Status); // a worker cannot approve their own

        var (_, queue) = await secretary.GetJson("/api/verification/requests");
        Assert.Contains(queue.EnumerateArray(), r => r.GetProperty("id").GetInt64() == requestId);
        var (approved, decision) = await secretary.PostJson($"/api/verification/requests/{requestId}/approve", new { note = "已电话核实" });
        Assert.True(approved == 200, decision.ToString());
        Assert.Equal("approved", decision.GetProperty("decision").GetString());
        Assert.Equal(409, (await secretary.PostJson($"/api/verification/requests/{requestId}/approve", new { })).Status);

        var (_, after) = await secretary.GetJson($"/api/houses/{houseId}");
        Assert.Equal("rented", after.GetProperty("use").GetString());
        Assert.NotEqual(JsonValueKind.Null, after.GetProperty("verifiedAt").ValueKind);
        var names = after.GetProperty("occupants").EnumerateArray().Select(o => o.GetProperty("personName").GetString()).ToList();
        Assert.Contains("赵敏", names);
        Assert.DoesNotContain("李四", names);
        Assert.Contains(after.GetProperty("history").EnumerateArray(), h => h.GetProperty("id").GetInt64() == tenantLink);
        var (_, headAfter) = await secretary.GetJson($"/api/people/{head.GetProperty("id").GetInt64()}");
        Assert.Equal(phone[..3] + "****" + phone[^4..], headAfter.GetProperty("phone").GetString());
        Assert.Equal("verified", (await MineFor(worker, houseId))!.Value.GetProperty("state").GetString());
        var (_, audit) = await (await app.ClientFor("jgy.admin")).GetJson("/api/audit?limit=200");
        Assert.Contains("VerificationReport", audit.ToString());
        _ = tenant;
    }

    [SkippableTheory, BothDatabases]
    public async Task A_rejected_correction_goes_back_to_the_worker_with_the_note(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var secretary = await app.ClientFor("sjf.secretary");
        var houseId = (await NewHouses(secretary, Micro, 1))[0];
        await Open(secretary, Micro);
        var worker = await app.ClientFor("sjf.micro");
        var itemId = (await MineFor(worker, houseId))!.Value.GetProperty("itemId").GetInt64();

        var (nothing, none) = await worker.PostJson($"/api/verification/items/{itemId}/reports", new { idempotencyKey = Guid.NewGuid().ToString(), kind = "correct", use = "owner_occupied" });
        Assert.Equal(400, nothing); // nothing differs: confirm instead
        Assert.True(none.GetProperty("errors").TryGetProperty("use", out _));
        var (bad, problems) = await worker.PostJson($"/api/verification/items/{itemId}/reports", new
        {
            idempotencyKey = Guid.NewGuid().ToString(), kind = "correct",
            movedIn = new[] { new { name = "钱七", idNumber = "510104199001011235", relation = "cousin" } },
        });
        Assert.Equal(400, bad);
        Assert.True(problems.GetProperty("errors").TryGetProperty("movedIn[0].idNumber", out _));
        Assert.True(problems.GetProperty("errors").TryGetProperty("movedIn[0].relation", out _));

        var (_, report) = await worker.PostJson($"/api/verification/items/{itemId}/reports", new { idempotencyKey = Guid.NewGuid().ToString(), kind = "correct", use = "vacant" });
        var requestId = report.GetProperty("report").GetProperty("id").GetInt64();
        Assert.Equal(400, (await secretary.PostJson($"/api/verification/requests/{requestId}/reject", new { })).Status); // a note is required
        var (rejected, _) = await secretary.PostJson($"/api/verification/requests/{requestId}/reject", new { note = "邻居说仍有人住，请再上门看看" });
        Assert.Equal(200, rejected);

        var back = (await MineFor(worker, houseId))!.Value;
        Assert.Equal("returned", back.GetProperty("state").GetString());
        Assert.Equal("邻居说仍有人住，请再上门看看", back.GetProperty("returnNote").GetString());
        var (_, house) = await secretary.GetJson($"/api/houses/{houseId}");
        Assert.Equal("owner_occupied", house.GetProperty("use").GetString());
        Assert.Equal(201, (await worker.PostJson($"/api/verification/items/{itemId}/reports", new { idempotencyKey = Guid.NewGuid().ToString(), kind = "confirm" })).Status);
    }

    [SkippableTheory, BothDatabases]
    public async Task Only_the_houses_own_worker_sees_it_and_other_areas_get_404(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var secretary = await app.ClientFor("sjf.secretary");
        var mine = (await NewHouses(secretary, Micro, 1))[0];
        var notMine = (await NewHouses(secretary, OtherMicro, 1))[0];
        var round = await Open(secretary, Grid);
        var roundId = round.GetProperty("id").GetInt64();

        var worker = await app.ClientFor("sjf.micro");
        Assert.NotNull(await MineFor(worker, mine));
        Assert.Null(await MineFor(worker, notMine)); // the second micro-grid has its own worker
        var gridWorker = await app.ClientFor("sjf.worker");
        Assert.Null(await MineFor(gridWorker, mine)); // a micro-grid with a worker is not the grid worker's

        await using var db = app.Db();
        var otherItem = db.VerificationItems.Single(i => i.RoundId == roundId && i.HouseId == notMine);
        Assert.Equal(OtherMicro, otherItem.WorkerArea);
        Assert.NotNull(otherItem.AssigneeStaffId);
        Assert.Equal(404, (await worker.GetJson($"/api/verification/items/{otherItem.Id}")).Status);
        Assert.Equal(404, (await worker.PostJson($"/api/verification/items/{otherItem.Id}/reports", new { idempotencyKey = Guid.NewGuid().ToString(), kind = "confirm" })).Status);

        var sibling = await app.ClientFor("cdl.secretary");
        Assert.Equal(404, (await sibling.GetJson($"/api/verification/rounds/{roundId}")).Status);
        Assert.Equal(404, (await sibling.GetJson($"/api/verification/rounds/{roundId}/progress")).Status);
        Assert.Equal(404, (await sibling.PostJson($"/api/verification/rounds/{roundId}/close", new { })).Status);
        var (_, siblingRounds) = await sibling.GetJson("/api/verification/rounds");
        Assert.DoesNotContain(siblingRounds.EnumerateArray(), r => r.GetProperty("id").GetInt64() == roundId);
        // The street sees the community's round (read-only) and may close it.
        Assert.Equal(200, (await (await app.ClientFor("jgy.admin")).GetJson($"/api/verification/rounds/{roundId}")).Status);
    }

    [SkippableTheory, BothDatabases]
    public async Task Bad_rounds_are_refused_with_the_reason(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var secretary = await app.ClientFor("sjf.secretary");
        const string area = "5101040170010103";
        await NewHouses(secretary, area, 1);

        async Task<(int Status, JsonElement Body)> Post(object body) => await secretary.PostJson("/api/verification/rounds", body);
        var (early, e1) = await Post(new { name = "第一轮", area, startsOn = InDays(5), dueOn = InDays(2) });
        Assert.Equal(400, early);
        Assert.True(e1.GetProperty("errors").TryGetProperty("dueOn", out _));
        var (outside, e2) = await Post(new { name = "第一轮", area = "510104017002", startsOn = Today, dueOn = InDays(7) });
        Assert.Equal(400, outside);
        Assert.True(e2.GetProperty("errors").TryGetProperty("area", out _));
        var (noName, e3) = await Post(new { name = " ", area, startsOn = Today, dueOn = InDays(7) });
        Assert.Equal(400, noName);
        Assert.True(e3.GetProperty("errors").TryGetProperty("name", out _));
        Assert.Equal(403, (await (await app.ClientFor("sjf.micro")).PostJson("/api/verification/rounds", new { name = "x", area, startsOn = Today, dueOn = InDays(7) })).Status);

        var round = await Open(secretary, area);
        // The community holds the micro-grid: the same houses, the same days.
        var (overlap, e4) = await Post(new { name = "全社区核验", area = Community, startsOn = InDays(3), dueOn = InDays(20) });
        Assert.Equal(409, overlap);
        Assert.Contains(round.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), e4.GetProperty("detail").GetString());
        // After the first round's days, or once it is closed, the houses are free again.
        Assert.Equal(201, (await Post(new { name = "下一轮", area, startsOn = InDays(8), dueOn = InDays(15) })).Status);
    }
}
