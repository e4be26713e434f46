using GridGov.Domain.Geo;
using NetTopologySuite.Geometries;

namespace GridGov.Domain.Demo;

/// <summary>
/// Cuts any area — concave, holed or in several parts (a district with exclaves) — into pieces whose areas follow
/// weights: power-diagram cells fitted to evenly spread samples of the area (<see cref="PowerCells"/>), each clipped
/// to it (<see cref="CellCutter"/>).
/// A clipped cell keeps every piece, so the children tile the parent whatever its shape; a child can therefore be a
/// MultiPolygon (a cell reaching across a bay, or an exclave no seed fell in). Vertices are on the
/// <see cref="BoundaryGrid"/>, so siblings share their edges exactly.
/// </summary>
public static class AreaPartition
{
    /// <summary>Evenly spread samples per piece: enough to fit areas to their weights within about 10%.</summary>
    private const int SamplesPerPiece = 48;

    public static IReadOnlyList<Geometry> Split(Geometry parent, int n, Random rng) =>
        Split(parent, Enumerable.Repeat(1.0, n).ToArray(), rng);

    public static IReadOnlyList<Geometry> Split(Geometry parent, IReadOnlyList<double> weights, Random rng)
    {
        var n = weights.Count;
        if (n == 0) return [];
        if (weights.Any(w => !(w > 0))) throw new ArgumentException("weights must be positive", nameof(weights));
        if (n == 1) return [parent.Copy()];

        var frame = new LocalFrame(parent.EnvelopeInternal);
        var count = Math.Max(SamplesPerPiece * n, 4 * SamplesPerPiece);
        var samples = Distinct(SampleInside(parent, new PolygonRings(parent), count, rng))
            .Select(frame.ToLocal).ToArray();
        if (samples.Length < n) throw new InvalidOperationException($"cannot cut an area into {n}: too few samples");
        var cutter = new CellCutter(parent, frame);
        // Rarely a fitted site ends up owning nothing inside the parent; plain Voronoi cells of samples cannot.
        return cutter.Pieces(PowerCells.Fit(samples, weights, parent.Area * frame.Scale))
               ?? cutter.Pieces(PowerCells.AtSamples(samples, n))
               ?? throw new InvalidOperationException($"cannot cut an area into {n} non-empty pieces");
    }

    private static IEnumerable<Coordinate> Distinct(List<Coordinate> points)
    {
        var seen = new HashSet<Coordinate>();
        return points.Where(seen.Add);
    }

    /// <summary>
    /// About <paramref name="count"/> points spread evenly over the area, in random order: one random point in each
    /// cell of a grid over its envelope, kept when inside. Far more even than independent random points, so a few
    /// hundred samples measure a cell's share of the area to a few per cent.
    /// </summary>
    public static List<Coordinate> SampleInside(Geometry parent, int count, Random rng) =>
        SampleInside(parent, new PolygonRings(parent), count, rng);

    private static List<Coordinate> SampleInside(Geometry parent, PolygonRings rings, int count, Random rng)
    {
        var env = parent.EnvelopeInternal;
        var side = Math.Sqrt(parent.Area / count);
        var (nx, ny) = ((int)Math.Ceiling(env.Width / side), (int)Math.Ceiling(env.Height / side));
        var result = new List<Coordinate>(count + count / 4);
        for (var i = 0; i < nx; i++)
            for (var j = 0; j < ny; j++)
            {
                var (x, y) = (env.MinX + (i + rng.NextDouble()) * side, env.MinY + (j + rng.NextDouble()) * side);
                if (rings.Contains(x, y)) result.Add(new Coordinate(x, y));
            }
        for (var i = result.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (result[i], result[j]) = (result[j], result[i]);
        }
        if (result.Count == 0) result.Add(parent.InteriorPoint.Coordinate.Copy());
        return result;
    }

    /// <summary>One uniform random point inside the area (rejection sampling in its envelope).</summary>
    public static Coordinate PointInside(Geometry parent, Random rng)
    {
        var env = parent.EnvelopeInternal;
        for (var attempt = 0; attempt < 10_000; attempt++)
        {
            var p = new Coordinate(env.MinX + rng.NextDouble() * env.Width, env.MinY + rng.NextDouble() * env.Height);
            if (parent.Contains(parent.Factory.CreatePoint(p))) return p;
        }
        return parent.InteriorPoint.Coordinate.Copy();
    }
}
