using GridGov.Data;
using GridGov.Web.Tests.Infrastructure;

namespace GridGov.Web.Tests.Auth;

/// <summary>Login attempts are limited per client address; the limit answers 429 with Retry-After.</summary>
public sealed class LoginRateLimitTests
{
    [SkippableFact]
    public async Task The_fourth_attempt_in_a_minute_is_refused_when_the_limit_is_three()
    {
        await using var app = await GridGovApp.StartAsync(DatabaseProvider.Sqlite, loginsPerMinute: 3);
        var client = app.CreateClient();
        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            var (status, _) = await client.PostJson("/api/auth/login", new { userName = "sjf.staff", password = "wrong-" + i });
            statuses.Add(status);
        }
        Assert.Equal([401, 401, 401, 429], statuses);
        var limited = await client.PostAsync("/api/auth/login", System.Net.Http.Json.JsonContent.Create(new { userName = "x", password = "y" }));
        Assert.Equal("60", limited.Headers.RetryAfter?.ToString());
    }
}
