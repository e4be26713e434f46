using System.Net.Http.Headers;
using System.Text.Json;
using GridGov.Web.Tests.Infrastructure;

namespace GridGov.Web.Tests.Residents;

/// <summary>Drives the resident channel over HTTP: codes, sign-up, sign-in, reports.</summary>
public static class ResidentKit
{
    public const string Password = "juminmima2026";
    private static long _phone = 13_900_000_000 + Random.Shared.Next(0, 90_000_000);

    /// <summary>A mobile number no other test uses.</summary>
    public static string NewPhone() => Interlocked.Increment(ref _phone).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<string> SendCode(HttpClient client, string phone, string purpose = "signup")
    {
        var (status, body) = await client.PostJson("/api/resident/codes", new { phone, purpose });
        Assert.True(status == 200, body.ToString());
        return body.GetProperty("demoCode").GetString()!;
    }

    /// <summary>Signs up a new resident and returns a client signed in with a bearer token, and the number.</summary>
    public static async Task<(HttpClient Client, string Phone)> NewResident(GridGovApp app, string? nickname = null)
    {
        var phone = NewPhone();
        var anon = Open311.Open311Kit.Anonymous(app);
        var code = await SendCode(anon, phone);
        var (status, body) = await anon.PostJson("/api/resident/signup", new { consent = true, phone, code, password = Password, nickname });
        Assert.True(status == 201, body.ToString());
        return (await SignIn(app, phone, Password), phone);
    }

    public static async Task<HttpClient> SignIn(GridGovApp app, string phone, string password)
    {
        var client = Open311.Open311Kit.Anonymous(app);
        var (status, body) = await client.PostJson("/api/resident/login", new { phone, password });
        Assert.True(status == 200, body.ToString());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>A bulky-waste pickup (1001) with every required answer, pinned at the point.</summary>
    public static object BulkyWaste(double lon, double lat, string? key = null) => new
    {
        serviceCode = "1001", description = "旧沙发一组，放在3栋楼下", lon, lat, addressText = "水井坊小区3栋",
        attributes = new Dictionary<string, string[]>
        {
            ["pickup_window"] = ["weekend"], ["item_types"] = ["furniture", "mattress"], ["item_count"] = ["2"],
        },
        idempotencyKey = key,
    };

    public static async Task<JsonElement> File(HttpClient client, object report)
    {
        var (status, body) = await client.PostJson("/api/resident/reports", report);
        Assert.True(status is 200 or 201, body.ToString());
        return body;
    }
}
