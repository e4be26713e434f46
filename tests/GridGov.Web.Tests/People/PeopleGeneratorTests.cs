using GridGov.Data;
using GridGov.Web.Features.People.FullScale;
using GridGov.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.Web.Tests.People;

/// <summary>
/// The full-scale generator (CLI generate-people) at a small size: rows land in every table with their links, the
/// numbers are the app's own (found by ID number through the API, revealed with a reason), and a second run into
/// the same database is refused whole.
/// </summary>
public sealed class PeopleGeneratorTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableFact]
    public async Task Generated_households_are_found_and_revealed_by_the_app_and_a_second_run_is_refused_whole()
    {
        var app = await apps.GetAsync(DatabaseProvider.Postgres);
        long before;
        await using (var db = app.Db()) before = await db.People.CountAsync();

        GeneratedRegistry report;
        using (var scope = app.Services.CreateScope())
            report = await scope.ServiceProvider.GetRequiredService<PeopleGenerator>().RunAsync(3_000, null, CancellationToken.None);
        Assert.True(report.People > 1_000, $"generated {report.People}");
        Assert.True(report.Houses > 400);

        await using (var db = app.Db())
        {
            Assert.Equal(before + report.People, await db.People.CountAsync());
            // Every generated person lives somewhere, in the house's own micro-grid.
            var orphans = await db.People.Where(p => p.Id > before && !db.Residences.Any(l => l.PersonId == p.Id && l.AreaCode == p.AreaCode)).CountAsync();
            Assert.Equal(0, orphans);
        }

        // The app finds a generated resident by the number it can only know from the generator's keyed hash, and reveals it.
        var city = await app.ClientFor("city.admin");
        var secretary = await app.ClientFor("sjf.secretary");
        string idNumber;
        long id;
        await using (var db = app.Db())
        {
            var person = await db.People.Where(p => p.AreaCode.StartsWith("510104017001") && p.Id > before).OrderBy(p => p.Id).FirstAsync();
            id = person.Id;
        }
        var (_, profile) = await secretary.GetJson($"/api/people/{id}/profile?reason={Uri.EscapeDataString("核对生成数据")}");
        idNumber = profile.GetProperty("idNumber").GetString()!;
        Assert.Equal(18, idNumber.Length);
        var (_, found) = await city.GetJson($"/api/people?idNumber={idNumber}");
        Assert.Equal(id, Assert.Single(found.EnumerateArray()).GetProperty("id").GetInt64());

        // A second run would hand out the same synthetic numbers: refused whole, nothing half-written.
        long after;
        await using (var db = app.Db()) after = await db.Houses.CountAsync();
        using (var scope = app.Services.CreateScope())
        {
            var e = await Assert.ThrowsAsync<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<PeopleGenerator>().RunAsync(3_000, null, CancellationToken.None));
            Assert.Contains("nothing was written", e.Message);
        }
        await using (var db = app.Db()) Assert.Equal(after, await db.Houses.CountAsync());
    }

    [SkippableFact]
    public async Task On_sqlite_the_generator_says_it_needs_postgresql()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        using var scope = app.Services.CreateScope();
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<PeopleGenerator>().RunAsync(100, null, CancellationToken.None));
        Assert.Contains("PostgreSQL", e.Message);
    }
}
