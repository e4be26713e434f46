using System.Globalization;
using GridGov.Domain.Areas;
using GridGov.Domain.Security;

namespace GridGov.Web.Hosting.Security;

/// <summary>
/// Who acts, independent of how they reached us: a signed-in person, an API client, a device or a background job.
/// Modules take an actor explicitly (the case engine, its checks and its audit entries), so a job or a sensor files
/// and acts on cases without an HTTP request. <see cref="Caller.Actor"/> builds one for the current request.
/// </summary>
/// <param name="UserId">The account acting; null for the system (a job, a device without an account).</param>
/// <param name="Name">Shown in history and audit rows.</param>
/// <param name="Grants">Roles over areas: the only source of what the actor may see and do.</param>
/// <param name="Channel">How the action arrived (web, api, open311, resident, sensor, job, …), for the audit trail.</param>
/// <param name="Ip">The client address, when there is one.</param>
public sealed record Actor(long? UserId, string Name, IReadOnlyList<Grant> Grants, string Channel, string? Ip = null)
{
    public static readonly Actor Anonymous = new(null, "anonymous", [], "web");

    /// <summary>A job or device acting in its own name with the given grants (e.g. a sensor's area as a reporter).</summary>
    public static Actor System(string name, string channel, params Grant[] grants) => new(null, name, grants, channel);

    public bool IsAuthenticated => UserId is not null || Grants.Count > 0;

    /// <summary>Whose idempotency keys these are: the account, across every channel (a system actor by its name).</summary>
    public string KeyOwner => UserId is { } id ? id.ToString(CultureInfo.InvariantCulture) : "system:" + Name;

    public bool Has(Permission permission) => Grants.Any(g => RolePolicy.Allows(g.Role, permission));

    /// <summary>The areas where the actor holds <paramref name="permission"/>, without areas nested in others.</summary>
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

    /// <summary>True when <paramref name="code"/> lies inside an area where the actor holds the permission.</summary>
    public bool Covers(Permission permission, string code) => Areas(permission).Any(r => AreaCode.IsWithin(code, r));

    /// <summary>True when the code is inside the actor's areas or on the path down to them (for navigation).</summary>
    public bool CanNavigate(Permission permission, string code) =>
        Areas(permission).Any(r => AreaCode.IsWithin(code, r) || AreaCode.IsWithin(r, code));

    /// <summary>The parts of <paramref name="area"/> the actor may see: the area itself, or their areas inside it.</summary>
    public IReadOnlyList<string> Within(Permission permission, string area) =>
        Areas(permission).SelectMany(r =>
            AreaCode.IsWithin(area, r) ? [area] : AreaCode.IsWithin(r, area) ? new[] { r } : []).Distinct().ToList();
}

/// <summary>
/// The actor of the current unit of work when it is not the HTTP caller (a job, a device, a channel acting for an API
/// key): set by the module that acts, read by the audit interceptor so the entry names who really acted.
/// </summary>
public sealed class ActingAs
{
    public Actor? Current { get; set; }
}
