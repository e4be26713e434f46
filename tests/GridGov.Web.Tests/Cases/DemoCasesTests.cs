using GridGov.Data;
using GridGov.Domain.Cases;
using GridGov.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Tests.Cases;

/// <summary>The demo city starts with cases in every state, each with a history that matches its state.</summary>
public sealed class DemoCasesTests
{
    [SkippableFact]
    public async Task Demo_cases_cover_every_state_with_consistent_histories()
    {
        await using var app = await GridGovApp.StartAsync(DatabaseProvider.Sqlite, demoCases: 600);
        await using var db = app.Db();
        var cases = await db.Cases.AsNoTracking().ToListAsync();
        Assert.Equal(600, cases.Count);
        foreach (var s in new[] { CaseStatus.Reported, CaseStatus.Registered, CaseStatus.Rejected, CaseStatus.Dispatched, CaseStatus.Handling,
                     CaseStatus.AwaitingVerification, CaseStatus.Suspended, CaseStatus.Closed })
            Assert.Contains(cases, c => c.Status == s);
        var last = await db.CaseHistory.AsNoTracking().GroupBy(h => h.CaseId)
            .Select(g => new { CaseId = g.Key, To = g.OrderByDescending(h => h.Id).First().ToStatus }).ToListAsync();
        var byId = cases.ToDictionary(c => c.Id);
        Assert.All(last, l => Assert.Equal(byId[l.CaseId].Status, l.To));
        Assert.Contains(cases, c => c.ReworkCount > 0);
        Assert.Contains(cases, c => c.Rating is not null);
        Assert.All(cases.Where(c => c.Status == CaseStatus.Closed), c => Assert.NotNull(c.ClosedAt));
        // Like a real week: descriptions fit their category, a worker's tasks lie in the worker's grid, reporters vary,
        // and much of it is recent.
        Assert.All(cases.Where(c => c.CategoryCode == "0101"), c => Assert.Contains("垃圾", c.Description));
        Assert.All(cases.Where(c => c.CategoryCode == "1302"), c => Assert.Contains("路灯", c.Description));
        var worker = await db.Users.Where(u => u.UserName == "sjf.worker").Select(u => u.Id).SingleAsync();
        var tasks = cases.Where(c => c.AssigneeUserId == worker).ToList();
        Assert.NotEmpty(tasks);
        Assert.All(tasks, c => Assert.StartsWith("51010401700101", c.AreaCode));
        Assert.True(cases.Select(c => c.ReporterName).Distinct().Count() >= 4);
        Assert.True(cases.Count(c => c.ReportedAt > DateTime.UtcNow.AddDays(-7)) > cases.Count / 3);
        Assert.All(cases.Where(c => c.Source == "sensor"), c => Assert.Null(c.Rating)); // devices do not rate
        // The secretary of 水井坊 sees demo cases in the list.
        var (_, page) = await (await app.ClientFor("sjf.secretary")).GetJson("/api/cases?limit=10");
        Assert.True(page.GetProperty("items").GetArrayLength() > 0);
    }
}
