using GridGov.Data;
using GridGov.Domain.Indicators;
using GridGov.Web.Features.Indicators;
using GridGov.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.Web.Tests.Cases;

/// <summary>The pre-aggregated daily rows give the same indicators as computing from every case, and stay right as cases change.</summary>
public sealed class StatsRollupTests
{
    [SkippableFact]
    public async Task Rollups_equal_the_direct_computation_for_district_street_and_community_and_follow_changes()
    {
        await using var app = await GridGovApp.StartAsync(DatabaseProvider.Sqlite, demoCases: 800);
        var admin = await app.ClientFor("jinjiang.admin");
        var now = DateTimeOffset.UtcNow;
        var start = StatsDays.StartOffset(StatsDays.Day(now.AddDays(-60).UtcDateTime));

        async Task Check(string area)
        {
            var (status, body) = await admin.GetJson($"/api/indicators?area={area}&from={Uri.EscapeDataString(start.ToString("O"))}&to={Uri.EscapeDataString(now.ToString("O"))}");
            Assert.Equal(200, status);
            var viaRollup = body.GetProperty("indicators");
            await using var db = app.Db();
            var facts = await IndicatorEndpoints.Facts(db, [area], null, null, start.UtcDateTime, now.UtcDateTime, CancellationToken.None);
            var direct = CaseIndicators.Compute(facts.Select(f => f.Facts), start, now);
            Assert.True(direct.Due > 0, $"{area} should have due cases");
            foreach (var (name, value) in new (string, long)[] { ("reported", direct.Reported), ("registered", direct.Registered), ("due", direct.Due),
                         ("closed", direct.Closed), ("closedOnTime", direct.ClosedOnTime), ("suspended", direct.Suspended), ("responseDue", direct.ResponseDue),
                         ("respondedWithin24h", direct.RespondedWithin24h), ("reworked", direct.Reworked), ("rated", direct.Rated), ("satisfied", direct.Satisfied) })
                Assert.True(value == viaRollup.GetProperty(name).GetInt64(), $"{area} {name}: direct {value}, rollup {viaRollup.GetProperty(name).GetInt64()}");
            Assert.Equal(direct.MedianHoursToClose!.Value, viaRollup.GetProperty("medianHoursToClose").GetDouble(), 0.05 + 1e-9);
        }
        await Check("510104");
        await Check("510104017");
        await Check("510104017001");

        // Close an old overdue case: its due day's row must change after the rollup runs.
        await using (var db = app.Db())
        {
            var old = db.Cases.Where(c => c.Status == Domain.Cases.CaseStatus.Handling && c.ResolveDueAt < DateTime.UtcNow.AddDays(-2) && c.AreaCode.StartsWith("510104017001"))
                .OrderBy(c => c.Id).First();
            var worker = await app.ClientFor("sjf.worker");
            var secretary = await app.ClientFor("sjf.secretary");
            await CaseTestKit.Act(worker, old.Id, "feedback", new { photoIds = new[] { await CaseTestKit.UploadPhoto(worker) } });
            var (status, _) = await CaseTestKit.Act(secretary, old.Id, "verify_pass");
            Assert.Equal(200, status);
        }
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<StatsRollup>().RebuildAsync(CancellationToken.None) > 0);
        await Check("510104");
        await Check("510104017001");
    }
}
