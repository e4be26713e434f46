using GridGov.Data;
using GridGov.Web.Tests.Infrastructure;

namespace GridGov.Web.Tests.Auth;

/// <summary>Login attempts, SMS codes and the public pages are limited per client address; the limit answers 429 with Retry-After.</summary>
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

    [SkippableFact]
    public async Task Sms_codes_public_data_and_resident_pages_are_limited_per_address()
    {
        await using var app = await GridGovApp.StartAsync(DatabaseProvider.Sqlite, loginsPerMinute: 3);
        var sms = Open311.Open311Kit.Anonymous(app);
        var codes = new List<int>();
        for (var i = 0; i < 4; i++) codes.Add((await sms.PostJson("/api/resident/codes", new { phone = Residents.ResidentKit.NewPhone(), purpose = "signup" })).Status);
        Assert.Equal([200, 200, 200, 429], codes);

        var visitor = Open311.Open311Kit.Anonymous(app);
        var reads = new List<int>();
        for (var i = 0; i < 4; i++) reads.Add((int)(await visitor.GetAsync("/api/public/cases/20260101-XXXXXX")).StatusCode);
        Assert.Equal([404, 404, 404, 429], reads);

        var browser = Open311.Open311Kit.Anonymous(app);
        var pages = new List<int>();
        for (var i = 0; i < 4; i++) pages.Add((int)(await browser.GetAsync("/r/cases/20260101-XXXXXX")).StatusCode);
        Assert.Equal([200, 200, 200, 429], pages);
        // Another address is not affected.
        Assert.Equal(200, (int)(await Open311.Open311Kit.Anonymous(app).GetAsync("/r")).StatusCode);
    }
}
