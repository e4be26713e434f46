using GridGov.Web.Hosting;

namespace GridGov.Web.Features.Staffing;

/// <summary>People assigned to grids in a role; ending an assignment keeps its history.</summary>
public sealed class StaffingModule : IModule
{
    public IReadOnlyList<Type> Surface => [typeof(StaffingEndpoints), typeof(NewAssignment), typeof(EndAssignment), typeof(AssignmentDto), typeof(GridRoles)];

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapStaffing();
}
