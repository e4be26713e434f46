using System.Net.Http.Json;
using System.Text;
using GridGov.Data;
using GridGov.Web.Hosting;
using GridGov.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.Web.Tests.Cases;

/// <summary>Administrators replace a calendar year; deadlines use it at once; bad files change nothing.</summary>
public sealed class CalendarApiTests
{
    [SkippableFact]
    public async Task A_replaced_year_is_used_at_once_and_bad_input_is_refused()
    {
        await using var app = await GridGovApp.StartAsync(DatabaseProvider.Sqlite);
        var admin = await app.ClientFor("city.admin");
        var (_, years) = await admin.GetJson("/api/calendar");
        Assert.Contains(years.EnumerateArray(), y => y.GetProperty("year").GetInt32() == 2026 && !y.GetProperty("provisional").GetBoolean());
        Assert.Contains(years.EnumerateArray(), y => y.GetProperty("year").GetInt32() == 2026 && y.GetProperty("workdays").GetInt32() == 248);

        async Task<int> Put(string json, int year = 2028)
        {
            var r = await admin.PutAsync($"/api/calendar/{year}", new StringContent(json, Encoding.UTF8, "application/json"));
            return (int)r.StatusCode;
        }
        var clock = app.Services.GetRequiredService<CalendarHolder>();
        Assert.True(clock.Current.IsWorkday(new DateOnly(2028, 3, 1)));
        Assert.Equal(400, await Put("{ not json"));
        Assert.Equal(400, await Put("""{"year":2029,"source":"x","provisional":false,"holidays":[]}"""));
        Assert.Equal(403, (int)(await (await app.ClientFor("sjf.secretary")).PutAsync("/api/calendar/2028",
            new StringContent("{}", Encoding.UTF8, "application/json"))).StatusCode);
        Assert.True(clock.Current.IsWorkday(new DateOnly(2028, 3, 1)));

        Assert.Equal(200, await Put("""{"year":2028,"source":"测试通知","provisional":false,"holidays":[{"name":"测试假日","off":["2028-03-01"],"workdays":["2028-03-04"]}]}"""));
        Assert.False(clock.Current.IsWorkday(new DateOnly(2028, 3, 1)));
        Assert.True(clock.Current.IsWorkday(new DateOnly(2028, 3, 4))); // a Saturday made a workday (调休)
        var (_, after) = await admin.GetJson("/api/calendar");
        Assert.Contains(after.EnumerateArray(), y => y.GetProperty("year").GetInt32() == 2028 && y.GetProperty("edited").GetBoolean());
    }
}
