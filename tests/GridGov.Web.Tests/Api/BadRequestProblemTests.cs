using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GridGov.Data;
using GridGov.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.Web.Tests.Api;

/// <summary>
/// A request the framework cannot bind (bad JSON, a wrong type, a bad id or cursor, a wrong content type) answers with
/// a ProblemDetails that names the field and what is wrong; an unexpected failure is still a 500 ProblemDetails
/// without internals.
/// </summary>
public sealed class BadRequestProblemTests(Apps apps) : IClassFixture<Apps>
{
    private static async Task<(int Status, string? ContentType, JsonElement Body)> Send(HttpClient client, HttpMethod method, string url,
        string? body = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue(contentType));
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(text.Length > 0, $"{method} {url}: {(int)response.StatusCode} without a body");
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>The problem's message for the field, from errors[field] (and the detail names it too).</summary>
    private static string Problem(JsonElement body, string field)
    {
        var messages = body.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var m) ? m : default;
        Assert.True(messages.ValueKind == JsonValueKind.Array, $"no errors.{field} in {body}");
        Assert.Contains(field, body.GetProperty("detail").GetString());
        return string.Join(" ", messages.EnumerateArray().Select(m => m.GetString()));
    }

    private static async Task<string> Post(HttpClient client, string json, string field, int status = 400, string contentType = "application/json")
    {
        var (code, type, body) = await Send(client, HttpMethod.Post, "/api/cases", json, contentType);
        Assert.Equal(status, code);
        Assert.Equal("application/problem+json", type);
        Assert.Equal(status, body.GetProperty("status").GetInt32());
        return Problem(body, field);
    }

    [SkippableFact]
    public async Task A_case_body_that_cannot_be_read_names_the_field_and_the_problem()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var micro = await app.ClientFor("sjf.micro");

        Assert.Contains("JSON", await Post(micro, """{"categoryCode":"0101","lon":104.08,""", "body"));
        Assert.Contains("number", await Post(micro, """{"categoryCode":"0101","lon":"abc","lat":30.65}""", "lon"));
        Assert.Contains("JSON", await Post(micro, """{"categoryCode":"0101","lon":NaN,"lat":30.65}""", "lon"));
        Assert.Contains("true or false", await Post(micro, """{"categoryCode":"0101","lon":104.08,"lat":30.65,"selfResolve":"yes"}""", "selfResolve"));
        Assert.Contains("UUID", await Post(micro, """{"categoryCode":"0101","lon":104.08,"lat":30.65,"photoIds":["not-a-guid"]}""", "photoIds[0]"));
        Assert.Contains("application/json", await Post(micro, "categoryCode=0101", "body", 415, "text/plain"));
        Assert.Contains("required", await Post(micro, "", "body"));
    }

    [SkippableFact]
    public async Task A_bad_cursor_limit_or_id_in_the_query_or_route_names_the_parameter()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var secretary = await app.ClientFor("sjf.secretary");

        var (status, type, body) = await Send(secretary, HttpMethod.Get, "/api/cases?cursor=abc");
        Assert.Equal((400, "application/problem+json"), (status, type));
        Assert.Contains("whole number", Problem(body, "cursor"));

        (status, _, body) = await Send(secretary, HttpMethod.Get, "/api/cases?limit=1e9x");
        Assert.Equal(400, status);
        Assert.Contains("whole number", Problem(body, "limit"));

        (status, type, body) = await Send(secretary, HttpMethod.Get, "/api/photos/not-a-guid");
        Assert.Equal((400, "application/problem+json"), (status, type));
        Assert.Contains("UUID", Problem(body, "id"));

        (status, _, body) = await Send(secretary, HttpMethod.Get, $"/api/photos/{Guid.NewGuid()}?thumbnail=maybe");
        Assert.Equal(400, status);
        Assert.Contains("true or false", Problem(body, "thumbnail"));

        (status, _, body) = await Send(await app.ClientFor("jinjiang.admin"), HttpMethod.Get, "/api/audit?cursor=12x");
        Assert.Equal(400, status);
        Assert.Contains("cursor", body.GetProperty("detail").GetString());
    }

    [SkippableFact]
    public async Task An_unexpected_failure_is_a_500_problem_without_internals()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        await using var failing = app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddSingleton<IStartupFilter>(new ThrowingEndpoint())));
        var (status, type, body) = await Send(failing.CreateClient(), HttpMethod.Get, "/boom");
        Assert.Equal((500, "application/problem+json"), (status, type));
        Assert.Equal(500, body.GetProperty("status").GetInt32());
        var text = body.ToString();
        Assert.DoesNotContain("internal detail", text);
        Assert.DoesNotContain("ThrowingEndpoint", text);
        Assert.DoesNotContain(" at ", text);
    }

    /// <summary>Adds, after the app's own pipeline, a path that throws (inside the app's exception handler).</summary>
    private sealed class ThrowingEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((Microsoft.AspNetCore.Http.HttpContext http, Microsoft.AspNetCore.Http.RequestDelegate _) =>
                http.Request.Path == "/boom" ? throw new InvalidOperationException("internal detail") : Task.CompletedTask);
        };
    }
}
