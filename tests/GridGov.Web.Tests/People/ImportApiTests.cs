using System.Text;
using GridGov.Data;
using GridGov.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static GridGov.Web.Tests.People.ImportTestFiles;

namespace GridGov.Web.Tests.People;

/// <summary>
/// Importing residents' sheets end to end: staged (upload answers at once, the batch shows its stage and progress),
/// previewed, committed in one piece and audited once; re-importing changes nothing; possible duplicates wait for a
/// person; bad rows are located and never written.
/// </summary>
public sealed class ImportApiTests(Apps apps) : IClassFixture<Apps>
{
    private const string Community = "510104017001";       // 水井坊社区
    private const string Micro = "5101040170010101";        // its first micro-grid

    [SkippableTheory, BothDatabases]
    public async Task A_sheet_is_previewed_then_committed_once_audited_and_importing_it_again_changes_nothing(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = await app.ClientFor("sjf.secretary");
        var (compound, _) = await NewBuilding(client, Micro);
        var registeredId = TestResidents.NewIdNumber(1960);
        var (_, registered) = await client.PostJson("/api/people", new { name = NewName(), idNumber = registeredId, registration = "户籍", areaCode = Community });
        var headId = TestResidents.NewIdNumber(1950);
        var spouseId = TestResidents.NewIdNumber(1952, male: false);
        var tenantId = TestResidents.NewIdNumber(1990);
        var phone = TestResidents.NewPhone();
        string?[][] rows =
        [
            [NewName(), headId, phone, "户籍", "独居老人、低保", compound, "1", "1单元", "101室", "本人", "2010-05-01"],
            [NewName(), spouseId, null, "户籍", null, compound, "1栋", "1", "101", "配偶", null],
            [NewName(), tenantId, null, "流动", null, compound, "1栋", "1", "102", "租客", "2024/3/1"],
            [registered.GetProperty("name").GetString(), registeredId, TestResidents.NewPhone(), "户籍", null, compound, "1栋", "1", "201", "户主", null],
        ];
        var file = Xlsx(rows);

        var (status, queued) = await client.Upload(file, Community);
        Assert.Equal(202, status);
        Assert.Contains(queued.GetProperty("stage").GetString(), new[] { "queued", "parsing", "validating", "matching", "ready" });
        var batchId = queued.GetProperty("id").GetInt64();
        var ready = await client.WaitFor(batchId, "ready");
        Assert.Equal(4, ready.GetProperty("rowsTotal").GetInt32());
        Assert.Equal(4, ready.GetProperty("rowsDone").GetInt32());
        Assert.Equal((3, 1, 0, 0, 0), (ready.Count("new"), ready.Count("updates"), ready.Count("unchanged"), ready.Count("review"), ready.Count("errors")));
        var (_, news) = await client.GetJson($"/api/people/imports/{batchId}/rows?outcome=new");
        Assert.Equal(3, news.GetProperty("total").GetInt32());
        Assert.DoesNotContain(headId, news.ToString()); // masked
        var (_, nothingYet) = await client.GetJson($"/api/people?idNumber={headId}");
        Assert.Empty(nothingYet.EnumerateArray()); // a preview writes nothing

        await client.CommitAndWait(batchId);
        var (again, _) = await client.PostJson($"/api/people/imports/{batchId}/commit", new { });
        Assert.Equal(409, again);
        var (_, head) = await client.GetJson($"/api/people?idNumber={headId}");
        var headPerson = Assert.Single(head.EnumerateArray());
        Assert.Equal(new[] { "独居老人", "低保" }, headPerson.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ToArray());
        var (_, full) = await client.GetJson($"/api/people/{headPerson.GetProperty("id").GetInt64()}");
        var home = Assert.Single(full.GetProperty("homes").EnumerateArray());
        Assert.Equal("head", home.GetProperty("relation").GetString());
        Assert.Equal("2010-05-01", home.GetProperty("from").GetString());
        var (_, updated) = await client.GetJson($"/api/people/{registered.GetProperty("id").GetInt64()}");
        Assert.Equal(1, updated.GetProperty("homes").GetArrayLength()); // moved into 201
        Assert.NotNull(updated.GetProperty("phone").GetString());

        await using (var db = app.Db())
        {
            var entries = await db.AuditLog.Where(a => a.Action == "import" && a.EntityId == batchId.ToString()).ToListAsync();
            Assert.Contains("3 new, 1 updated", Assert.Single(entries).Summary);
            Assert.Equal(0, await db.AuditLog.CountAsync(a => a.EntityType == "Person" && a.Action == "create" && a.At >= entries[0].At));
        }

        // The same file again: every row unchanged, no new people, no new links.
        var second = await client.UploadAndPreview(file, Community);
        Assert.Equal((0, 0, 4), (second.Count("new"), second.Count("updates"), second.Count("unchanged")));
        await using (var db = app.Db())
        {
            var links = await db.Residences.CountAsync();
            var people = await db.People.CountAsync();
            await client.CommitAndWait(second.GetProperty("id").GetInt64());
            Assert.Equal(links, await db.Residences.CountAsync());
            Assert.Equal(people, await db.People.CountAsync());
        }
    }

    [SkippableTheory, BothDatabases]
    public async Task Bad_rows_are_located_by_row_and_column_in_Chinese_and_never_written(DatabaseProvider provider)
    {
        var client = await (await apps.GetAsync(provider)).ClientFor("sjf.secretary");
        var (compound, _) = await NewBuilding(client, Micro);
        var good = TestResidents.NewIdNumber(1970);
        var twice = TestResidents.NewIdNumber(1971);
        var future = "510104" + "20991231" + "001";
        var secondHead = TestResidents.NewIdNumber(1972);
        string?[][] rows =
        [
            [NewName(), good, null, "户籍", null, compound, "1", "1", "101", "户主", null],                    // row 2: fine
            [NewName(), "51010419701", null, "户籍", null, compound, "1", "1", "102", "户主", null],           // row 3: too short
            [NewName(), future + "X", null, "户籍", null, compound, "1", "1", "102", "户主", null],            // row 4: born 2099
            [NewName(), twice, null, "户籍", null, compound, "9栋", "1", "101", "户主", null],                  // row 5: no such building
            [NewName(), twice, null, "户籍", null, compound, "1", "1", "999", "户主", null],                   // row 6: twice, no such door
            [NewName(), secondHead, null, "户籍", null, compound, "1", "1", "101", "户主", null],               // row 7: a second head
            [NewName(), TestResidents.NewIdNumber(), null, "常住", "富豪", compound, "1", "1", "201", "户主", "2099-01-01"], // row 8
        ];
        var batch = await client.UploadAndPreview(Xlsx(rows), Community);
        Assert.Equal((1, 6), (batch.Count("new"), batch.Count("errors")));
        var (_, page) = await client.GetJson($"/api/people/imports/{batch.GetProperty("id").GetInt64()}/rows?outcome=error&pageSize=50");
        var errors = page.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("row").GetInt32(), r => r.GetProperty("errors"));
        Assert.Equal(new[] { 3, 4, 5, 6, 7, 8 }, errors.Keys.Order().ToArray());
        string Reason(int row, string column) => errors[row].EnumerateArray().First(e => e.GetProperty("column").GetString() == column).GetProperty("reason").GetString()!;
        Assert.Equal("身份证号应为18位", Reason(3, "身份证号"));
        Assert.Contains("晚于今天", Reason(4, "身份证号"));
        Assert.Contains("没有", Reason(5, "楼栋"));
        Assert.Contains("与第 5 行相同", Reason(6, "身份证号"));
        Assert.Contains("已有户主", Reason(7, "与户主关系"));
        Assert.Equal(3, errors[8].GetArrayLength()); // registration, tag and move-in day, all at once
        Assert.Equal("5101***9701", errors[3][0].GetProperty("value").GetString()); // the value typed, masked
        Assert.DoesNotContain("51010419701", page.ToString());

        await client.CommitAndWait(batch.GetProperty("id").GetInt64());
        var (_, found) = await client.GetJson($"/api/people?idNumber={good}");
        Assert.Single(found.EnumerateArray());
        var (_, notFound) = await client.GetJson($"/api/people?idNumber={twice}");
        Assert.Empty(notFound.EnumerateArray());
    }

    [SkippableTheory, BothDatabases]
    public async Task Possible_duplicates_wait_in_the_review_queue_and_a_person_decides(DatabaseProvider provider)
    {
        var client = await (await apps.GetAsync(provider)).ClientFor("sjf.secretary");
        var (compound, buildingId) = await NewBuilding(client, Micro);
        var (_, building) = await client.GetJson($"/api/buildings/{buildingId}");
        var house = building.GetProperty("houses").EnumerateArray().First(h => h.GetProperty("number").GetString() == "101").GetProperty("id").GetInt64();
        var nameA = NewName();
        var idA = TestResidents.NewIdNumber(1955);
        var (_, a) = await client.PostJson("/api/people", new { name = nameA, idNumber = idA, registration = "户籍", houseId = house, relation = "户主" });
        var nameB = NewName();
        var idB = TestResidents.NewIdNumber(1956);
        var (_, b) = await client.PostJson("/api/people", new { name = nameB, idNumber = idB, registration = "户籍", houseId = house, relation = "家庭成员" });
        var newPhone = TestResidents.NewPhone();
        string?[][] rows =
        [
            [nameA, OneDigitOff(idA), null, "户籍", null, compound, "1", "1", "102", "户主", null],     // one digit off, same name and birth date
            [nameB, WrongCheck(idB), newPhone, "户籍", null, compound, "1", "1", "101", "家庭成员", null], // the check character mistyped
        ];
        var batch = await client.UploadAndPreview(Xlsx(rows), Community);
        Assert.Equal((2, 0, 0), (batch.Count("review"), batch.Count("new"), batch.Count("errors")));
        var batchId = batch.GetProperty("id").GetInt64();
        await client.CommitAndWait(batchId);

        var (_, queue) = await client.GetJson($"/api/people/reviews?batch={batchId}");
        var items = queue.EnumerateArray().ToDictionary(i => i.GetProperty("row").GetInt32());
        Assert.Equal(2, items.Count);
        Assert.Equal(a.GetProperty("id").GetInt64(), items[2].GetProperty("registered").GetProperty("personId").GetInt64());
        Assert.Equal("check_character", items[3].GetProperty("reason").GetString());
        Assert.DoesNotContain(idA, queue.ToString());

        // A: someone else after all (a new record with the row's number); B: the same person, updated from the row.
        var (different, resolved) = await client.PostJson($"/api/people/reviews/{items[2].GetProperty("id").GetInt64()}/different-person", new { });
        Assert.Equal(200, different);
        Assert.NotEqual(a.GetProperty("id").GetInt64(), resolved.GetProperty("resultPersonId").GetInt64());
        var (_, byNewNumber) = await client.GetJson($"/api/people?idNumber={OneDigitOff(idA)}");
        Assert.Single(byNewNumber.EnumerateArray());

        var typoItem = items[3].GetProperty("id").GetInt64();
        var (refused, _) = await client.PostJson($"/api/people/reviews/{typoItem}/different-person", new { });
        Assert.Equal(400, refused); // a wrong check character cannot be a new record
        var (same, _) = await client.PostJson($"/api/people/reviews/{typoItem}/same-person", new { });
        Assert.Equal(200, same);
        var (_, bAfter) = await client.GetJson($"/api/people/{b.GetProperty("id").GetInt64()}");
        Assert.Equal(newPhone[..3] + "****" + newPhone[^4..], bAfter.GetProperty("phone").GetString());
        var (twice, _) = await client.PostJson($"/api/people/reviews/{typoItem}/same-person", new { });
        Assert.Equal(409, twice);
        var (_, open) = await client.GetJson($"/api/people/reviews?batch={batchId}");
        Assert.Empty(open.EnumerateArray());
    }

    [SkippableTheory, BothDatabases]
    public async Task Csv_from_a_Chinese_Excel_is_read_and_a_missing_column_is_one_clear_error(DatabaseProvider provider)
    {
        var client = await (await apps.GetAsync(provider)).ClientFor("sjf.secretary");
        var (compound, _) = await NewBuilding(client, Micro);
        var name = NewName();
        var id = TestResidents.NewIdNumber(1980);
        string?[][] rows = [[name, id, null, "流动", "退役军人,低保", compound, "1", "1", "101", "户主", "2020年5月1日"]];

        var batch = await client.UploadAndPreview(Csv(rows, Gb18030), Community);
        Assert.StartsWith("csv-gb18030", batch.GetProperty("format").GetString());
        Assert.Equal(1, batch.Count("new"));
        var (_, preview) = await client.GetJson($"/api/people/imports/{batch.GetProperty("id").GetInt64()}/rows?outcome=new");
        Assert.Equal(name, preview.GetProperty("rows")[0].GetProperty("name").GetString());

        var utf8 = await client.UploadAndPreview(Csv(rows, new UTF8Encoding(true)), Community);
        Assert.Equal("csv-utf8", utf8.GetProperty("format").GetString());

        var header = Header.Where(h => h != "身份证号").ToArray();
        var (status, problem) = await client.Upload(Csv([rows[0].Where((_, i) => i != 1).ToArray()], Gb18030, header), Community, "居民.csv");
        Assert.Equal(400, status);
        Assert.Contains("缺少必填列「身份证号」", problem.GetProperty("errors").GetProperty("file")[0].GetString());
    }

    [SkippableTheory, BothDatabases]
    public async Task Uploads_are_limited_in_size_and_to_the_callers_own_areas(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = await app.ClientFor("sjf.secretary");
        using (var huge = new ByteArrayContent(new byte[21 * 1024 * 1024]))
        {
            var r = await client.PostAsync($"/api/people/imports?area={Community}", huge);
            Assert.Equal(413, (int)r.StatusCode);
        }
        var (empty, _) = await client.Upload([], Community);
        Assert.Equal(400, empty);
        var (garbage, problem) = await client.Upload("PK\u0003\u0004not really a zip"u8.ToArray(), Community);
        Assert.Equal(400, garbage);
        Assert.Contains("Excel", problem.ToString());
        var (otherArea, _) = await client.Upload(Xlsx([]), "510104017002");
        Assert.Equal(404, otherArea);

        var batch = await client.UploadAndPreview(Xlsx([]), Community);
        var id = batch.GetProperty("id").GetInt64();
        var stranger = await app.ClientFor("cdl.secretary");
        Assert.Equal(404, (await stranger.GetJson($"/api/people/imports/{id}")).Status);
        Assert.Equal(404, (await stranger.GetJson($"/api/people/imports/{id}/rows")).Status);
        Assert.Equal(404, (await stranger.PostJson($"/api/people/imports/{id}/commit", new { })).Status);
    }

    [SkippableTheory, BothDatabases]
    public async Task The_export_has_the_imports_columns_with_numbers_masked(DatabaseProvider provider)
    {
        var client = await (await apps.GetAsync(provider)).ClientFor("sjf.secretary");
        var (compound, _) = await NewBuilding(client, Micro);
        var id = TestResidents.NewIdNumber(1966);
        var name = NewName();
        var batch = await client.UploadAndPreview(Xlsx([[name, id, TestResidents.NewPhone(), "户籍", "低保", compound, "1", "1", "101", "户主", null]]), Community);
        await client.CommitAndWait(batch.GetProperty("id").GetInt64());

        var response = await client.GetAsync($"/api/people/export.xlsx?area={Micro}");
        Assert.Equal(200, (int)response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var (_, sheet) = GridGov.Web.Features.People.Import.SheetReader.Open(bytes);
        var rows = sheet.ToList();
        Assert.Equal(Header.Concat(new[] { "证件号码" }).Order(), rows[0].Cells.Where(c => c is not null).Select(c => c!).Order());
        var mine = rows.First(r => r.Cells.Contains(name));
        Assert.Contains(id[..4] + "**********" + id[^4..], mine.Cells);
        Assert.DoesNotContain(id, rows.SelectMany(r => r.Cells));
        Assert.Contains(compound, mine.Cells);
    }
}
