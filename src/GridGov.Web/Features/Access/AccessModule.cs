using GridGov.Web.Hosting;

namespace GridGov.Web.Features.Access;

/// <summary>Accounts and role grants over areas (who may do what where).</summary>
public sealed class AccessModule : IModule
{
    public IReadOnlyList<Type> Surface => [typeof(AccessNames), typeof(GrantDto)];

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapAccess();
}
