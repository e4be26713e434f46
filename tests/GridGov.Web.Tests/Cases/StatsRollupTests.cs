using GridGov.Data;
using GridGov.Domain.Indicators;
using GridGov.Web.Features.Indicators;
using GridGov.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
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
            // An overdue task of the demo worker (whose tasks lie in the worker's own grid), due before today.
            var today = StatsDays.StartOffset(StatsDays.Day(DateTime.UtcNow)).UtcDateTime;
            var old = db.Cases.Where(c => c.Status == Domain.Cases.CaseStatus.Handling && c.ResolveDueAt < today && c.AreaCode.StartsWith("51010401700101"))
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

    /// <summary>
    /// Today's completed hours come from hourly rows: results equal the direct computation, a change to a case with an
    /// instant today is followed after the next pass, and an hour that completes picks up a deadline that wrote nothing.
    /// The clock is fixed at 14:30 China time of today so the test means the same at any hour it runs.
    /// </summary>
    [SkippableTheory]
    [BothDatabases]
    public async Task Hourly_rollups_of_today_equal_the_direct_computation_and_follow_changes(DatabaseProvider provider)
    {
        await using var app = await GridGovApp.StartAsync(provider, demoCases: 800);
        var todayStart = StatsDays.StartOffset(StatsDays.Day(DateTime.UtcNow));
        var now = todayStart.AddHours(14.5);
        const string community = "510104017001";
        await using (var db = app.Db())
        {
            // The community under test holds only this test's cases: the demo week's cases move next door, so that "a quiet
            // community" below means what it says whatever the demo data and the hour the test runs.
            await db.Cases.Where(c => c.AreaCode.StartsWith(community)).ExecuteUpdateAsync(u => u.SetProperty(c => c.AreaCode, "5101040170020101"));
            for (var k = 0; k < 40; k++)
            {
                var reported = todayStart.UtcDateTime.AddMinutes(7 + k * 19);
                var registered = k % 4 == 0 ? (DateTime?)null : reported.AddMinutes(20);
                var closed = k % 3 == 0 && registered is not null ? registered.Value.AddHours(2) : (DateTime?)null;
                db.Cases.Add(new GridGov.Data.Entities.Case
                {
                    TrackingNo = $"T{Guid.NewGuid():N}"[..20], CategoryCode = "0101", Description = "hourly", Source = k % 2 == 0 ? "patrol" : "hotline",
                    Status = closed is not null ? Domain.Cases.CaseStatus.Closed : registered is not null ? Domain.Cases.CaseStatus.Handling : Domain.Cases.CaseStatus.Reported,
                    Lon = 104.08, Lat = 30.65, AreaCode = community + "0101", DistrictCode = "510104", ReportedAt = reported, RegisteredAt = registered,
                    RespondedAt = registered?.AddMinutes(30), ResolveDueAt = registered?.AddHours(k % 5 + 1), YellowAt = registered?.AddHours(1),
                    ClosedAt = closed, FeedbackAt = closed?.AddMinutes(-10), Rating = closed is not null ? 4 : null, Version = 1,
                });
            }
            await db.SaveChangesAsync();
        }
        var clock = new FixedTime(now);
        async Task Rebuild(bool everything)
        {
            await using var db = app.Db();
            await new StatsRollup(db, clock).RebuildAllAsync(CancellationToken.None);
            await new StatsHourlyRollup(db, clock).RebuildAsync(everything, CancellationToken.None);
        }
        async Task JobPass() // as StatsRollupJob does every half minute
        {
            await using var db = app.Db();
            await new StatsRollup(db, clock).RebuildAsync(CancellationToken.None);
            await new StatsHourlyRollup(db, clock).RebuildAsync(everything: false, CancellationToken.None);
        }
        async Task Check(string area, DateTimeOffset at, int days = 20)
        {
            await using var db = app.Db();
            var start = todayStart.AddDays(-days);
            var viaRollup = await IndicatorEndpoints.Compute(db, [area], null, null, start, at, at, CancellationToken.None);
            var facts = await IndicatorEndpoints.Facts(db, [area], null, null, start.UtcDateTime, at.UtcDateTime, CancellationToken.None);
            var direct = CaseIndicators.Compute(facts.Select(f => f.Facts), start, at);
            Assert.True(direct.Reported >= 40, $"{area}: {direct.Reported} reported");
            AssertSame($"{area} at {at:O}: {(direct.Reported, direct.Registered, direct.Due, direct.Closed, direct.ClosedOnTime, direct.ResponseDue, direct.RespondedWithin24h, direct.Rated)}",
                $"{area} at {at:O}: {(viaRollup.Reported, viaRollup.Registered, viaRollup.Due, viaRollup.Closed, viaRollup.ClosedOnTime, viaRollup.ResponseDue, viaRollup.RespondedWithin24h, viaRollup.Rated)}");
            Assert.Equal(direct.BySource.OrderBy(x => x.Key), viaRollup.BySource.OrderBy(x => x.Key));
            Assert.Equal(direct.ByStatus.OrderBy(x => x.Key), viaRollup.ByStatus.OrderBy(x => x.Key));
        }

        static void AssertSame(string direct, string viaRollup) => Assert.True(direct == viaRollup, $"direct {direct}, via rollups {viaRollup}");

        await Rebuild(everything: true);
        await using (var db = app.Db())
        {
            Assert.Equal(now, await StatsHourlyRollup.ThroughAsync(db, CancellationToken.None)); // 14:30 is a 10-minute mark
            Assert.True(await db.CaseStatsHourly.CountAsync(r => r.AreaCode == community) >= 10);
            Assert.True(await db.CaseStatsHourly.AnyAsync(r => r.AreaCode == "510104"));
        }
        // Past days only: the rebuild from scratch dropped the rows of days whose cases moved to the next community.
        await Check("510104", todayStart);
        foreach (var area in new[] { "510104", "510104017", community }) await Check(area, now);
        await Check("510104", now, days: 0); // a period starting today: hourly rows, then live

        // A change written the way the app writes (marks the community dirty for today): followed after the next pass.
        await using (var db = app.Db())
        {
            var c = await db.Cases.FirstAsync(x => x.Description == "hourly" && x.Status == Domain.Cases.CaseStatus.Handling);
            var daysBefore = StatsDays.Of(c).ToList();
            (c.Status, c.ClosedAt, c.FeedbackAt, c.Rating) = (Domain.Cases.CaseStatus.Closed, c.RegisteredAt!.Value.AddHours(1), c.RegisteredAt.Value.AddMinutes(50), 5);
            StatsRollup.MarkDirty(db, c, daysBefore);
            await db.SaveChangesAsync();
        }
        await Rebuild(everything: false);
        foreach (var area in new[] { "510104", community }) await Check(area, now);

        // Two hours later: the hours completed meanwhile are built, deadlines in them included, with no write at all.
        clock = new FixedTime(now.AddHours(2));
        await Rebuild(everything: false);
        await Check("510104", now.AddHours(2));
        await Check(community, now.AddHours(2).AddMinutes(-7)); // a period ending inside an hour: live from the hour's start

        // Ten-minute steps inside the hour: the current hour's row grows to each mark; a row of an area where nothing
        // happened since it was built is read as reaching the mark; a case reported meanwhile is counted once.
        DateTimeOffset? reportedAt = null;
        for (var step = 1; step <= 3; step++)
        {
            var at = now.AddHours(2).AddMinutes(10 * step);
            clock = new FixedTime(at.AddMinutes(4));
            if (step == 2)
            {
                await using var db = app.Db();
                reportedAt = at.AddMinutes(-3);
                db.Cases.Add(new GridGov.Data.Entities.Case
                {
                    TrackingNo = $"T{Guid.NewGuid():N}"[..20], CategoryCode = "0101", Description = "hourly", Source = "hotline",
                    Status = Domain.Cases.CaseStatus.Reported, Lon = 104.08, Lat = 30.65, AreaCode = "5101040170020101", DistrictCode = "510104",
                    ReportedAt = reportedAt.Value.UtcDateTime, Version = 1,
                });
                await db.SaveChangesAsync(); // written behind the app's back: no dirty mark, found by its instant
            }
            if (step == 3)
            {
                // A report committed after the pass that read its slice (16:48, written after the 16:50 pass), with no
                // dirty mark, as intake writes it: the next pass looks one slice further back and counts it.
                await using var db = app.Db();
                db.Cases.Add(new GridGov.Data.Entities.Case
                {
                    TrackingNo = $"T{Guid.NewGuid():N}"[..20], CategoryCode = "0101", Description = "hourly", Source = "patrol",
                    Status = Domain.Cases.CaseStatus.Reported, Lon = 104.08, Lat = 30.65, AreaCode = "5101040170030101", DistrictCode = "510104",
                    ReportedAt = at.AddMinutes(-12).UtcDateTime, Version = 1,
                });
                await db.SaveChangesAsync();
            }
            await JobPass();
            await using (var db = app.Db()) Assert.Equal(at, await StatsHourlyRollup.ThroughAsync(db, CancellationToken.None));
            foreach (var area in new[] { "510104", "510104017", community }) await Check(area, at.AddMinutes(4));
            if (step != 2) continue;
            await using (var db = app.Db())
            {
                // The quiet community's row still ends where the 16:40 pass left it (its last instant is in 16:20–16:30, which
                // that pass looked back to); its street's row reaches this mark.
                var hour = StatsDays.Hour(now.AddHours(2).UtcDateTime);
                var quiet = AccumulatorCodec.Read((await db.CaseStatsHourly.SingleAsync(r => r.AreaCode == community && r.Hour == hour)).Payload);
                var street = AccumulatorCodec.Read((await db.CaseStatsHourly.SingleAsync(r => r.AreaCode == "510104017" && r.Hour == hour)).Payload);
                Assert.Equal((now.AddHours(2).AddMinutes(10), at), (quiet.PeriodEnd, street.PeriodEnd));
            }
        }

        // A pass whose clock is behind the rows' through instant leaves them alone (another node is further on).
        clock = new FixedTime(now.AddHours(2).AddMinutes(15));
        await JobPass();
        await using (var db = app.Db()) Assert.Equal(now.AddHours(2).AddMinutes(30), await StatsHourlyRollup.ThroughAsync(db, CancellationToken.None));
        await Check("510104", now.AddHours(2).AddMinutes(34));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
