using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace GridGov.Web.Features.Health;

public static class HealthEndpoints
{
    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteJson });

    private static Task WriteJson(HttpContext http, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                data = e.Value.Data,
                error = e.Value.Exception?.Message,
            }),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
