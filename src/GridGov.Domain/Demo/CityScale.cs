namespace GridGov.Domain.Demo;

/// <summary>How many grids the synthetic city gets, spread as evenly as possible over its communities.</summary>
public sealed record CityScale(string Name, int GeneralGrids, int MicroGrids, int DedicatedGrids)
{
    /// <summary>Chengdu's published counts (2023): 14,000 general, 119,000 micro and 11,000 dedicated grids.</summary>
    public static readonly CityScale Full = new("full", 14_000, 119_000, 11_000);

    /// <summary>The default demo: every real community, fewer grids, so first start-up stays quick.</summary>
    public static readonly CityScale Demo = new("demo", 6_094, 18_282, 3_047);

    public static CityScale? Parse(string? name) => name?.ToLowerInvariant() switch
    {
        "full" => Full,
        "demo" or null or "" => Demo,
        _ => null,
    };
}
