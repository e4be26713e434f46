using System.Diagnostics;
using GridGov.Data;
using GridGov.Web.Hosting;
using GridGov.Web.Hosting.Security;
using GridGov.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.Web.Tests.Auth;

/// <summary>
/// Nodes cache a user's security stamp and grants for GridGov:SessionCacheSeconds. A change written by another node
/// (here: straight to the database, past this node's EF interceptor) must take effect within that delay.
/// </summary>
public sealed class RevocationDelayTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory, BothDatabases]
    public async Task A_stamp_changed_on_another_node_revokes_tokens_here_within_the_delay(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var worker = await app.ClientFor("sjf.worker");
        Assert.Equal(200, (await worker.GetJson("/api/auth/me")).Status); // now cached on this node

        await using (var db = app.Db())
            await db.Users.Where(u => u.UserName == "sjf.worker").ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, Guid.NewGuid().ToString("N")));

        var elapsed = await SecondsUntil(async () => (await worker.GetJson("/api/auth/me")).Status == 401);
        Assert.True(elapsed <= Delay(app) + 1, $"revoked after {elapsed:0.0} s");
    }

    [SkippableTheory, BothDatabases]
    public async Task A_grant_revoked_on_another_node_stops_working_here_within_the_delay(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var secretary = await app.ClientFor("sjf.secretary");
        Assert.NotEqual(0, (await secretary.GetJson("/api/auth/me")).Body.GetProperty("grants").GetArrayLength());

        await using (var db = app.Db())
        {
            var id = await db.Users.Where(u => u.UserName == "sjf.secretary").Select(u => u.Id).SingleAsync();
            await db.RoleGrants.Where(g => g.UserId == id).ExecuteUpdateAsync(s => s.SetProperty(g => g.RevokedAt, DateTime.UtcNow));
        }

        var elapsed = await SecondsUntil(async () => (await secretary.GetJson("/api/auth/me")).Body.GetProperty("grants").GetArrayLength() == 0);
        Assert.True(elapsed <= Delay(app) + 1, $"grants gone after {elapsed:0.0} s");
    }

    [SkippableTheory, BothDatabases]
    public async Task Clearing_the_cache_applies_a_change_from_another_node_at_once(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var head = await app.ClientFor("sjf.head");
        Assert.Equal(200, (await head.GetJson("/api/auth/me")).Status);
        await using (var db = app.Db())
            await db.Users.Where(u => u.UserName == "sjf.head").ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, Guid.NewGuid().ToString("N")));
        app.Services.GetRequiredService<SessionCache>().Clear();
        Assert.Equal(401, (await head.GetJson("/api/auth/me")).Status);
    }

    private static double Delay(GridGovApp app) => app.Services.GetRequiredService<GridGovOptions>().SessionCacheSeconds;

    private static async Task<double> SecondsUntil(Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(30)) throw new TimeoutException("the change never took effect");
            await Task.Delay(200);
        }
        return clock.Elapsed.TotalSeconds;
    }
}
