using GridGov.Domain.Areas;
using NetTopologySuite.Geometries;

namespace GridGov.Domain.Boundaries;

/// <summary>What the validator needs to know about areas already stored (supplied by the caller, no I/O here).</summary>
public interface IExistingBoundaries
{
    bool Exists(string code);

    /// <summary>The stored boundary, or null when the area has none (or does not exist).</summary>
    Geometry? BoundaryOf(string code);

    /// <summary>Stored direct children of <paramref name="parentCode"/> with their boundaries.</summary>
    IEnumerable<(string Code, AreaKind Kind, Geometry Boundary)> ChildrenOf(string parentCode);
}
