using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Domain.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Hosting;

/// <summary>One demo account per role, in 锦江区 / 锦官驿街道 / 水井坊社区 of the demo city, plus a sibling community's secretary.</summary>
public sealed class DemoAccounts(UserManager<AppUser> users, GridGovDb db, GridGovOptions options, ILogger<DemoAccounts> log)
{
    public sealed record Account(string UserName, string DisplayName, AppRole Role, string Area, string? Department = null);

    public static readonly IReadOnlyList<Account> All =
    [
        new("city.admin", "市级管理员", AppRole.CityAdmin, "5101"),
        new("jinjiang.admin", "锦江区管理员", AppRole.DistrictAdmin, "510104"),
        new("jinjiang.ops", "锦江区指挥中心值班员", AppRole.CommandOperator, "510104"),
        new("jinjiang.housing", "锦江区住建局经办人", AppRole.DepartmentHandler, "510104", "510104-ZJ"),
        new("jgy.admin", "锦官驿街道管理员", AppRole.StreetAdmin, "510104017"),
        new("sjf.secretary", "水井坊社区书记", AppRole.CommunitySecretary, "510104017001"),
        new("sjf.staff", "水井坊社区工作者", AppRole.CommunityStaff, "510104017001"),
        new("sjf.head", "水井坊第1网格网格长", AppRole.GridHead, "51010401700101"),
        new("sjf.worker", "水井坊第1网格专职网格员", AppRole.GridWorker, "51010401700101"),
        new("sjf.micro", "水井坊第1网格第1微网格员", AppRole.MicroGridWorker, "5101040170010101"),
        new("cdl.secretary", "崇德里社区书记", AppRole.CommunitySecretary, "510104017002"),
        new("resident.demo", "居民(演示)", AppRole.Resident, "5101"),
        new("open311.demo", "第三方应用(演示)", AppRole.ApiClient, "510104"),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Users.AnyAsync(ct)) return;
        var known = await db.Areas.AsNoTracking().Where(a => All.Select(x => x.Area).Contains(a.Code)).Select(a => a.Code).ToListAsync(ct);
        foreach (var a in All.Where(a => known.Contains(a.Area)))
        {
            var user = new AppUser
            {
                UserName = a.UserName, DisplayName = a.DisplayName, CreatedAt = DateTime.UtcNow,
                MustChangePassword = options.DemoAccountsMustChangePassword,
            };
            var result = await users.CreateAsync(user, options.DemoPassword);
            if (!result.Succeeded)
                throw new InvalidOperationException($"demo account {a.UserName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            db.RoleGrants.Add(new RoleGrant { UserId = user.Id, Role = a.Role, AreaCode = a.Area, Department = a.Department, GrantedAt = DateTime.UtcNow });
        }
        await db.SaveChangesAsync(ct);
        log.LogInformation("Created {Count} demo accounts", known.Count);
    }
}
