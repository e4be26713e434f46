using GridGov.Data;
using GridGov.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static GridGov.Web.Tests.Open311.Open311Kit;
using S = GridGov.Web.Tests.Open311.GeoReportSchema;

namespace GridGov.Web.Tests.Open311;

/// <summary>
/// Every Open311 method and every error case, in XML and in JSON: the JSON against the published schemas' shapes
/// (<see cref="GeoReportSchema"/>), the XML's declaration, root and element names, and the JSON being the Spark
/// mapping of the XML. Content types and UTF-8 as the spec asks.
/// </summary>
public sealed class Open311ConformanceTests(Apps apps) : IClassFixture<Apps>
{
    private const string Micro = "5101040170010101";

    /// <summary>Fetches a resource as .xml and .json and checks both; returns the JSON answer.</summary>
    private static async Task<O311Answer> Both(HttpClient client, string resource, int status, S.Shape shape, bool array, string root, string? query = null)
    {
        var q = query is null ? "" : "?" + query;
        var xml = await client.Get($"{resource}.xml{q}");
        var json = await client.Get($"{resource}.json{q}");
        Check(xml, json, status, shape, array, root, resource);
        return json;
    }

    private static void Check(O311Answer xml, O311Answer json, int status, S.Shape shape, bool array, string root, string what)
    {
        Assert.True(json.Status == status, $"{what}.json: {json.Status} {json.Text}");
        Assert.True(xml.Status == status, $"{what}.xml: {xml.Status} {xml.Text}");
        Assert.Equal("application/json; charset=utf-8", json.ContentType);
        Assert.Equal("text/xml; charset=utf-8", xml.ContentType);
        var problems = S.CheckJson(json.Json, shape, array);
        Assert.True(problems.Count == 0, $"{what}.json: {string.Join("; ", problems)}\n{json.Text}");
        problems = S.CheckXml(xml.Text, root);
        Assert.True(problems.Count == 0, $"{what}.xml: {string.Join("; ", problems)}\n{xml.Text}");
        var same = S.SameData(S.Spark(xml.Xml.Root!), S.Plain(json.Json));
        Assert.True(same.Count == 0, $"{what}: XML and JSON differ: {string.Join("; ", same)}");
    }

    private static void Error(O311Answer answer, int status, string mustContain, string format = "json")
    {
        Assert.True(answer.Status == status, $"expected {status}: {answer.Status} {answer.Text}");
        if (format == "json")
        {
            Assert.Equal("application/json; charset=utf-8", answer.ContentType);
            var problems = S.CheckJson(answer.Json, S.Error, array: true);
            Assert.True(problems.Count == 0, string.Join("; ", problems) + "\n" + answer.Text);
            Assert.NotEmpty(answer.Errors);
            Assert.All(answer.Json.EnumerateArray(), e => Assert.Equal(status, e.GetProperty("code").GetInt32()));
        }
        else
        {
            Assert.Equal("text/xml; charset=utf-8", answer.ContentType);
            var problems = S.CheckXml(answer.Text, "errors");
            Assert.True(problems.Count == 0, string.Join("; ", problems) + "\n" + answer.Text);
            Assert.All(answer.Xml.Root!.Elements("error"), e => Assert.Equal(status.ToString(), e.Element("code")!.Value));
        }
        Assert.Contains(mustContain, answer.Text);
    }

    [SkippableTheory, BothDatabases]
    public async Task Discovery_services_and_definitions_match_the_schemas_in_both_formats(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = Anonymous(app);

        var discovery = await Both(client, "/open311/discovery", 200, S.Discovery, array: false, "discovery");
        var endpoint = discovery.Json.GetProperty("endpoints")[0];
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", endpoint.GetProperty("specification").GetString());
        Assert.EndsWith("/open311/v2", endpoint.GetProperty("url").GetString());
        Assert.Equal(["text/xml", "application/json"], endpoint.GetProperty("formats").EnumerateArray().Select(f => f.GetString()));
        await Both(client, "/open311/v2/discovery", 200, S.Discovery, array: false, "discovery");

        var services = await Both(client, "/open311/v2/services", 200, S.Service, array: true, "services", "jurisdiction_id=5101");
        var list = services.Json.EnumerateArray().ToList();
        await using (var db = app.Db())
        {
            var expected = await db.Categories.Where(c => c.ParentCode != null && c.IsPublic && c.Active).OrderBy(c => c.Code).Select(c => c.Code).ToListAsync();
            Assert.Equal(expected, list.Select(s => s.GetProperty("service_code").GetString()));
            Assert.DoesNotContain("0701", expected); // 可疑人员: not public
        }
        var bulky = list.Single(s => s.GetProperty("service_code").GetString() == "1001");
        Assert.Equal("大件垃圾清运", bulky.GetProperty("service_name").GetString());
        Assert.Equal("民生服务", bulky.GetProperty("group").GetString());
        Assert.Equal("realtime", bulky.GetProperty("type").GetString());
        Assert.True(bulky.GetProperty("metadata").GetBoolean());
        Assert.Contains("Bulky waste collection", bulky.GetProperty("keywords").GetString());
        Assert.False(list.Single(s => s.GetProperty("service_code").GetString() == "0102").GetProperty("metadata").GetBoolean());

        var definition = await Both(client, "/open311/v2/services/1001", 200, S.ServiceDefinition, array: false, "service_definition");
        var attributes = definition.Json.GetProperty("attributes").EnumerateArray().ToList();
        Assert.Equal(["string", "singlevaluelist", "multivaluelist", "number", "datetime", "string", "text"],
            attributes.Select(a => a.GetProperty("datatype").GetString()));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], attributes.Select(a => a.GetProperty("order").GetInt32()));
        Assert.False(attributes[0].GetProperty("variable").GetBoolean());
        var window = attributes.Single(a => a.GetProperty("code").GetString() == "pickup_window");
        Assert.True(window.GetProperty("required").GetBoolean());
        Assert.Equal(["weekday_am", "weekday_pm", "weekend"], window.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("key").GetString()));
        var noAttributes = await Both(client, "/open311/v2/services/0102", 200, S.ServiceDefinition, array: false, "service_definition");
        Assert.Empty(noAttributes.Json.GetProperty("attributes").EnumerateArray());
    }

    [SkippableTheory, BothDatabases]
    public async Task Posting_reading_and_tokens_match_the_schemas_in_both_formats(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = Anonymous(app);
        var key = await IssueKey(app);
        var (lon, lat) = await PointIn(app, Micro);

        // POST in each format (each files one request).
        var postedXml = await client.PostForm("/open311/v2/requests.xml", BulkyWaste(key, lon, lat).Append(F("account_id", "acct-1")));
        var postedJson = await client.PostForm("/open311/v2/requests.json", BulkyWaste(key, lon, lat).Append(F("account_id", "acct-2")));
        Assert.Equal(200, postedXml.Status);
        Assert.Equal(200, postedJson.Status);
        Assert.Equal("text/xml; charset=utf-8", postedXml.ContentType);
        Assert.Empty(S.CheckXml(postedXml.Text, "service_requests"));
        Assert.Empty(S.CheckJson(postedJson.Json, S.RequestResponse, array: true));
        var answer = postedJson.Json[0];
        Assert.False(answer.TryGetProperty("token", out _)); // "This should not be returned if service_request_id is returned"
        Assert.Equal("acct-2", answer.GetProperty("account_id").GetString());
        Assert.Equal("acct-1", postedXml.Xml.Root!.Element("request")!.Element("account_id")!.Value);
        var id = answer.GetProperty("service_request_id").GetString()!;
        Assert.Contains("受理编号", answer.GetProperty("service_notice").GetString());

        var requests = await Both(client, "/open311/v2/requests", 200, S.Request, array: true, "service_requests");
        Assert.Contains(requests.Json.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == id);
        Assert.Matches("\"requested_datetime\":\"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00\"", requests.Text); // China time, '+' unescaped
        await Both(client, "/open311/v2/requests", 200, S.Request, array: true, "service_requests", $"api_key={Uri.EscapeDataString(key)}&status=open&service_code=1001,0101");
        var one = await Both(client, $"/open311/v2/requests/{id}", 200, S.Request, array: true, "service_requests");
        Assert.Single(one.Json.EnumerateArray());

        string tracking;
        await using (var db = app.Db())
            tracking = (await db.Cases.SingleAsync(c => c.Id == long.Parse(id))).TrackingNo;
        Assert.Contains(tracking, answer.GetProperty("service_notice").GetString());
        var token = await Both(client, $"/open311/v2/tokens/{tracking}", 200, S.TokenResponse, array: true, "service_requests");
        Assert.Equal(id, token.Json[0].GetProperty("service_request_id").GetString());
        Assert.Equal(tracking, token.Json[0].GetProperty("token").GetString());
    }

    [SkippableTheory, BothDatabases]
    public async Task A_start_or_end_date_without_its_timezone_is_refused_naming_the_field(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = Anonymous(app);
        foreach (var format in new[] { "json", "xml" })
            foreach (var field in new[] { "start_date", "end_date" })
                foreach (var value in new[] { "2026-01-01", "2026-01-01T08:00", "2026-01-01T08:00:00", "2026-01-01 08:00:00", "2026-01-01t08:00:00.5" })
                {
                    var answer = await client.Get($"/open311/v2/requests.{format}?{field}={Uri.EscapeDataString(value)}");
                    Error(answer, 400, field, format);
                    Error(answer, 400, "timezone", format);
                }
        // A + left unencoded arrives as a space: the answer says so.
        Error(await client.Get("/open311/v2/requests.json?start_date=2026-01-01T08:00:00+08:00"), 400, "%2B");
        // With its zone, the same day is accepted.
        Assert.Equal(200, (await client.Get("/open311/v2/requests.json?start_date=2026-01-01T00:00:00%2B08:00")).Status);
        Assert.Equal(200, (await client.Get("/open311/v2/requests.xml?end_date=2026-01-01T08:00:00Z")).Status);
    }

    [SkippableTheory, BothDatabases]
    public async Task Every_error_is_the_specs_error_list_with_its_status_in_both_formats(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = Anonymous(app);
        var key = await IssueKey(app);
        var (lon, lat) = await PointIn(app, Micro);
        List<KeyValuePair<string, string>> Without(string field) => BulkyWaste(key, lon, lat).Where(f => f.Key != field).ToList();

        foreach (var format in new[] { "json", "xml" })
        {
            // Reads
            Error(await client.Get($"/open311/discovery.{format}?jurisdiction_id=4401"), 404, "jurisdiction_id", format);
            Error(await client.Get($"/open311/v2/services.{format}?jurisdiction_id=sfgov.org"), 404, "jurisdiction_id", format);
            Error(await client.Get($"/open311/v2/services/9999.{format}"), 404, "service_code", format);
            Error(await client.Get($"/open311/v2/services/0701.{format}"), 404, "service_code", format); // exists, not public
            Error(await client.Get($"/open311/v2/services/1001.{format}?jurisdiction_id=9999"), 404, "jurisdiction_id", format);
            Error(await client.Get($"/open311/v2/requests/99999999.{format}"), 404, "service_request_id", format);
            Error(await client.Get($"/open311/v2/requests/abc.{format}"), 404, "service_request_id", format);
            Error(await client.Get($"/open311/v2/tokens/20990101-NOPE00.{format}"), 404, "token", format);
            Error(await client.Get($"/open311/v2/requests.{format}?jurisdiction_id=1100"), 404, "jurisdiction_id", format);
            Error(await client.Get($"/open311/v2/requests.{format}?start_date=yesterday"), 400, "start_date", format);
            Error(await client.Get($"/open311/v2/requests.{format}?end_date=2026-13-01T00:00:00Z"), 400, "end_date", format);
            Error(await client.Get($"/open311/v2/requests.{format}?start_date=2026-01-01T00:00:00"), 400, "timezone", format);
            Error(await client.Get($"/open311/v2/requests.{format}?start_date=2026-01-01T00:00:00Z&end_date=2026-04-02T00:00:00Z"), 400, "90 days", format);
            Error(await client.Get($"/open311/v2/requests.{format}?start_date=2026-03-01T00:00:00Z&end_date=2026-02-01T00:00:00Z"), 400, "before", format);
            Error(await client.Get($"/open311/v2/requests.{format}?status=pending"), 400, "status", format);
            Error(await client.Get($"/open311/v2/requests.{format}?service_code=9999"), 400, "service_code", format);
            Error(await client.Get($"/open311/v2/requests.{format}?service_request_id=1,x"), 400, "service_request_id", format);
            Error(await client.Get($"/open311/v2/requests.{format}?api_key=o311_wrong"), 403, "api_key", format);
            Error(await client.Get($"/open311/v2/things/1.{format}"), 404, "No Open311 resource", format);

            // Writes
            var url = $"/open311/v2/requests.{format}";
            Error(await client.PostForm(url, Without("api_key")), 403, "api_key", format);
            Error(await client.PostForm(url, Without("api_key").Append(F("api_key", "o311_notakey"))), 403, "Invalid api_key", format);
            Error(await client.PostForm(url, Without("jurisdiction_id").Append(F("jurisdiction_id", "4401"))), 404, "jurisdiction_id", format);
            Error(await client.PostForm(url, Without("service_code")), 400, "service_code", format);
            Error(await client.PostForm(url, Without("service_code").Append(F("service_code", "9999"))), 404, "service_code", format);
            Error(await client.PostForm(url, Without("service_code").Append(F("service_code", "0701"))), 404, "service_code", format);
            Error(await client.PostForm(url, Without("lat").Where(f => f.Key != "long")), 400, "location", format);
            Error(await client.PostForm(url, Without("attribute[item_count]").Append(F("attribute[item_count]", "很多"))), 400, "attribute[item_count]", format);
            Error(await client.PostForm(url, Without("description").Append(F("description", new string('堆', 2001)))), 400, "description", format);
            var json = await client.PostAsync(url, new StringContent("{\"service_code\":\"1001\"}", System.Text.Encoding.UTF8, "application/json"));
            Error(new O311Answer((int)json.StatusCode, json.Content.Headers.ContentType?.ToString(), await json.Content.ReadAsStringAsync(), json), 400, "form", format);
            Error(await client.PostForm($"/open311/v2/services.{format}", []), 400, "not a method", format);
        }
        // An unknown format answers in XML, the spec's required format.
        Error(await client.Get("/open311/v2/services.csv"), 400, "format", "xml");
        Error(await client.Get("/open311/v2/services"), 404, ".json", "xml");
    }
}
