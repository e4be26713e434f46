namespace GridGov.Domain.Demo;

/// <summary>How many grids the synthetic city gets, spread as evenly as possible over its communities.</summary>
public sealed record CityScale(string Name, int GeneralGrids, int MicroGrids, int DedicatedGrids)
{
    /// <summary>Chengdu's published counts (2023): 14,000 general, 119,000 micro and 11,000 dedicated grids.</summary>
    public static readonly CityScale Full = new("full", 14_000, 119_000, 11_000);

    /// <summary>The default demo: every real community, fewer grids, so first start-up stays quick.</summary>
    public static readonly CityScale Demo = new("demo", 6_094, 18_282, 3_047);

    /// <summary>"demo", "full", or explicit totals "general/micro/dedicated" (e.g. "120/480/40" for tests).</summary>
    public static CityScale? Parse(string? name)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "full": return Full;
            case "demo" or null or "": return Demo;
        }
        var parts = name!.Split('/');
        return parts.Length == 3 && parts.All(p => int.TryParse(p, out var n) && n >= 0)
            ? new CityScale(name, int.Parse(parts[0]), int.Parse(parts[1]), int.Parse(parts[2]))
            : null;
    }
}
