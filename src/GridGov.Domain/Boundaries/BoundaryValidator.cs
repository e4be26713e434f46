using GridGov.Domain.Areas;
using GridGov.Domain.Geo;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace GridGov.Domain.Boundaries;

/// <summary>
/// Checks a set of imported boundaries against each other and against what is stored: known parents, children
/// inside parents, no overlap between siblings of the same kind beyond a tolerance. Every problem is reported,
/// so one round trip tells the user everything to fix.
/// </summary>
public static class BoundaryValidator
{
    /// <param name="toleranceSquareMeters">Overlap or overhang smaller than this is floating-point noise, not an error.</param>
    public static List<BoundaryProblem> Validate(
        IReadOnlyList<BoundaryFeature> features, IExistingBoundaries existing, double toleranceSquareMeters = 1.0)
    {
        var problems = new List<BoundaryProblem>();
        var byCode = new Dictionary<string, BoundaryFeature>(StringComparer.Ordinal);
        foreach (var f in features)
        {
            if (!byCode.TryAdd(f.Code, f))
                problems.Add(new BoundaryProblem(f.Index, f.Code, $"duplicate code: also used by feature {byCode[f.Code].Index}"));
        }

        Geometry? ParentShape(string parent) =>
            byCode.TryGetValue(parent, out var pf) ? pf.Geometry : existing.BoundaryOf(parent);

        foreach (var f in features)
        {
            if (f.ParentCode is null) continue;
            var parentKnown = byCode.ContainsKey(f.ParentCode) || existing.Exists(f.ParentCode);
            if (!parentKnown)
            {
                problems.Add(new BoundaryProblem(f.Index, f.Code, $"unknown parent code '{f.ParentCode}'"));
                continue;
            }
            // A dedicated grid lies in its community like any grid; its parent is the community by code.
            var parentShape = ParentShape(f.ParentCode);
            if (parentShape is not null && Overhang(f.Geometry, parentShape) is var outside && outside > toleranceSquareMeters)
                problems.Add(new BoundaryProblem(f.Index, f.Code,
                    $"lies partly outside its parent '{f.ParentCode}' ({outside:0} m² outside)"));
        }

        // Siblings: the imported ones plus the stored ones that the import does not replace.
        foreach (var group in features.Where(f => f.ParentCode is not null).GroupBy(f => (f.ParentCode!, f.Kind)))
        {
            var siblings = group.Select(f => (f.Code, Geometry: f.Geometry, Feature: (BoundaryFeature?)f)).ToList();
            foreach (var (code, kind, boundary) in existing.ChildrenOf(group.Key.Item1))
                if (kind == group.Key.Kind && !byCode.ContainsKey(code)) siblings.Add((code, boundary, null));
            CheckOverlaps(siblings, toleranceSquareMeters, problems);
        }

        // A replaced parent must still hold the stored children that the import leaves alone.
        foreach (var f in features)
        {
            foreach (var (code, _, boundary) in existing.ChildrenOf(f.Code))
            {
                if (byCode.ContainsKey(code)) continue;
                var outside = Overhang(boundary, f.Geometry);
                if (outside > toleranceSquareMeters)
                    problems.Add(new BoundaryProblem(f.Index, f.Code,
                        $"the new boundary leaves {outside:0} m² of its stored child '{code}' outside; import the child too"));
            }
        }
        problems.Sort((a, b) => (a.FeatureIndex ?? -1).CompareTo(b.FeatureIndex ?? -1));
        return problems;
    }

    private static void CheckOverlaps(
        List<(string Code, Geometry Geometry, BoundaryFeature? Feature)> siblings, double tolerance, List<BoundaryProblem> problems)
    {
        for (var i = 0; i < siblings.Count; i++)
        {
            var a = siblings[i];
            IPreparedGeometry? prepared = null;
            for (var j = i + 1; j < siblings.Count; j++)
            {
                var b = siblings[j];
                if (a.Feature is null && b.Feature is null) continue; // both stored: not this import's business
                if (!a.Geometry.EnvelopeInternal.Intersects(b.Geometry.EnvelopeInternal)) continue;
                prepared ??= PreparedGeometryFactory.Prepare(a.Geometry);
                if (!prepared.Intersects(b.Geometry)) continue;
                var shared = SquareMeters(a.Geometry.Intersection(b.Geometry));
                if (shared <= tolerance) continue;
                // Both sides hear about it when both are in the file: either may be the one to fix.
                foreach (var (self, other) in new[] { (a, b), (b, a) })
                {
                    if (self.Feature is null) continue;
                    var otherLabel = other.Feature is null ? $"stored area '{other.Code}'" : $"feature {other.Feature.Index} ({other.Code})";
                    problems.Add(new BoundaryProblem(self.Feature.Index, self.Code, $"overlaps {otherLabel} by {shared:0} m²"));
                }
            }
        }
    }

    /// <summary>Area of <paramref name="child"/> that lies outside <paramref name="parent"/>, in m².</summary>
    private static double Overhang(Geometry child, Geometry parent)
    {
        if (parent.Covers(child)) return 0;
        return SquareMeters(child.Difference(parent));
    }

    private static double SquareMeters(Geometry g) =>
        g.IsEmpty ? 0 : GeoMath.DegreeAreaToSquareMeters(g.Area, g.EnvelopeInternal.Centre.Y);
}
