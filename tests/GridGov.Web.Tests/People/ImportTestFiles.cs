using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GridGov.Domain.People;
using GridGov.Web.Features.People.Import;
using GridGov.Web.Tests.Infrastructure;

namespace GridGov.Web.Tests.People;

/// <summary>Residents' sheets for import tests (XLSX through the app's own writer, CSV in UTF-8 or GB18030) and the polling.</summary>
public static class ImportTestFiles
{
    public static readonly string[] Header = ["姓名", "身份证号", "联系电话", "人口类型", "标签", "小区", "楼栋", "单元", "房号", "与户主关系", "入住日期"];

    private const string NameChars = "秀英桂兰玉梅志强建国海燕晓东丽娟春花德明红霞文杰子涵雨轩思远佳怡宇航欣然";

    public static string NewName() =>
        "测" + new string(Enumerable.Range(0, 3).Select(_ => NameChars[Random.Shared.Next(NameChars.Length)]).ToArray());

    /// <summary>The same birth date and one digit of the sequence changed, with its own (valid) check character.</summary>
    public static string OneDigitOff(string id)
    {
        var digit = (char)('0' + (id[14] - '0' + 1) % 10);
        var body = id[..14] + digit + id[15..17];
        return body + IdNumber.CheckCharacterFor(body);
    }

    /// <summary>The same first 17 digits with a wrong check character.</summary>
    public static string WrongCheck(string id) => id[..17] + (id[17] == '0' ? '1' : '0');

    public static byte[] Xlsx(IEnumerable<string?[]> rows, string[]? header = null)
    {
        using var buffer = new MemoryStream();
        SheetWriter.Write(buffer, "Sheet1", new[] { header ?? Header }.Concat(rows));
        return buffer.ToArray();
    }

    public static byte[] Csv(IEnumerable<string?[]> rows, Encoding encoding, string[]? header = null)
    {
        static string Quote(string? v) => v is null ? "" : v.Contains(',') || v.Contains('"') ? "\"" + v.Replace("\"", "\"\"") + "\"" : v;
        var text = string.Join("\r\n", new[] { header ?? Header }.Concat(rows).Select(r => string.Join(",", r.Select(Quote))));
        return encoding.GetBytes(text);
    }

    public static Encoding Gb18030
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030");
        }
    }

    public static async Task<(int Status, JsonElement Body)> Upload(this HttpClient client, byte[] file, string area, string name = "居民.xlsx")
    {
        using var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var r = await client.PostAsync($"/api/people/imports?area={area}&name={Uri.EscapeDataString(name)}", content);
        return ((int)r.StatusCode, await r.Json());
    }

    /// <summary>Polls a batch until it reaches <paramref name="stage"/> (or fails), at most a minute.</summary>
    public static async Task<JsonElement> WaitFor(this HttpClient client, long batchId, string stage, int seconds = 120)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var (status, batch) = await client.GetJson($"/api/people/imports/{batchId}");
            Assert.Equal(200, status);
            var now = batch.GetProperty("stage").GetString();
            if (now == stage) return batch;
            if (now == "failed") Assert.Fail($"batch {batchId} failed: {batch.GetProperty("failure")}");
            if (DateTime.UtcNow > until) Assert.Fail($"batch {batchId} still {now} after {seconds} s: {batch}");
            await Task.Delay(100);
        }
    }

    public static async Task<JsonElement> UploadAndPreview(this HttpClient client, byte[] file, string area)
    {
        var (status, batch) = await client.Upload(file, area);
        Assert.True(status == 202, batch.ToString());
        return await client.WaitFor(batch.GetProperty("id").GetInt64(), "ready");
    }

    public static async Task<JsonElement> CommitAndWait(this HttpClient client, long batchId)
    {
        var r = await client.PostAsync($"/api/people/imports/{batchId}/commit", null);
        Assert.True((int)r.StatusCode == 202, await r.Content.ReadAsStringAsync());
        return await client.WaitFor(batchId, "committed");
    }

    public static int Count(this JsonElement batch, string name) => batch.GetProperty("counts").GetProperty(name).GetInt32();

    /// <summary>A building of <paramref name="houses"/> doors in one unit (floors × 10), in a new compound; returns the compound name.</summary>
    public static async Task<(string Compound, long BuildingId)> NewBuilding(HttpClient client, string micro, int floors = 3, int perFloor = 2, int units = 1)
    {
        var compoundName = "导入测试小区" + Guid.NewGuid().ToString("N")[..6];
        var (status, compound) = await client.PostJson("/api/compounds", new { name = compoundName, areaCode = micro });
        Assert.Equal(201, status);
        var (created, building) = await client.PostJson("/api/buildings",
            new { name = "1栋", compoundId = compound.GetProperty("id").GetInt64(), units, floors, housesPerFloor = perFloor });
        Assert.True(created == 201, building.ToString());
        return (compoundName, building.GetProperty("id").GetInt64());
    }
}
