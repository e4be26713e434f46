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
/// clocks and indicators mean something on first run. Mostly in 锦江区 where the demo accounts work; half of them in the
/// last week; descriptions that fit their category; reporters that fit their source; tasks in the worker's own grid.
/// </summary>
public sealed class DemoCases(GridGovDb db, CaseClock clock, GridGovOptions options, ILogger<DemoCases> log)
{
    // What people actually write for the commonest categories; the rest get a sentence built from the category's name.
    private static readonly Dictionary<string, string[]> Descriptions = new()
    {
        ["0101"] = ["路边有暴露垃圾，影响通行", "垃圾桶满溢，周边散落生活垃圾", "绿化带里有人倾倒生活垃圾"],
        ["0104"] = ["小区外人行道上堆放建材，占用通道", "楼下空地乱堆杂物"],
        ["0201"] = ["单元门和电线杆上贴满违法小广告", "墙面被喷涂办证电话"],
        ["0301"] = ["夜间十点后工地仍在施工，噪音扰民", "凌晨有渣土车作业，声音很大"],
        ["0501"] = ["商铺在人行道上摆摊经营，行人只能走机动车道", "早市摊贩占道，车辆无法通行"],
        ["0504"] = ["消防车道上长期停放私家车", "小区门口机动车乱停，堵住出入口"],
        ["0505"] = ["共享单车堆在地铁口，挡住盲道", "小区门口非机动车乱停放"],
        ["0601"] = ["楼上漏水到楼下，两户协商不成发生争吵", "邻居装修噪音引发纠纷"],
        ["0602"] = ["业主与物业因停车费发生争执", "物业长期不维修电梯，业主意见很大"],
        ["0801"] = ["楼道堆放杂物，堵塞消防通道", "消防通道被三轮车和纸箱占用"],
        ["0804"] = ["有居民把电动自行车推进楼道充电", "一楼住户从窗户拉线给电动车充电"],
        ["0901"] = ["独居老人多日未见出门，敲门无人应答", "独居老人家中报警器响了无人处理"],
        ["1001"] = ["旧沙发和床垫需要清运，放在楼下", "装修后有旧衣柜两个待清运"],
        ["1301"] = ["井盖松动，车辆经过有响声", "人行道上井盖缺失，已用锥桶临时围挡"],
        ["1302"] = ["巷子里路灯不亮，晚上很黑", "连续三盏路灯夜间不亮"],
        ["1303"] = ["人行道砖块破损翘起，老人容易绊倒", "路面坑洼积水"],
        ["1304"] = ["雨水篦子被落叶堵塞，下雨积水", "下水道堵塞污水外溢"],
    };

    private static string DescriptionFor(Category category, Random rng) =>
        Descriptions.TryGetValue(category.Code, out var texts) ? texts[rng.Next(texts.Length)] : $"发现{category.Name}问题，请尽快核实处理";

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
        var names = await db.Areas.AsNoTracking().Where(a => a.Code.StartsWith("510104017") && a.Code.Length <= AreaCode.CommunityLength)
            .ToDictionaryAsync(a => a.Code, a => a.Name, ct);
        // The commonest categories come up most, as in a real week (garbage, parking, clutter, lights …).
        var common = categories.Where(c => Descriptions.ContainsKey(c.Code)).ToList();
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
            var category = common.Count > 0 && rng.NextDouble() < 0.7 ? common[rng.Next(common.Count)] : categories[rng.Next(categories.Count)];
            // Half of the cases in the last week (a backlog that looks like this week's), the rest over 90 days;
            // reported in the daytime, China time.
            var daysAgo = rng.NextDouble() < 0.5 ? rng.NextDouble() * 7 : 7 + rng.NextDouble() * 83;
            var reportedAt = now.AddDays(-daysAgo);
            var chinaHour = (reportedAt.Hour + 8) % 24;
            if (chinaHour is < 8 or > 20) reportedAt = reportedAt.AddHours(12);
            if (reportedAt > now) reportedAt = now.AddMinutes(-rng.Next(10, 600));
            var source = CaseMapping.Sources[rng.Next(CaseMapping.Sources.Length)];
            // Who reported it fits the source: the worker of the place, a resident, the hotline, a device.
            var inMyMicro = place.Code == "5101040170010101";
            var (reporter, reporterName) = source switch
            {
                "patrol" or "app" => inMyMicro || rng.NextDouble() < 0.5 ? ("sjf.micro", "水井坊第1微网格员") : ("sjf.worker", "水井坊第1网格专职网格员"),
                "resident" or "open311" => ("resident.demo", "居民王女士"),
                "hotline" => ((string?)null, "12345热线"),
                "sensor" => (null, "智能烟感设备"),
                "camera" => (null, "AI 摄像头"),
                _ => (null, "企业联络员"),
            };
            var community = place.Code.Length >= AreaCode.CommunityLength ? names.GetValueOrDefault(place.Code[..AreaCode.CommunityLength]) : null;
            var c = new Case
            {
                TrackingNo = $"{reportedAt:yyyyMMdd}-D{i:D5}",
                CategoryCode = category.Code,
                Description = DescriptionFor(category, rng) + "（演示数据）",
                Source = source,
                Status = CaseStatus.Reported,
                Lon = point.X + (rng.NextDouble() - 0.5) * 1e-5,
                Lat = point.Y + (rng.NextDouble() - 0.5) * 1e-5,
                AddressText = community is null ? "演示地址" : $"{community.Replace("居委会", "")}{rng.Next(1, 30)}号附近",
                AreaCode = place.Code,
                DistrictCode = place.Code[..AreaCode.DistrictLength],
                ReporterUserId = reporter is null ? null : U(reporter),
                ReporterName = reporterName,
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
            history.Add(new CaseHistory { DistrictCode = c.DistrictCode, At = reportedAt, ActorName = reporter ?? reporterName, ActorUserId = reporter is null ? null : U(reporter), Action = "report", FromStatus = CaseStatus.Reported, ToStatus = CaseStatus.Reported });

            var fate = rng.NextDouble();
            var t = reportedAt.AddMinutes(rng.Next(5, 180));
            if (fate < 0.06 || t > now) { cases.Add((c, history)); continue; }                       // 待受理
            if (fate < 0.10) { Step("reject", CaseStatus.Rejected, t, "sjf.secretary", "[duplicate] 与已有案件重复"); cases.Add((c, history)); continue; }
            Step("register", CaseStatus.Registered, t, "sjf.secretary");
            c.RegisteredAt = t;
            clock.Start(c, category, t);
            if (fate < 0.14) { cases.Add((c, history)); continue; }                                   // 已立案
            t = t.AddMinutes(rng.Next(5, 120));
            // A worker's tasks lie in the worker's own grid; elsewhere the case goes to its grid's level.
            var handler = place.Code.StartsWith("51010401700101", StringComparison.Ordinal) ? "sjf.worker" : null;
            c.AssigneeUserId = handler is null ? null : U(handler);
            c.HandlerLevel = HandlerLevel.Grid;
            Step("dispatch", CaseStatus.Dispatched, t, "sjf.secretary", handler is null ? "派遣至 网格" : "派遣至 水井坊第1网格专职网格员");
            var worker = handler ?? "sjf.worker";
            if (fate < 0.19 || t > now) { cases.Add((c, history)); continue; }                       // 已派遣
            // Most respond well within 24 hours; some do not.
            t = t.AddMinutes(rng.NextDouble() < 0.92 ? rng.Next(10, 600) : rng.Next(1500, 4000));
            if (t > now) { cases.Add((c, history)); continue; }
            c.RespondedAt = t;
            Step("accept", CaseStatus.Handling, t, worker);
            if (fate < 0.27) { cases.Add((c, history)); continue; }                                   // 处置中
            if (fate < 0.29)
            {
                Step("request_suspension", CaseStatus.Handling, t.AddMinutes(30), worker, "申请缓办: 等待产权单位答复");
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
            Step("feedback", CaseStatus.AwaitingVerification, t, worker, "已处置完毕，现场已恢复");
            if (fate < 0.34) { cases.Add((c, history)); continue; }                                   // 待核查
            if (rng.NextDouble() < 0.1)
            {
                t = t.AddMinutes(rng.Next(30, 300));
                c.ReworkCount++;
                Step("verify_fail", CaseStatus.Handling, t, "sjf.secretary", "现场仍有问题，请返工");
                t = t.AddMinutes(rng.Next(60, 600));
                Step("feedback", CaseStatus.AwaitingVerification, t, worker, "已返工");
            }
            t = t.AddMinutes(rng.Next(20, 400));
            if (t > now) { cases.Add((c, history)); continue; }
            c.ClosedAt = t;
            Step("verify_pass", CaseStatus.Closed, t, "sjf.secretary");
            if (reporter is not null && rng.NextDouble() < 0.7) // a person rates; a device or the hotline does not
            {
                c.Rating = rng.NextDouble() < 0.9 ? rng.Next(4, 6) : rng.Next(1, 4);
                Step("evaluate", CaseStatus.Closed, t.AddHours(rng.Next(1, 48)) < now ? t.AddHours(1) : t, reporter, $"评价 {c.Rating} 星");
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
