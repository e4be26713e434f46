using System.Text.Json;
using GridGov.Web.Tests.Infrastructure;

namespace GridGov.Web.Tests.People;

/// <summary>What the verification tests share: houses in a micro-grid, a round over an area (closing an earlier one left open there).</summary>
internal static class VerificationRounds
{
    public const string Community = "510104017001";      // 水井坊社区
    public const string Grid = "51010401700101";          // its first grid
    public const string Micro = "5101040170010101";       // the first micro-grid: sjf.micro's
    public const string OtherMicro = "5101040170010102";  // the grid's second micro-grid (its own synthetic worker)

    public static string Today => DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    public static string InDays(int days) => DateTime.UtcNow.AddHours(8).AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A new building of <paramref name="houses"/> doors on one floor in <paramref name="area"/>; the houses' ids.</summary>
    public static async Task<List<long>> NewHouses(HttpClient secretary, string area, int houses = 2)
    {
        var (status, building) = await secretary.PostJson("/api/buildings", new
        {
            name = "核验楼" + Guid.NewGuid().ToString("N")[..6], areaCode = area, units = 1, floors = 1, housesPerFloor = houses,
        });
        Assert.Equal(201, status);
        return building.GetProperty("houses").EnumerateArray().Select(h => h.GetProperty("id").GetInt64()).ToList();
    }

    /// <summary>Opens a round over <paramref name="area"/> from today for a week, after closing any round still open over it.</summary>
    public static async Task<JsonElement> Open(HttpClient admin, string area, string name = "2026年第一轮人房核验")
    {
        var (_, rounds) = await admin.GetJson("/api/verification/rounds");
        foreach (var r in rounds.EnumerateArray().Where(r => r.GetProperty("closedAt").ValueKind == JsonValueKind.Null))
        {
            var other = r.GetProperty("area").GetString()!;
            if (other.StartsWith(area, StringComparison.Ordinal) || area.StartsWith(other, StringComparison.Ordinal))
                Assert.Equal(200, (await admin.PostJson($"/api/verification/rounds/{r.GetProperty("id").GetInt64()}/close", new { })).Status);
        }
        var (status, round) = await admin.PostJson("/api/verification/rounds", new { name, area, startsOn = Today, dueOn = InDays(7) });
        Assert.True(status == 201, round.ToString());
        return round;
    }

    /// <summary>The worker's item for a house, from "my houses".</summary>
    public static async Task<JsonElement?> MineFor(HttpClient worker, long houseId)
    {
        var (status, mine) = await worker.GetJson("/api/verification/mine");
        Assert.Equal(200, status);
        return mine.GetProperty("houses").EnumerateArray().Cast<JsonElement?>().FirstOrDefault(h => h!.Value.GetProperty("houseId").GetInt64() == houseId);
    }
}
