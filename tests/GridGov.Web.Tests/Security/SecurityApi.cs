using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GridGov.Web.Tests.Infrastructure;

namespace GridGov.Web.Tests.Security;

/// <summary>Small helpers shared by the security tests: raw calls as a demo user (or anonymous), ids, ID numbers.</summary>
internal static class SecurityApi
{
    /// <summary>A client for the demo account, or an anonymous one when <paramref name="user"/> is null.</summary>
    public static async Task<HttpClient> Client(this GridGovApp app, string? user) =>
        user is null ? app.CreateClient() : await app.ClientFor(user);

    /// <summary>Sends a request with an optional JSON body; returns the status and the raw response text.</summary>
    public static async Task<(int Status, string Text)> Send(this HttpClient client, string method, string url, string? json = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task<(int Status, string Text)> GetText(this HttpClient client, string url) => await client.Send("GET", url);

    /// <summary>The account id of a demo user, as its own GET /api/auth/me reports it.</summary>
    public static async Task<long> UserId(this GridGovApp app, string user)
    {
        var (status, me) = await (await app.ClientFor(user)).GetJson("/api/auth/me");
        Assert.Equal(200, status);
        return me.GetProperty("id").GetInt64();
    }

    /// <summary>Registers a staff member as <paramref name="user"/> and returns the new id.</summary>
    public static async Task<long> CreateStaffMember(this GridGovApp app, string user, string name, string area, string? phone, string? idNumber)
    {
        var (status, body) = await (await app.ClientFor(user)).PostJson("/api/staff", new { name, areaCode = area, phone, idNumber });
        Assert.True(status == 201, $"creating {name}: {status} {body}");
        return body.GetProperty("id").GetInt64();
    }

    public static async Task<JsonElement> PostOk(this HttpClient client, string url, object body, int expected = 201)
    {
        var response = await client.PostAsJsonAsync(url, body);
        var json = await response.Json();
        Assert.True((int)response.StatusCode == expected, $"POST {url}: {(int)response.StatusCode} {json}");
        return json;
    }
}

/// <summary>Resident ID numbers (GB 11643-1999) with a correct ISO 7064 MOD 11-2 check character.</summary>
internal static class IdCard
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    public static string WithCheckCharacter(string first17)
    {
        Assert.Equal(17, first17.Length);
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return first17 + "10X98765432"[sum % 11];
    }

    /// <summary>How the API shows it: region kept, birth date and sequence hidden, last four kept.</summary>
    public static string Masked(string id) => id[..4] + new string('*', id.Length - 8) + id[^4..];
}
