using GridGov.Data;
using GridGov.Domain.People;
using GridGov.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static GridGov.Web.Tests.People.VerificationRounds;

namespace GridGov.Web.Tests.People;

/// <summary>
/// 核验率 and overdue houses with drill-down from the district to the micro-grid: the tallies the progress reads stay
/// equal to a direct count of the items, and a house not verified by the due day counts as overdue at every level.
/// </summary>
public sealed class VerificationProgressTests(Apps apps) : IClassFixture<Apps>
{
    private const string Micro4 = "5101040170010104";

    [SkippableTheory, BothDatabases]
    public async Task Progress_drills_down_from_the_district_to_the_micro_grid_and_counts_overdue_houses(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var secretary = await app.ClientFor("sjf.secretary");
        var houses = await NewHouses(secretary, Micro4, 4);
        var round = await Open(secretary, Micro4, "进度测试");
        var roundId = round.GetProperty("id").GetInt64();
        var total = round.GetProperty("houses").GetInt32();

        // Two houses verified (as a worker's confirmation would), one waiting for review.
        await using (var db = app.Db())
        {
            var items = await db.VerificationItems.Where(i => i.RoundId == roundId).OrderBy(i => i.Id).ToListAsync();
            foreach (var (item, state) in items.Take(3).Zip(new[] { VerificationState.Verified, VerificationState.Verified, VerificationState.Submitted }))
            {
                item.State = state;
                await db.SaveChangesAsync();
                await Web.Features.Verification.VerificationTallies.MoveAsync(db, roundId, item.AreaCode, VerificationState.Pending, state, default);
            }
            // The tallies are a cache of the items: the same counts as counting the items.
            var tallies = await db.VerificationTallies.Where(t => t.RoundId == roundId).GroupBy(t => t.State)
                .Select(g => new { g.Key, N = g.Sum(t => t.Houses) }).ToDictionaryAsync(x => x.Key, x => x.N);
            var direct = await db.VerificationItems.Where(i => i.RoundId == roundId).GroupBy(i => i.State)
                .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N);
            foreach (var state in Enum.GetValues<VerificationState>())
                Assert.Equal(direct.GetValueOrDefault(state), tallies.GetValueOrDefault(state));
        }

        var district = await app.ClientFor("jinjiang.admin");
        var path = new[] { "510104", "510104017", Community, Grid, Micro4 };
        for (var level = 0; level < path.Length; level++)
        {
            var (status, p) = await district.GetJson($"/api/verification/rounds/{roundId}/progress?area={path[level]}");
            Assert.Equal(200, status);
            Assert.Equal(total, p.GetProperty("area").GetProperty("houses").GetInt64());
            Assert.Equal(2, p.GetProperty("area").GetProperty("verified").GetInt64());
            Assert.Equal(Math.Round(200.0 / total, 1), p.GetProperty("area").GetProperty("rate").GetDouble());
            if (level + 1 < path.Length) // the next level down is one of the children, holding every house of the round
                Assert.Equal(total, p.GetProperty("children").EnumerateArray().Single(c => c.GetProperty("code").GetString() == path[level + 1]).GetProperty("houses").GetInt64());
        }
        var (_, open) = await district.GetJson("/api/verification/progress?area=510104");
        Assert.True(open.GetProperty("area").GetProperty("houses").GetInt64() >= total);

        // Past the due day every house not verified is overdue, at every level, and listed.
        Assert.Equal(0, (await district.GetJson($"/api/verification/rounds/{roundId}/progress")).Body.GetProperty("area").GetProperty("overdue").GetInt64());
        await using (var db = app.Db())
        {
            var r = await db.VerificationRounds.SingleAsync(x => x.Id == roundId);
            r.DueOn = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-1);
            await db.SaveChangesAsync();
        }
        var (_, late) = await district.GetJson($"/api/verification/rounds/{roundId}/progress?area=510104017");
        Assert.Equal(total - 2, late.GetProperty("area").GetProperty("overdue").GetInt64());
        Assert.True(late.GetProperty("overdue").GetBoolean());
        var (_, list) = await district.GetJson($"/api/verification/rounds/{roundId}/overdue?area={Grid}");
        Assert.Equal(total - 2, list.GetArrayLength());
        Assert.Contains(list.EnumerateArray(), h => houses.Contains(h.GetProperty("houseId").GetInt64()));
        Assert.Equal(404, (await (await app.ClientFor("cdl.secretary")).GetJson($"/api/verification/rounds/{roundId}/overdue")).Status);
        Assert.Equal(404, (await district.GetJson($"/api/verification/rounds/{roundId}/progress?area=510104018")).Status); // not the round's
    }
}
