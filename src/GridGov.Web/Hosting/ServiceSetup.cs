using System.Text.Encodings.Web;
using System.Text.Unicode;
using GridGov.Data;
using GridGov.Domain.Geo;
using GridGov.Web.Hosting.Security;
using Microsoft.AspNetCore.Http.Features;

namespace GridGov.Web.Hosting;

public static class ServiceSetup
{
    public static Database ResolveDatabase(IConfiguration config, string contentRoot)
    {
        var options = config.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        return new Database(options.Provider, DbSetup.ResolveConnectionString(options, contentRoot));
    }

    public static void AddGridGov(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = builder.Configuration.GetSection("GridGov").Get<GridGovOptions>() ?? new GridGovOptions();
        var database = ResolveDatabase(builder.Configuration, builder.Environment.ContentRootPath);
        // First hosted service: migrations must run before Data Protection's own start-up reads its key table.
        services.AddHostedService<AppInitializer>();
        services.AddSingleton(options);
        services.AddSingleton(database);
        services.AddDbContext<GridGovDb>((sp, b) =>
        {
            DbSetup.Configure(b, database.Provider, database.ConnectionString);
            b.AddInterceptors(sp.GetRequiredService<AuditInterceptor>());
        });
        services.AddGridGovSecurity(builder.Configuration);
        services.AddScoped<DemoAccounts>();
        services.AddScoped<DemoCases>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new CalendarHolder(CalendarLoader.Load(DataPaths.Folder(options, "calendar"), sp.GetRequiredService<ILogger<Features.Cases.CaseClock>>())));
        services.AddSingleton(new GridIndexHolder(GridIndex.Empty(options.City)));
        services.AddSingleton<IndexRebuilder>();
        services.AddSingleton<AppInitializer.State>();
        services.AddScoped<EventBus>();
        // Every module registers its own services (Features/<Module>/<Module>Module.cs).
        var context = new ModuleContext(builder.Configuration, options, database);
        foreach (var module in Modules.Discover()) module.AddServices(services, context);

        services.AddProblemDetails(o => o.CustomizeProblemDetails = BadRequestProblems.NameUnsupportedBody);
        // Binding failures throw (instead of a bare 400/415) so that BadRequestProblems can name the field.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestProblems>();
        // Pages are UTF-8: Chinese goes out as text, not as &#x…; references (the default allows only Basic Latin).
        // Markup characters (<, >, &, quotes) are still escaped. The component renderer takes this from DI.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.AddRazorComponents();
        services.AddCascadingAuthenticationState();
        services.AddSignalR();
        services.AddOpenApi();
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = options.MaxBoundaryUploadMegabytes * 1024L * 1024);
        // Everything but the boundary import (which raises its own limit) is capped at 1 MB.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 1024 * 1024);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
        });
    }
}
