using GridGov.Data;
using GridGov.Domain.Cases;
using GridGov.Domain.Security;
using GridGov.Web.Features.Cases;
using GridGov.Web.Hosting;
using GridGov.Web.Hosting.Security;
using GridGov.Web.Tests.Infrastructure;
using GridGov.Web.Tests.Open311;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static GridGov.Web.Tests.Cases.CaseTestKit;

namespace GridGov.Web.Tests.Cases;

/// <summary>
/// The case engine called as other modules will call it: from a background service with no HTTP request (a sensor
/// alarm filed by a device's actor and registered by a job), with idempotency keys that belong to the account.
/// </summary>
public sealed class CaseEngineTests(Apps apps) : IClassFixture<Apps>
{
    /// <summary>What a sensor module will do: file an alarm as the device, then act on it as the community's job.</summary>
    private sealed class SensorAlarmJob(IServiceProvider services, double lon, double lat) : BackgroundService
    {
        public CaseOutcome? Filed { get; private set; }
        public CaseOutcome? Registered { get; private set; }
        public bool HadHttpContext { get; private set; }

        protected override async Task ExecuteAsync(CancellationToken ct)
        {
            await using var scope = services.CreateAsyncScope();
            HadHttpContext = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext is not null;
            var engine = scope.ServiceProvider.GetRequiredService<CaseEngine>();
            var device = Actor.System("烟感探测器 SD-0042", "sensor", new Grant(0, AppRole.ApiClient, "510104", null));
            Filed = await engine.ReportAsync(device, new NewCase("0101", "烟感报警：水井坊社区某户厨房烟雾浓度超限", lon, lat, null, "水井坊社区", "sensor",
                null, null, "alarm-SD-0042-1"), ct);
            var job = Actor.System("告警分派任务", "job", new Grant(0, AppRole.CommunityStaff, "510104017001", null));
            Registered = await engine.ActAsync(job, Filed.Summary!.Id, CaseAction.Register, new CaseActionRequest(Filed.Summary.Version,
                "系统自动立案", null, null, null, null, null, null, null, null, null), ct);
        }
    }

    [SkippableTheory, BothDatabases]
    public async Task A_background_service_files_a_case_and_acts_on_it_without_an_http_request(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (lon, lat) = await PointIn(app);
        var job = new SensorAlarmJob(app.Services, lon, lat);
        await job.StartAsync(default);
        await job.ExecuteTask!;

        Assert.False(job.HadHttpContext);
        var filed = Assert.IsType<CaseOutcome.Created>(job.Filed);
        var registered = Assert.IsType<CaseOutcome.Applied>(job.Registered);
        Assert.Equal("registered", registered.Case.Status);
        Assert.Equal("5101040170010101", filed.Case.AreaCode);
        Assert.NotNull(registered.Case.ResolveDueAt); // the clock started

        await using var db = app.Db();
        var c = await db.Cases.SingleAsync(x => x.Id == filed.Case.Id);
        Assert.Equal("sensor", c.Source);
        Assert.Null(c.ReporterUserId);
        var history = await db.CaseHistory.Where(h => h.CaseId == c.Id).OrderBy(h => h.Id).ToListAsync();
        Assert.Equal(["report", "register"], history.Select(h => h.Action));
        Assert.Equal(["烟感探测器 SD-0042", "告警分派任务"], history.Select(h => h.ActorName));
        // The audit trail names who really acted, not "system" or an HTTP caller.
        var audited = await db.AuditLog.Where(a => a.EntityType == "Case" && a.EntityId == c.Id.ToString()).Select(a => a.UserName).ToListAsync();
        Assert.Contains("告警分派任务", audited);
        Assert.Contains("烟感探测器 SD-0042", audited);

        // A redelivered alarm (same key, same content) is the same case.
        await using var scope = app.Services.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<CaseEngine>();
        var device = Actor.System("烟感探测器 SD-0042", "sensor", new Grant(0, AppRole.ApiClient, "510104", null));
        var again = await engine.ReportAsync(device, new NewCase("0101", "烟感报警：水井坊社区某户厨房烟雾浓度超限", lon, lat, null, "水井坊社区", "sensor",
            null, null, "alarm-SD-0042-1"), default);
        Assert.Equal(filed.Case.Id, Assert.IsType<CaseOutcome.Replayed>(again).Case.Id);
    }

    [SkippableTheory, BothDatabases]
    public async Task Listeners_of_the_case_events_run_in_the_transaction_and_after_the_commit(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (lon, lat) = await PointIn(app);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // The dashboard hears committed changes; the indicators mark their rows inside the writing transaction.
            Assert.Contains(scope.ServiceProvider.GetServices<IEventHandler<CaseChanged>>(), h => h.GetType().Name == "CaseBroadcaster");
            Assert.Contains(scope.ServiceProvider.GetServices<IEventHandler<CaseSaving>>(), h => h.GetType().DeclaringType?.Name == "StatsRollup");
        }
        var micro = await app.ClientFor("sjf.micro");
        var secretary = await app.ClientFor("sjf.secretary");
        var id = (await Report(micro, lon, lat)).GetProperty("id").GetInt64();
        await using var db = app.Db();
        var before = await db.CaseStatsDirty.CountAsync(d => d.AreaCode == "510104017001");
        Assert.Equal(200, (await Act(secretary, id, "register")).Status);
        Assert.True(await db.CaseStatsDirty.CountAsync(d => d.AreaCode == "510104017001") > before);
    }

    [SkippableTheory, BothDatabases]
    public async Task An_idempotency_key_belongs_to_the_account_across_channels(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (lon, lat) = await PointIn(app);
        var apiKey = await Open311Kit.IssueKey(app);
        var key = "same-key-" + Guid.NewGuid().ToString("N");
        var form = Open311Kit.BulkyWaste(apiKey, lon, lat);
        var client = Open311Kit.Anonymous(app);
        client.DefaultRequestHeaders.Add("Idempotency-Key", key);
        var viaOpen311 = await client.PostForm("/open311/v2/requests.json", form);
        Assert.Equal(200, viaOpen311.Status);
        var again = await client.PostForm("/open311/v2/requests.json", form);
        Assert.Equal(viaOpen311.Json[0].GetProperty("service_request_id").GetString(), again.Json[0].GetProperty("service_request_id").GetString());

        // The same account through the JSON API with the same key: not a second case.
        var account = await app.ClientFor("open311.demo");
        var (status, problem) = await account.PostJson("/api/cases", new { categoryCode = "1001", description = "另一份请求", lon, lat, idempotencyKey = key });
        Assert.Equal(422, status);
        Assert.Contains(key, problem.GetProperty("detail").GetString());
        await using var db = app.Db();
        Assert.Equal(1, await db.Cases.CountAsync(c => c.IdempotencyKey != null && c.IdempotencyKey.EndsWith(":" + key)));
    }

    [SkippableTheory, BothDatabases]
    public async Task A_point_far_outside_the_city_is_refused_with_a_hint_and_stored_nowhere(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var micro = await app.ClientFor("sjf.micro");
        await using var db = app.Db();
        var before = await db.Cases.CountAsync();
        var (status, problem) = await micro.PostJson("/api/cases", new { categoryCode = "0101", description = "坐标写反了", lon = 120.0, lat = 20.0 });
        Assert.Equal(400, status);
        var message = problem.GetProperty("errors").GetProperty("lon")[0].GetString()!;
        Assert.Contains("km outside the city", message);
        Assert.Contains("longitude first", message);
        Assert.Equal(before, await db.Cases.CountAsync());
    }

    [SkippableTheory, BothDatabases]
    public async Task Empty_filter_boxes_mean_any_and_a_bad_value_still_names_its_field(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (lon, lat) = await PointIn(app);
        var secretary = await app.ClientFor("sjf.secretary");
        var id = (await Report(await app.ClientFor("sjf.micro"), lon, lat)).GetProperty("id").GetInt64();
        // What the list page's form sends when nothing is chosen.
        var (status, page) = await secretary.GetJson("/api/cases?status=&colour=&category=&area=&assignee=&source=&from=&to=");
        Assert.Equal(200, status);
        Assert.Contains(page.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetInt64() == id);
        var (bad, problem) = await secretary.GetJson("/api/cases?status=&area=12ab");
        Assert.Equal(400, bad);
        Assert.Equal(["area"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [SkippableTheory, BothDatabases]
    public async Task A_case_routing_could_not_place_stays_off_the_public_map(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var extent = app.Services.GetRequiredService<GridGov.Domain.Geo.GridIndexHolder>().Current.Extent!;
        // About 1 km east of the city's extent: accepted (a person can still place it), flagged, not public.
        var (lon, lat) = (extent.MaxX + 0.01, (extent.MinY + extent.MaxY) / 2);
        var micro = await app.ClientFor("sjf.micro");
        var (status, body) = await micro.PostJson("/api/cases", new { categoryCode = "0101", description = "城市边缘的暴露垃圾", lon, lat });
        Assert.Equal(201, status);
        Assert.True(body.GetProperty("case").GetProperty("locationFlagged").GetBoolean());
        var trackingNo = body.GetProperty("case").GetProperty("trackingNo").GetString();
        var bbox = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{lon - 0.05},{lat - 0.05},{lon + 0.05},{lat + 0.05}");
        var (mapStatus, map) = await Open311Kit.Anonymous(app).GetJson($"/api/public/cases?bbox={bbox}");
        Assert.Equal(200, mapStatus);
        Assert.DoesNotContain(map.GetProperty("features").EnumerateArray(), f => f.GetProperty("properties").GetProperty("trackingNo").GetString() == trackingNo);
    }
}
