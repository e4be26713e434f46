using System.Security.Claims;
using GridGov.Domain.Areas;
using GridGov.Domain.Security;

namespace GridGov.Web.Hosting.Security;

public sealed record Grant(long Id, AppRole Role, string Area, string? Department);

/// <summary>
/// Who is calling and where they may act: the one place where area scoping is decided. Grants are loaded once per
/// request by <see cref="SessionGuard"/>; every handler asks this object rather than reading claims itself.
/// </summary>
public sealed class Caller(IHttpContextAccessor accessor)
{
    public const string GrantsItem = "gridgov.grants";

    private HttpContext Http => accessor.HttpContext ?? throw new InvalidOperationException("no request");

    public bool IsAuthenticated => Http.User.Identity?.IsAuthenticated == true;

    public long? UserId => long.TryParse(Http.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string Name => Http.User.Identity?.Name ?? "anonymous";

    public IReadOnlyList<Grant> Grants => Http.Items[GrantsItem] as IReadOnlyList<Grant> ?? [];

    public bool Has(Permission permission) => Grants.Any(g => RolePolicy.Allows(g.Role, permission));

    /// <summary>The areas where the caller holds <paramref name="permission"/>, without areas nested in others.</summary>
    public IReadOnlyList<string> Areas(Permission permission)
    {
        var areas = Grants.Where(g => RolePolicy.Allows(g.Role, permission)).Select(g => g.Area)
            .Distinct().OrderBy(a => a.Length).ThenBy(a => a, StringComparer.Ordinal).ToList();
        var roots = new List<string>();
        foreach (var a in areas)
            if (!roots.Any(r => AreaCode.IsWithin(a, r))) roots.Add(a);
        roots.Sort(StringComparer.Ordinal);
        return roots;
    }

    /// <summary>True when <paramref name="code"/> lies inside an area where the caller holds the permission.</summary>
    public bool Covers(Permission permission, string code) => Areas(permission).Any(r => AreaCode.IsWithin(code, r));

    /// <summary>True when the code is inside the caller's areas or on the path down to them (for navigation).</summary>
    public bool CanNavigate(Permission permission, string code) =>
        Areas(permission).Any(r => AreaCode.IsWithin(code, r) || AreaCode.IsWithin(r, code));

    /// <summary>The parts of <paramref name="area"/> the caller may see: the area itself, or their areas inside it.</summary>
    public IReadOnlyList<string> Within(Permission permission, string area) =>
        Areas(permission).SelectMany(r =>
            AreaCode.IsWithin(area, r) ? [area] : AreaCode.IsWithin(r, area) ? new[] { r } : []).Distinct().ToList();

    public string? Ip => Http.Connection.RemoteIpAddress?.ToString();
}
