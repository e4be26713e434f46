using GridGov.Data;
using GridGov.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GridGov.Web.Tests.Security;

/// <summary>With every category logging at Trace, registering a person and unmasking their numbers logs neither number.</summary>
public sealed class PersonalDataLoggingTests(Apps apps) : IClassFixture<Apps>
{
    private const string Phone = "13912345678";
    private static readonly string IdNumber = IdCard.WithCheckCharacter("51010419850715002");

    [SkippableTheory, BothDatabases]
    public async Task No_log_line_contains_a_full_personal_number(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var capture = new CapturingLoggerProvider();
        // A second server on the same database, with the capturing provider receiving everything.
        await using var logged = app.WithWebHostBuilder(b =>
        {
            b.ConfigureLogging(l => l.AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace));
            b.ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(capture));
        });
        async Task<HttpClient> As(string user)
        {
            var client = logged.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", await GridGovApp.LoginAsync(logged.CreateClient(), user, GridGovApp.Password));
            return client;
        }

        var secretary = await As("sjf.secretary");
        var (created, person) = await secretary.PostJson("/api/staff", new { name = "吴婷", areaCode = "510104017001", phone = Phone, idNumber = IdNumber });
        Assert.Equal(201, created);
        var id = person.GetProperty("id").GetInt64();
        var (invalid, _) = await secretary.PostJson("/api/staff", new { name = "吴婷", areaCode = "510104017002", phone = Phone, idNumber = IdNumber });
        Assert.Equal(400, invalid); // a refused request carries the numbers too
        await secretary.PostOk("/api/grids/51010401700101/assignments", new { staffMemberId = id, role = "volunteer" });
        var (unmasked, contact) = await (await As("sjf.staff")).GetText($"/api/staff/{id}/contact?reason=上门走访");
        Assert.Equal(200, unmasked);
        Assert.Contains(Phone, contact);
        Assert.Equal(404, (await (await As("cdl.secretary")).GetText($"/api/staff/{id}/contact?reason=上门走访")).Status);

        var lines = capture.Lines;
        // The capture really ran at the lowest levels and saw the requests and the SQL.
        Assert.Contains(lines, l => l.Level <= LogLevel.Debug);
        Assert.Contains(lines, l => l.Category.StartsWith("Microsoft.EntityFrameworkCore.Database.Command", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Text.Contains("/contact", StringComparison.Ordinal));
        var leaks = lines.Where(l => l.Text.Contains(Phone, StringComparison.Ordinal) || l.Text.Contains(IdNumber, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks.Take(5).Select(l => $"{l.Level} {l.Category}: {l.Text}")));
    }
}
