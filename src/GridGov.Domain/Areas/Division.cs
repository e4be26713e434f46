namespace GridGov.Domain.Areas;

/// <summary>A row of the national statistics division codes (city, district, street or community).</summary>
public sealed record Division(string Code, string Name, AreaKind Kind, string? ParentCode);
