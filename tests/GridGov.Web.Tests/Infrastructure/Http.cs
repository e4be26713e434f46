using System.Net.Http.Json;
using System.Text.Json;

namespace GridGov.Web.Tests.Infrastructure;

public static class Http
{
    public static async Task<JsonElement> Json(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<(int Status, JsonElement Body)> GetJson(this HttpClient client, string url)
    {
        var r = await client.GetAsync(url);
        return ((int)r.StatusCode, await r.Json());
    }

    public static async Task<(int Status, JsonElement Body)> PostJson(this HttpClient client, string url, object body)
    {
        var r = await client.PostAsJsonAsync(url, body);
        return ((int)r.StatusCode, await r.Json());
    }

    public static async Task<(int Status, JsonElement Body)> PatchJson(this HttpClient client, string url, object body)
    {
        var r = await client.PatchAsJsonAsync(url, body);
        return ((int)r.StatusCode, await r.Json());
    }

    public static async Task<(int Status, JsonElement Body)> PutJson(this HttpClient client, string url, object body)
    {
        var r = await client.PutAsJsonAsync(url, body);
        return ((int)r.StatusCode, await r.Json());
    }
}
