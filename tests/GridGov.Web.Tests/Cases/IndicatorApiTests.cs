using GridGov.Data;
using GridGov.Web.Tests.Infrastructure;
using static GridGov.Web.Tests.Cases.CaseTestKit;

namespace GridGov.Web.Tests.Cases;

/// <summary>Indicators over HTTP follow the loop: hand-counted on a fresh city with three cases.</summary>
public sealed class IndicatorApiTests
{
    [SkippableFact]
    public async Task Indicators_count_what_happened_in_the_area_and_are_scoped()
    {
        await using var app = await GridGovApp.StartAsync(DatabaseProvider.Sqlite);
        var micro = await app.ClientFor("sjf.micro");
        var secretary = await app.ClientFor("sjf.secretary");
        var worker = await app.ClientFor("sjf.worker");
        var (lon, lat) = await PointIn(app);
        var from = DateTimeOffset.UtcNow.AddHours(-1).ToString("O");

        // A: through the loop, closed on time and rated 5.
        var a = (await Report(micro, lon, lat)).GetProperty("id").GetInt64();
        await Act(secretary, a, "register");
        await Act(secretary, a, "dispatch", new { assigneeUserId = await UserId(worker) });
        await Act(worker, a, "accept");
        await Act(worker, a, "feedback", new { photoIds = new[] { await UploadPhoto(worker) } });
        await Act(secretary, a, "verify_pass");
        await Act(micro, a, "evaluate", new { rating = 5 });
        // B: dispatched, not yet accepted, deadline in the future: not due, not yet a response case.
        var b = (await Report(micro, lon, lat, category: "0103")).GetProperty("id").GetInt64();
        await Act(secretary, b, "register");
        await Act(secretary, b, "dispatch", new { assigneeUserId = await UserId(worker) });
        // C: 自办自结.
        await Report(micro, lon, lat, selfResolve: true, photos: [await UploadPhoto(micro)]);

        var to = DateTimeOffset.UtcNow.AddMinutes(5).ToString("O");
        var (status, body) = await secretary.GetJson($"/api/indicators?area=510104017001&from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}&breakdown=children");
        Assert.Equal(200, status);
        var set = body.GetProperty("indicators");
        Assert.Equal(3, set.GetProperty("reported").GetInt32());
        Assert.Equal(2, set.GetProperty("due").GetInt32());                  // A (closed) and C (self-resolved)
        Assert.Equal(2, set.GetProperty("closed").GetInt32());
        Assert.Equal(1.0, set.GetProperty("closureRate").GetDouble());       // 2 / (2 − 0)
        Assert.Equal(1.0, set.GetProperty("onTimeClosureRate").GetDouble());
        Assert.Equal(2, set.GetProperty("responseDue").GetInt32());          // B's 24 hours are not over yet
        Assert.Equal(1.0, set.GetProperty("responseRate24h").GetDouble());
        Assert.Equal(1.0, set.GetProperty("satisfactionRate").GetDouble());  // one rating, 5
        Assert.Equal(1, set.GetProperty("byStatus").GetProperty("dispatched").GetInt32());
        Assert.Equal(2, set.GetProperty("byStatus").GetProperty("closed").GetInt32());
        Assert.True(body.GetProperty("children").TryGetProperty("51010401700101", out _));

        // Only the rating changes satisfaction; a second, unhappy rating halves it.
        var d = (await Report(micro, lon, lat)).GetProperty("id").GetInt64();
        await Act(secretary, d, "register");
        await Act(secretary, d, "dispatch", new { assigneeUserId = await UserId(worker) });
        await Act(worker, d, "accept");
        await Act(worker, d, "feedback", new { photoIds = new[] { await UploadPhoto(worker) } });
        await Act(secretary, d, "verify_fail", new { note = "不合格" });
        await Act(worker, d, "feedback", new { photoIds = new[] { await UploadPhoto(worker) } });
        await Act(secretary, d, "verify_pass");
        await Act(micro, d, "evaluate", new { rating = 2 });
        var (_, after) = await secretary.GetJson($"/api/indicators?area=510104017001&from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}");
        Assert.Equal(0.5, after.GetProperty("indicators").GetProperty("satisfactionRate").GetDouble());
        Assert.Equal(1.0 / 3, after.GetProperty("indicators").GetProperty("reworkRate").GetDouble(), 6); // D reworked; A, C, D verified

        Assert.Equal(404, (await (await app.ClientFor("cdl.secretary")).GetJson("/api/indicators?area=510104017001")).Status);
        Assert.Equal(403, (await (await app.ClientFor("resident.demo")).GetJson("/api/indicators")).Status);
        Assert.Equal(400, (await secretary.GetJson("/api/indicators?from=2026-02-01&to=2026-01-01")).Status);
    }
}
