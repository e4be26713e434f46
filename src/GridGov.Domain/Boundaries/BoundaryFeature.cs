using GridGov.Domain.Areas;
using NetTopologySuite.Geometries;

namespace GridGov.Domain.Boundaries;

/// <summary>One feature of an imported FeatureCollection, with its position in the file for error reports.</summary>
public sealed record BoundaryFeature(
    int Index, string Code, string Name, AreaKind Kind, string? ParentCode, Geometry Geometry,
    bool Synthetic, string? DedicatedType);

/// <summary>A reason an import is refused. FeatureIndex is null for problems with the file as a whole.</summary>
public sealed record BoundaryProblem(int? FeatureIndex, string? Code, string Reason)
{
    public override string ToString() =>
        FeatureIndex is null ? Reason : $"feature {FeatureIndex}{(Code is null ? "" : $" ({Code})")}: {Reason}";
}
