using GridGov.Web.Hosting;

namespace GridGov.Web.Features.Photos;

/// <summary>Photo upload (decoded, re-encoded, stripped of metadata) and access checked against the case.</summary>
public sealed class PhotosModule : IModule
{
    public void AddServices(IServiceCollection services, ModuleContext context) => services.AddSingleton<PhotoStore>();

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapPhotos();
}
