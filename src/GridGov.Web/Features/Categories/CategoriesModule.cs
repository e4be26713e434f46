using GridGov.Web.Hosting;

namespace GridGov.Web.Features.Categories;

/// <summary>The category tree with its time limits and handlers; cached for every reader.</summary>
public sealed class CategoriesModule : IModule
{
    public IReadOnlyList<Type> Surface => [typeof(CategoryCache)];

    public void AddServices(IServiceCollection services, ModuleContext context) => services.AddSingleton<CategoryCache>();

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapCategories();
}
