using GridGov.Web.Features.Access;
using GridGov.Web.Features.Audit;
using GridGov.Web.Features.Auth;
using GridGov.Web.Features.Boundaries;
using GridGov.Web.Features.Cases;
using GridGov.Web.Features.Categories;
using GridGov.Web.Features.Photos;
using GridGov.Web.Features.Grids;
using GridGov.Web.Features.Health;
using GridGov.Web.Features.Indicators;
using GridGov.Web.Features.Locate;
using GridGov.Web.Features.Regions;
using GridGov.Web.Features.Staffing;
using GridGov.Web.Hosting.Security;

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
        app.UseMiddleware<SecurityHeaders>();
        if (!app.Environment.IsDevelopment()) app.UseHsts(); // only sent on HTTPS responses
        app.UseAuthentication();
        app.UseMiddleware<SessionGuard>();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseRequestLocalization(new RequestLocalizationOptions()
            .SetDefaultCulture("zh-CN").AddSupportedCultures("zh-CN", "en").AddSupportedUICultures("zh-CN", "en"));
        app.UseAntiforgery();
        app.UseStaticFiles();
        app.MapOpenApi("/openapi/{documentName}.json");
        // Only under /api-docs: otherwise the UI's middleware matches every request's path against its routes.
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/api-docs"), docs => docs.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/openapi/v1.json", "GridGov API v1");
            o.RoutePrefix = "api-docs";
            o.DocumentTitle = "GridGov API";
        }));
        app.MapHealth();
        app.MapRegions();
        app.MapGrids();
        app.MapLocate();
        app.MapStaffing();
        app.MapBoundaries();
        app.MapAuth();
        app.MapAccess();
        app.MapAudit();
        app.MapUiSession();
        Features.Calendar.CalendarEndpoints.MapCalendar(app);
        app.MapHub<Features.Dashboard.CaseHub>(Features.Dashboard.CaseHub.Path);
        app.MapRazorComponents<Ui.App>();
        app.MapCases();
        app.MapPhotos();
        app.MapCategories();
        app.MapIndicators();
        Features.Open311.Open311Endpoints.MapOpen311(app);
        Features.Residents.ResidentEndpoints.MapResidents(app);
        Features.Residents.PublicEndpoints.MapPublicCases(app);
        return app;
    }
}
