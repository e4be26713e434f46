using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Data.Seeding;
using GridGov.Domain.Areas;
using GridGov.Domain.Cases;
using GridGov.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Hosting;

/// <summary>
/// A few thousand synthetic cases over the last 90 days, in every state, with consistent histories, so lists,
/// clocks and indicators mean something on first run. Mostly in 锦江区 where the demo accounts work.
/// </summary>
public sealed class DemoCases(GridGovDb db, CaseClock clock, GridGovOptions options, ILogger<DemoCases> log)
{
    private static readonly string[] Descriptions =
    [
        "路边有暴露垃圾，影响通行", "小区门口共享单车乱停放", "楼道堆放杂物堵塞消防通道", "路灯不亮", "井盖松动有安全隐患",
        "商铺占道经营", "施工噪音扰民", "邻里因漏水发生纠纷", "独居老人多日未见出门", "电动车在楼道充电",
        "绿化带内有建筑垃圾", "墙面有违法小广告", "大件家具需要清运", "下水道堵塞污水外溢", "人行道砖块破损",
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        var count = options.DemoCases;
        if (count <= 0 || await db.Cases.AnyAsync(ct)) return;
        var rng = new Random(20261125);
        var categories = await db.Categories.AsNoTracking().Where(c => c.Code.Length == 4 && c.Active).ToListAsync(ct);
        var micros = await db.Areas.AsNoTracking().Where(a => a.Kind == AreaKind.MicroGrid && a.Boundary != null)
            .OrderBy(a => a.Code).Select(a => new { a.Code, a.Boundary }).ToListAsync(ct);
        if (categories.Count == 0 || micros.Count == 0) return;
        // Three in four cases in 锦江区 (the demo accounts' district), the rest anywhere.
        var home = micros.Where(m => m.Code.StartsWith("510104017", StringComparison.Ordinal)).ToList();
        var places = micros.Count > 600 ? micros.Where((_, i) => i % (micros.Count / 600) == 0).ToList() : micros;
        var users = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.UserName!, u => u.Id, ct);
        long? U(string name) => users.TryGetValue(name, out var id) ? id : null;

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var now = clock.Now;
        var cases = new List<(Case Case, List<CaseHistory> History)>();
        for (var i = 0; i < count; i++)
        {
            var place = home.Count > 0 && rng.NextDouble() < 0.75 ? home[rng.Next(home.Count)] : places[rng.Next(places.Count)];
            var point = AreaRows.Shape(place.Boundary)!.InteriorPoint;
            var category = categories[rng.Next(categories.Count)];
            var reportedAt = now.AddMinutes(-rng.Next(10, 90 * 24 * 60));
            var c = new Case
            {
                TrackingNo = $"{reportedAt:yyyyMMdd}-D{i:D5}",
                CategoryCode = category.Code,
                Description = Descriptions[rng.Next(Descriptions.Length)] + "(演示数据)",
                Source = CaseMapping.Sources[rng.Next(CaseMapping.Sources.Length)],
                Status = CaseStatus.Reported,
                Lon = point.X + (rng.NextDouble() - 0.5) * 1e-5,
                Lat = point.Y + (rng.NextDouble() - 0.5) * 1e-5,
                AddressText = "演示地址",
                AreaCode = place.Code,
                DistrictCode = place.Code[..AreaCode.DistrictLength],
                ReporterUserId = U("sjf.micro"),
                ReporterName = "演示上报人",
                HandlerLevel = category.Handler,
                ReportedAt = reportedAt,
                Version = 1,
            };
            var history = new List<CaseHistory>();
            void Step(string action, CaseStatus to, DateTime at, string actor, string? note = null)
            {
                history.Add(new CaseHistory
                {
                    DistrictCode = c.DistrictCode, At = at, ActorName = actor, ActorUserId = U(actor), Action = action,
                    FromStatus = c.Status, ToStatus = to, Note = note,
                });
                c.Status = to;
                c.Version++;
            }
            history.Add(new CaseHistory { DistrictCode = c.DistrictCode, At = reportedAt, ActorName = "sjf.micro", ActorUserId = U("sjf.micro"), Action = "report", FromStatus = CaseStatus.Reported, ToStatus = CaseStatus.Reported });

            var fate = rng.NextDouble();
            var t = reportedAt.AddMinutes(rng.Next(5, 180));
            if (fate < 0.06 || t > now) { cases.Add((c, history)); continue; }                       // 待受理
            if (fate < 0.10) { Step("reject", CaseStatus.Rejected, t, "sjf.secretary", "[duplicate] 与已有案件重复"); cases.Add((c, history)); continue; }
            Step("register", CaseStatus.Registered, t, "sjf.secretary");
            c.RegisteredAt = t;
            clock.Start(c, category, t);
            if (fate < 0.14) { cases.Add((c, history)); continue; }                                   // 已立案
            t = t.AddMinutes(rng.Next(5, 120));
            c.AssigneeUserId = U("sjf.worker");
            c.HandlerLevel = HandlerLevel.Grid;
            Step("dispatch", CaseStatus.Dispatched, t, "sjf.secretary");
            if (fate < 0.19 || t > now) { cases.Add((c, history)); continue; }                       // 已派遣
            // Most respond well within 24 hours; some do not.
            t = t.AddMinutes(rng.NextDouble() < 0.92 ? rng.Next(10, 600) : rng.Next(1500, 4000));
            if (t > now) { cases.Add((c, history)); continue; }
            c.RespondedAt = t;
            Step("accept", CaseStatus.Handling, t, "sjf.worker");
            if (fate < 0.27) { cases.Add((c, history)); continue; }                                   // 处置中
            if (fate < 0.29)
            {
                Step("request_suspension", CaseStatus.Handling, t.AddMinutes(30), "sjf.worker", "申请缓办: 等待产权单位答复");
                c.SuspendedAt = t.AddMinutes(90);
                c.StatusBeforeSuspension = CaseStatus.Handling;
                Step("approve_suspension", CaseStatus.Suspended, c.SuspendedAt.Value, "sjf.secretary");
                cases.Add((c, history)); continue;                                                   // 缓办
            }
            var due = c.ResolveDueAt!.Value;
            var span = Math.Max(1, (due - c.RegisteredAt!.Value).TotalMinutes);
            t = t.AddMinutes(span * (rng.NextDouble() < 0.88 ? rng.NextDouble() * 0.45 : 0.9 + rng.NextDouble() * 0.8));
            if (t > now) { cases.Add((c, history)); continue; }
            c.FeedbackAt = t;
            Step("feedback", CaseStatus.AwaitingVerification, t, "sjf.worker", "已处置完毕");
            if (fate < 0.34) { cases.Add((c, history)); continue; }                                   // 待核查
            if (rng.NextDouble() < 0.1)
            {
                t = t.AddMinutes(rng.Next(30, 300));
                c.ReworkCount++;
                Step("verify_fail", CaseStatus.Handling, t, "sjf.secretary", "现场仍有问题，请返工");
                t = t.AddMinutes(rng.Next(60, 600));
                Step("feedback", CaseStatus.AwaitingVerification, t, "sjf.worker", "已返工");
            }
            t = t.AddMinutes(rng.Next(20, 400));
            if (t > now) { cases.Add((c, history)); continue; }
            c.ClosedAt = t;
            Step("verify_pass", CaseStatus.Closed, t, "sjf.secretary");
            if (rng.NextDouble() < 0.7)
            {
                c.Rating = rng.NextDouble() < 0.9 ? rng.Next(4, 6) : rng.Next(1, 4);
                Step("evaluate", CaseStatus.Closed, t.AddHours(rng.Next(1, 48)) < now ? t.AddHours(1) : t, "sjf.micro", $"评价 {c.Rating} 星");
            }
            cases.Add((c, history));
        }
        foreach (var chunk in cases.Chunk(500))
        {
            db.Cases.AddRange(chunk.Select(x => x.Case));
            await db.SaveChangesAsync(ct);
            foreach (var (c, h) in chunk) foreach (var row in h) row.CaseId = c.Id;
            db.CaseHistory.AddRange(chunk.SelectMany(x => x.History));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        log.LogInformation("Seeded {Count} demo cases", cases.Count);
        await new Features.Indicators.StatsRollup(db, TimeProvider.System).RebuildAllAsync(ct);
    }
}
