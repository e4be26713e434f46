using GridGov.Web.Hosting;

namespace GridGov.Web.Features.Open311;

/// <summary>Open311 GeoReport v2 for third-party apps: services, requests, tokens, discovery; API keys bound to areas.</summary>
public sealed class Open311Module : IModule
{
    public IReadOnlyList<Type> Surface =>
    [
        typeof(RequestViews), typeof(RequestText), typeof(ServiceCatalog), typeof(ServiceExtras), typeof(AttributeDefinition),
        typeof(AttributeValue), typeof(AttributeAnswer), typeof(AttributeAnswers), typeof(W3cTime),
    ];

    public void AddServices(IServiceCollection services, ModuleContext context) => services.AddOpen311();

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapOpen311();
}
