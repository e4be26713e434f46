using GridGov.Data;
using GridGov.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static GridGov.Web.Tests.People.ImportTestFiles;

namespace GridGov.Web.Tests.People;

/// <summary>Large sheets: 10,000 bad rows among 30,000 are each located and skipped; a commit that fails writes nothing.</summary>
public sealed class ImportScaleTests(Apps apps) : IClassFixture<Apps>
{
    private const string Community = "510104017001";
    private const string Micro = "5101040170010101";

    [SkippableTheory, BothDatabases]
    public async Task Ten_thousand_bad_rows_among_thirty_thousand_are_each_located_and_only_the_good_rows_are_written(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = await app.ClientFor("sjf.secretary");
        var (compound, buildingId) = await NewBuilding(client, Micro, floors: 10, perFloor: 5, units: 2);
        var rows = new List<string?[]>(30_000);
        for (var i = 0; i < 30_000; i++)
        {
            var door = (i % 10 + 1) * 100 + i / 10 % 5 + 1;
            var bad = i % 3 == 2;
            rows.Add([NewName(), bad ? "5101041950" + i.ToString("D5") : TestResidents.NewIdNumber(1940 + i % 60), null, "户籍", null, compound, "1",
                (i % 2 + 1).ToString(), door.ToString(), "家庭成员", null]);
        }
        await using var db = app.Db();
        var before = await db.People.CountAsync();

        var batch = await client.UploadAndPreview(Xlsx(rows), Community);
        Assert.Equal(30_000, batch.GetProperty("rowsTotal").GetInt32());
        Assert.Equal(30_000, batch.GetProperty("rowsDone").GetInt32()); // the last chunk's progress too
        Assert.Equal((20_000, 10_000), (batch.Count("new"), batch.Count("errors")));
        var id = batch.GetProperty("id").GetInt64();
        var (_, page) = await client.GetJson($"/api/people/imports/{id}/rows?outcome=error&page=2&pageSize=500");
        Assert.Equal(10_000, page.GetProperty("total").GetInt32());
        var first = page.GetProperty("rows")[0];
        Assert.Equal(2 + 3 * 500 + 2, first.GetProperty("row").GetInt32()); // the 501st bad row: sheet row 1,504
        Assert.Equal("身份证号", first.GetProperty("errors")[0].GetProperty("column").GetString());

        await client.CommitAndWait(id);
        Assert.Equal(before + 20_000, await db.People.CountAsync());
        Assert.Equal(20_000, await db.Residences.CountAsync(l => db.Houses.Any(h => h.Id == l.HouseId && h.BuildingId == buildingId)));
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.Action == "import" && a.EntityId == id.ToString()));
    }

    [SkippableTheory, BothDatabases]
    public async Task A_commit_that_fails_writes_nothing_and_says_why(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = await app.ClientFor("sjf.secretary");
        var (compound, buildingId) = await NewBuilding(client, Micro);
        var ids = Enumerable.Range(0, 50).Select(_ => TestResidents.NewIdNumber(1985)).ToList();
        var batch = await client.UploadAndPreview(Xlsx(ids.Select(id => new string?[] { NewName(), id, null, "户籍", null, compound, "1", "1", "101", "家庭成员", null })), Community);
        Assert.Equal(50, batch.Count("new"));

        // Someone registers one of the file's people between the preview and the commit.
        var (created, _) = await client.PostJson("/api/people", new { name = NewName(), idNumber = ids[25], registration = "户籍", areaCode = Community });
        Assert.Equal(201, created);
        var id = batch.GetProperty("id").GetInt64();
        var r = await client.PostAsync($"/api/people/imports/{id}/commit", null);
        Assert.Equal(202, (int)r.StatusCode);
        var failed = await client.WaitFor(id, "failed");
        Assert.Contains("登记簿已有变化", failed.GetProperty("failure").GetString());
        foreach (var other in new[] { ids[0], ids[24], ids[49] })
            Assert.Empty((await client.GetJson($"/api/people?idNumber={other}")).Body.EnumerateArray());
        await using var db = app.Db();
        Assert.Equal(0, await db.Residences.CountAsync(l => db.Houses.Any(h => h.Id == l.HouseId && h.BuildingId == buildingId)));
        Assert.Equal(0, await db.AuditLog.CountAsync(a => a.Action == "import" && a.EntityId == id.ToString()));
    }
}
