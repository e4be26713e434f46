using GridGov.Domain.Security;

namespace GridGov.Web.Features.Access;

/// <summary>Wire names of roles (snake_case) and their Chinese labels.</summary>
public static class AccessNames
{
    public static string Wire(AppRole role) => string.Concat(role.ToString().Select((c, i) =>
        i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    public static AppRole? Parse(string? wire) => Enum.GetValues<AppRole>().Cast<AppRole?>().FirstOrDefault(r => Wire(r!.Value) == wire);

    public static string Chinese(AppRole role) => role switch
    {
        AppRole.CityAdmin => "市级管理员",
        AppRole.DistrictAdmin => "区级管理员",
        AppRole.StreetAdmin => "街道管理员",
        AppRole.CommandOperator => "指挥中心值班员",
        AppRole.CommunitySecretary => "社区书记",
        AppRole.CommunityStaff => "社区工作者",
        AppRole.GridHead => "网格长",
        AppRole.GridWorker => "专职网格员",
        AppRole.MicroGridWorker => "微网格员",
        AppRole.DepartmentHandler => "职能部门经办人",
        AppRole.Resident => "居民",
        AppRole.ApiClient => "接口客户端",
        _ => role.ToString(),
    };
}
