using GridGov.Web.Features.Boundaries;
using GridGov.Web.Features.Grids;
using GridGov.Web.Features.Health;
using GridGov.Web.Features.Locate;
using GridGov.Web.Features.Regions;
using GridGov.Web.Features.Staffing;

namespace GridGov.Web.Hosting;

/// <summary>Builds the web application: services, middleware, every feature's endpoints.</summary>
public static class WebApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddGridGov();
        var app = builder.Build();

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/openapi/v1.json", "GridGov API v1");
            o.RoutePrefix = "api-docs";
            o.DocumentTitle = "GridGov API";
        });
        app.MapGet("/", () => Results.Redirect("/api-docs")).ExcludeFromDescription();
        app.MapHealth();
        app.MapRegions();
        app.MapGrids();
        app.MapLocate();
        app.MapStaffing();
        app.MapBoundaries();
        return app;
    }
}
