using GridGov.Data;
using GridGov.Web.Features.Cases;
using GridGov.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GridGov.Web.Tests.Cases.CaseTestKit;

namespace GridGov.Web.Tests.Cases;

/// <summary>The overdue sweep escalates each breach exactly once, even with several nodes sweeping together.</summary>
public sealed class DeadlineSweepTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory, BothDatabases]
    public async Task An_overdue_case_is_escalated_once_with_history_and_notifications_even_by_concurrent_sweeps(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var micro = await app.ClientFor("sjf.micro");
        var secretary = await app.ClientFor("sjf.secretary");
        var worker = await app.ClientFor("sjf.worker");
        var (lon, lat) = await PointIn(app);
        var id = (await Report(micro, lon, lat)).GetProperty("id").GetInt64();
        await Act(secretary, id, "register");
        await Act(secretary, id, "dispatch", new { assigneeUserId = await UserId(worker) });

        // Let the deadline pass (the test cannot wait days).
        await using (var db = app.Db())
        {
            var c = await db.Cases.SingleAsync(x => x.Id == id);
            c.ResolveDueAt = DateTime.UtcNow.AddHours(-1);
            c.YellowAt = DateTime.UtcNow.AddHours(-5);
            await db.SaveChangesAsync();
        }
        var sweep = app.Services.GetRequiredService<DeadlineSweep>();
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => sweep.RunAsync(CancellationToken.None))));
        Assert.True(results.Sum(r => r.Escalated) >= 1);
        Assert.Equal(0, (await sweep.RunAsync(CancellationToken.None)).Escalated);

        var (_, detail) = await secretary.GetJson($"/api/cases/{id}");
        var escalations = detail.GetProperty("history").EnumerateArray().Where(h => h.GetProperty("action").GetString() == "escalate").ToList();
        var one = Assert.Single(escalations);
        Assert.Equal("system", one.GetProperty("actor").GetString());
        Assert.Contains("超过处置时限", one.GetProperty("note").GetString());
        Assert.Equal("red", detail.GetProperty("case").GetProperty("colour").GetString());
        Assert.Equal("community", detail.GetProperty("case").GetProperty("handlerLevel").GetString());

        await using var check = app.Db();
        var notes = await check.Notifications.Where(n => n.CaseId == id).ToListAsync();
        Assert.Contains(notes, n => n.UserId == await_(UserId(worker)));
        Assert.Contains(notes, n => n.AreaCode == "510104017001");

        // An approved extension moves the deadline; a later breach is a new one.
        var (_, red) = await secretary.GetJson("/api/cases?colour=red&limit=200");
        Assert.Contains(red.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetInt64() == id);
    }

    private static long await_(Task<long> t) => t.GetAwaiter().GetResult();
}
