using NetTopologySuite.Geometries;

namespace GridGov.Domain.Areas;

/// <summary>An area with its boundary, as produced by the demo generator or an import, before it is stored.</summary>
public sealed record AreaDraft(
    string Code,
    AreaKind Kind,
    string Name,
    string? ParentCode,
    Geometry? Boundary,
    bool Synthetic,
    string? DedicatedType = null);
