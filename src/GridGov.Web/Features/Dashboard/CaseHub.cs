using GridGov.Domain.Areas;
using GridGov.Domain.Cases;
using GridGov.Domain.Security;
using GridGov.Web.Features.Cases;
using GridGov.Web.Hosting;
using GridGov.Web.Hosting.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace GridGov.Web.Features.Dashboard;

/// <summary>
/// Live case events for dashboards. A client joins the group of an area it may read; new and changed cases are
/// pushed to the groups of every enclosing area (city, district, street, community), so each screen gets only its own.
/// </summary>
[Authorize]
public sealed class CaseHub : Hub
{
    public const string Path = "/hubs/cases";

    public static string Group(string area) => "area:" + area;

    public async Task<bool> Watch(string area)
    {
        var grants = Context.GetHttpContext()?.Items[Caller.GrantsItem] as IReadOnlyList<Grant> ?? [];
        var allowed = AreaCode.IsWellFormed(area) && grants.Any(g => RolePolicy.Allows(g.Role, Permission.CasesRead) && AreaCode.IsWithin(area, g.Area));
        if (allowed) await Groups.AddToGroupAsync(Context.ConnectionId, Group(area));
        return allowed;
    }
}

/// <summary>
/// Sends each committed case change to the live groups of every area that contains the case: the case and the action
/// that changed it (<c>report</c>, <c>dispatch</c>, …), so a screen tells a new case from a changed one.
/// </summary>
public sealed class CaseBroadcaster(IHubContext<CaseHub> hub) : IEventHandler<CaseChanged>
{
    public Task HandleAsync(CaseChanged e, CancellationToken ct) => Send(e.Case, e.Action.Wire(), e.Case.AreaCode, ct);

    private Task Send(object summary, string action, string areaCode, CancellationToken ct)
    {
        var groups = new[] { AreaCode.CityLength, AreaCode.DistrictLength, AreaCode.StreetLength, AreaCode.CommunityLength, AreaCode.GridLength, AreaCode.MicroGridLength }
            .Select(l => AreaCode.Truncate(areaCode, l)).Where(a => a is not null).Select(a => CaseHub.Group(a!)).ToList();
        return hub.Clients.Groups(groups).SendAsync("case", summary, action, ct);
    }
}
