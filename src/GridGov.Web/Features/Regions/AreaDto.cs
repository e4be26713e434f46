using GridGov.Data.Entities;
using GridGov.Domain.Areas;

namespace GridGov.Web.Features.Regions;

/// <summary>An area as the API shows it. Synthetic boundaries say so.</summary>
public sealed record AreaDto(
    string Code, string Kind, string KindLabel, string Name, string? ParentCode, string? DistrictCode,
    bool HasBoundary, bool Synthetic, string? DedicatedType, double[]? Bbox)
{
    public static AreaDto From(Area a) => new(
        a.Code, a.Kind.ToWire(), a.Kind.ToChinese(), a.Name, a.ParentCode, a.DistrictCode,
        a.Boundary is not null, a.Synthetic, a.DedicatedType,
        a.MinLon is null ? null : [a.MinLon.Value, a.MinLat!.Value, a.MaxLon!.Value, a.MaxLat!.Value]);
}

public sealed record AreaWithChildren(AreaDto Area, IReadOnlyList<AreaDto> Children);
