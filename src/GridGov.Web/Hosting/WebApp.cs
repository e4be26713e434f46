using GridGov.Web.Hosting.Security;

namespace GridGov.Web.Hosting;

/// <summary>Builds the web application: services, middleware, then every module's endpoints.</summary>
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
        // Chinese unless the user chose English (the 「English」 link sets a cookie): a browser set to English is not a choice.
        var localization = new RequestLocalizationOptions()
            .SetDefaultCulture("zh-CN").AddSupportedCultures("zh-CN", "en").AddSupportedUICultures("zh-CN", "en");
        localization.RequestCultureProviders = [new Microsoft.AspNetCore.Localization.QueryStringRequestCultureProvider(), new Microsoft.AspNetCore.Localization.CookieRequestCultureProvider()];
        app.UseRequestLocalization(localization);
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
        app.MapRazorComponents<Ui.App>();
        // Every module maps its own endpoints (Features/<Module>/<Module>Module.cs).
        foreach (var module in Modules.Discover()) module.MapEndpoints(app);
        return app;
    }
}
