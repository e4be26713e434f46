using GridGov.Web.Hosting;

namespace GridGov.Web.Features.Audit;

/// <summary>The append-only audit log, read by administrators within their area.</summary>
public sealed class AuditModule : IModule
{
    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapAudit();
}
