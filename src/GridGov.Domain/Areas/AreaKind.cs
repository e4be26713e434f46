namespace GridGov.Domain.Areas;

/// <summary>The levels of the area tree, from the whole city down to one micro-grid.</summary>
public enum AreaKind
{
    City = 0,
    District = 1,
    Street = 2,
    Community = 3,
    GeneralGrid = 4,
    MicroGrid = 5,
    DedicatedGrid = 6,
}

public static class AreaKinds
{
    /// <summary>Wire names used in the API and in GeoJSON properties.</summary>
    public static string ToWire(this AreaKind kind) => kind switch
    {
        AreaKind.City => "city",
        AreaKind.District => "district",
        AreaKind.Street => "street",
        AreaKind.Community => "community",
        AreaKind.GeneralGrid => "grid",
        AreaKind.MicroGrid => "micro",
        AreaKind.DedicatedGrid => "dedicated",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static bool TryParseWire(string? text, out AreaKind kind)
    {
        kind = text?.Trim().ToLowerInvariant() switch
        {
            "city" => AreaKind.City,
            "district" => AreaKind.District,
            "street" => AreaKind.Street,
            "community" => AreaKind.Community,
            "grid" or "general" => AreaKind.GeneralGrid,
            "micro" or "microgrid" => AreaKind.MicroGrid,
            "dedicated" => AreaKind.DedicatedGrid,
            _ => (AreaKind)(-1),
        };
        return (int)kind >= 0;
    }

    public static bool IsGrid(this AreaKind kind) =>
        kind is AreaKind.GeneralGrid or AreaKind.MicroGrid or AreaKind.DedicatedGrid;

    /// <summary>Chinese label as users see it.</summary>
    public static string ToChinese(this AreaKind kind) => kind switch
    {
        AreaKind.City => "市",
        AreaKind.District => "区(市)县",
        AreaKind.Street => "街道(镇)",
        AreaKind.Community => "社区(村)",
        AreaKind.GeneralGrid => "一般网格",
        AreaKind.MicroGrid => "微网格",
        AreaKind.DedicatedGrid => "专属网格",
        _ => kind.ToString(),
    };
}
