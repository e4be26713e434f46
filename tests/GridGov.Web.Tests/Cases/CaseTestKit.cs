using System.Net.Http.Headers;
using System.Text.Json;
using GridGov.Web.Tests.Infrastructure;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace GridGov.Web.Tests.Cases;

/// <summary>Small helpers for driving the case loop over HTTP.</summary>
public static class CaseTestKit
{
    /// <summary>A point inside micro-grid 5101040170010101 (水井坊社区第1网格第1微网格).</summary>
    public static async Task<(double Lon, double Lat)> PointIn(GridGovApp app, string code = "5101040170010101")
    {
        await using var db = app.Db();
        var area = db.Areas.Single(a => a.Code == code);
        var p = GridGov.Data.Seeding.AreaRows.Shape(area.Boundary)!.InteriorPoint;
        return (p.X, p.Y);
    }

    public static byte[] Png(int w = 64, int h = 48)
    {
        using var image = new Image<Rgba32>(w, h, new Rgba32(200, 80, 40));
        using var ms = new MemoryStream();
        image.SaveAsPng(ms);
        return ms.ToArray();
    }

    public static async Task<Guid> UploadPhoto(HttpClient client, byte[]? bytes = null)
    {
        var content = new ByteArrayContent(bytes ?? Png());
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        var response = await client.PostAsync("/api/photos", content);
        var body = await response.Json();
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body.GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> Report(HttpClient client, double lon, double lat, string category = "0101",
        string? key = null, bool selfResolve = false, Guid[]? photos = null)
    {
        var (status, body) = await client.PostJson("/api/cases", new
        {
            categoryCode = category, description = "路边有暴露垃圾，影响通行", lon, lat, source = "patrol",
            addressText = "水井坊街道口", idempotencyKey = key, selfResolve, photoIds = photos ?? [],
        });
        Assert.True(status is 200 or 201, body.ToString());
        return body.GetProperty("case");
    }

    public static async Task<(int Status, JsonElement Body)> Act(HttpClient client, long id, string action, object? extra = null)
    {
        var (_, current) = await client.GetJson($"/api/cases/{id}");
        var version = current.TryGetProperty("case", out var c) ? c.GetProperty("version").GetInt32() : 0;
        var body = JsonSerializer.SerializeToElement(extra ?? new { });
        var merged = new Dictionary<string, object?> { ["version"] = version };
        foreach (var p in body.EnumerateObject()) merged[p.Name] = p.Value;
        return await client.PostJson($"/api/cases/{id}/actions/{action}", merged);
    }

    public static async Task<long> UserId(HttpClient client)
    {
        var (_, me) = await client.GetJson("/api/auth/me");
        return me.GetProperty("id").GetInt64();
    }
}
