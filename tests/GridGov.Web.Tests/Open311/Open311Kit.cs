using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using GridGov.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GridGov.Web.Tests.Open311;

public sealed record O311Answer(int Status, string? ContentType, string Text, HttpResponseMessage Response)
{
    public JsonElement Json => JsonDocument.Parse(Text).RootElement.Clone();
    public XDocument Xml => XDocument.Parse(Text);

    /// <summary>The descriptions of an error answer (JSON).</summary>
    public IReadOnlyList<string> Errors => Json.EnumerateArray().Select(e => e.GetProperty("description").GetString()!).ToList();
}

/// <summary>Helpers for driving the Open311 API: clients from distinct addresses, keys, forms.</summary>
public static class Open311Kit
{
    private static int _address;

    /// <summary>
    /// A client without sign-in whose requests come from an address of its own (2001:db8::/32, documentation
    /// range), so the per-address limit of one test never meets another's.
    /// </summary>
    public static HttpClient Anonymous(WebApplicationFactory<Program> app, IPAddress? address = null)
    {
        var ip = address ?? IPAddress.Parse($"2001:db8::{Interlocked.Increment(ref _address):x}");
        return new HttpClient(app.Server.CreateHandler(c => c.Connection.RemoteIpAddress = ip)) { BaseAddress = app.Server.BaseAddress };
    }

    public static async Task<O311Answer> Get(this HttpClient client, string url)
    {
        var r = await client.GetAsync(url);
        return new O311Answer((int)r.StatusCode, r.Content.Headers.ContentType?.ToString(), await r.Content.ReadAsStringAsync(), r);
    }

    public static async Task<O311Answer> PostForm(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var r = await client.PostAsync(url, new FormUrlEncodedContent(fields));
        return new O311Answer((int)r.StatusCode, r.Content.Headers.ContentType?.ToString(), await r.Content.ReadAsStringAsync(), r);
    }

    public static KeyValuePair<string, string> F(string name, string value) => new(name, value);

    /// <summary>Issues a key (as the city administrator) for an API client account and an area; returns the key.</summary>
    public static async Task<string> IssueKey(GridGovApp app, string area = "510104", string userName = "open311.demo", string name = "天府市民云（测试）")
    {
        var admin = await app.ClientFor("city.admin");
        var (status, body) = await admin.PostJson("/api/open311/keys", new { name, areaCode = area, userName });
        Assert.True(status == 201, body.ToString());
        return body.GetProperty("key").GetString()!;
    }

    /// <summary>A valid bulky-waste pickup (1001) with every attribute answered, at a point.</summary>
    public static List<KeyValuePair<string, string>> BulkyWaste(string apiKey, double lon, double lat, string description = "小区门口有一组旧沙发需要清运") =>
    [
        F("api_key", apiKey), F("jurisdiction_id", "5101"), F("service_code", "1001"),
        F("lat", lat.ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
        F("long", lon.ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
        F("description", description),
        F("attribute[pickup_window]", "weekday_am"),
        F("attribute[item_types][]", "furniture"), F("attribute[item_types][]", "mattress"),
        F("attribute[item_count]", "3"),
        F("attribute[earliest_date]", "2026-06-01"),
        F("attribute[building]", "5栋2单元"),
        F("attribute[note]", "沙发较重\n需要两人搬运"),
    ];

    /// <summary>Files a request and returns its service_request_id.</summary>
    public static async Task<long> FileRequest(HttpClient client, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var r = await client.PostForm("/open311/v2/requests.json", fields);
        Assert.True(r.Status == 200, r.Text);
        return long.Parse(r.Json[0].GetProperty("service_request_id").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>One request as the API shows it (JSON), optionally with a key.</summary>
    public static async Task<JsonElement> Read(HttpClient client, long id, string? apiKey = null)
    {
        var r = await client.Get($"/open311/v2/requests/{id}.json" + (apiKey is null ? "" : $"?api_key={Uri.EscapeDataString(apiKey)}"));
        Assert.True(r.Status == 200, r.Text);
        return r.Json[0];
    }

    /// <summary>A point inside an area (its interior point), e.g. a micro-grid.</summary>
    public static async Task<(double Lon, double Lat)> PointIn(GridGovApp app, string code) => await Cases.CaseTestKit.PointIn(app, code);
}
