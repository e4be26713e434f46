using GridGov.Data.Entities;
using GridGov.Domain.Areas;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Data.Seeding;

/// <summary>Synthetic staff: a full-time worker and a grid head per general grid, a micro-grid worker per micro-grid.</summary>
public static class DemoStaff
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"];
    private static readonly string[] Given = ["建华", "秀英", "志强", "丽", "敏", "静", "伟", "芳", "军", "霞", "明", "婷", "磊", "燕", "勇", "娟", "杰", "琳", "涛", "欣怡"];

    public static string NameFor(int i) => Surnames[i % Surnames.Length] + Given[(i / Surnames.Length + i) % Given.Length];

    public static async Task<(int StaffMembers, int Assignments)> SeedAsync(GridGovDb db, DateTime now, CancellationToken ct)
    {
        var grids = await db.Areas.AsNoTracking()
            .Where(a => a.Kind == AreaKind.GeneralGrid || a.Kind == AreaKind.MicroGrid)
            .OrderBy(a => a.Code).Select(a => new { a.Code, a.Kind }).ToListAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var members = 0;
        var assignments = 0;
        foreach (var chunk in grids.Chunk(2000))
        {
            var batch = new List<(StaffMember Member, string Grid, GridRole Role)>();
            foreach (var g in chunk)
            {
                var roles = g.Kind == AreaKind.GeneralGrid
                    ? new[] { GridRole.FullTimeWorker, GridRole.GridHead }
                    : new[] { GridRole.MicroGridWorker };
                foreach (var role in roles)
                {
                    var m = new StaffMember
                    {
                        Name = NameFor(members++),
                        DistrictCode = g.Code[..AreaCode.DistrictLength],
                        AreaCode = g.Code,
                        PhoneMasked = $"1{3 + members % 7}{members % 10}****{members % 10000:D4}",
                        CreatedAt = now,
                    };
                    batch.Add((m, g.Code, role));
                }
            }
            db.StaffMembers.AddRange(batch.Select(b => b.Member));
            await db.SaveChangesAsync(ct);
            db.GridAssignments.AddRange(batch.Select(b => new GridAssignment
            {
                GridCode = b.Grid,
                DistrictCode = b.Grid[..AreaCode.DistrictLength],
                StaffMemberId = b.Member.Id,
                Role = b.Role,
                StartedAt = now,
                Note = "演示数据(合成)",
            }));
            await db.SaveChangesAsync(ct);
            assignments += batch.Count;
            db.ChangeTracker.Clear();
        }
        return (members, assignments);
    }
}
