using NetTopologySuite.Geometries;
using NetTopologySuite.Triangulate;

namespace GridGov.Domain.Demo;

/// <summary>
/// Cuts a convex polygon into n convex cells: Voronoi cells of well-spread seeds, clipped to the parent.
/// A convex cell clipped to a convex parent stays convex, so every level nests exactly and recursion is safe.
/// </summary>
public static class ConvexPartition
{
    public static IReadOnlyList<Polygon> Split(Polygon parent, int n, Random rng, bool centreFirst = false)
    {
        if (n <= 0) return [];
        if (n == 1) return [(Polygon)parent.Copy()];
        var seeds = centreFirst ? SunflowerSeeds(parent, n) : BalancedSeeds(parent, n, rng);
        return Cells(parent, seeds);
    }

    private static IReadOnlyList<Polygon> Cells(Polygon parent, IReadOnlyList<Coordinate> seeds)
    {
        var builder = new VoronoiDiagramBuilder();
        builder.SetSites(seeds.ToArray());
        var env = new Envelope(parent.EnvelopeInternal);
        env.ExpandBy(env.Width + env.Height);
        builder.ClipEnvelope = env;
        var diagram = builder.GetDiagram(parent.Factory);

        var bySite = new Dictionary<Coordinate, Polygon>();
        for (var i = 0; i < diagram.NumGeometries; i++)
        {
            var cell = (Polygon)diagram.GetGeometryN(i);
            bySite[(Coordinate)cell.UserData] = cell;
        }
        var result = new List<Polygon>(seeds.Count);
        foreach (var seed in seeds)
        {
            var clipped = bySite[seed].Intersection(parent);
            result.Add(LargestPolygon(clipped));
        }
        return result;
    }

    private static Polygon LargestPolygon(Geometry g)
    {
        if (g is Polygon p) return p;
        Polygon? best = null;
        for (var i = 0; i < g.NumGeometries; i++)
            if (g.GetGeometryN(i) is Polygon q && (best is null || q.Area > best.Area)) best = q;
        return best ?? throw new InvalidOperationException("Voronoi cell vanished after clipping");
    }

    /// <summary>Sunflower spiral: seed i lies further out than seed i-1, so the first children sit in the middle.</summary>
    private static IReadOnlyList<Coordinate> SunflowerSeeds(Polygon parent, int n)
    {
        var c = parent.Centroid.Coordinate;
        var env = parent.EnvelopeInternal;
        var golden = Math.PI * (3 - Math.Sqrt(5));
        var seeds = new List<Coordinate>(n);
        var scale = 0.45;
        while (seeds.Count < n)
        {
            seeds.Clear();
            for (var i = 0; i < n; i++)
            {
                var r = scale * Math.Sqrt((i + 0.5) / n);
                var a = i * golden;
                var p = new Coordinate(c.X + r * env.Width * Math.Cos(a), c.Y + r * env.Height * Math.Sin(a));
                if (parent.Contains(parent.Factory.CreatePoint(p))) seeds.Add(p);
            }
            scale *= 0.9; // shrink until every seed falls inside the parent
        }
        return seeds;
    }

    /// <summary>A few rounds of k-means over random interior samples: seeds spread so cells have similar areas.</summary>
    private static IReadOnlyList<Coordinate> BalancedSeeds(Polygon parent, int n, Random rng)
    {
        var samples = SampleInside(parent, Math.Max(24 * n, 64), rng);
        var centres = samples.Take(n).Select(s => new Coordinate(s)).ToArray();
        var sumX = new double[n];
        var sumY = new double[n];
        var counts = new int[n];
        for (var round = 0; round < 5; round++)
        {
            Array.Clear(sumX); Array.Clear(sumY); Array.Clear(counts);
            foreach (var s in samples)
            {
                var best = 0;
                var bestD = double.MaxValue;
                for (var k = 0; k < n; k++)
                {
                    var dx = s.X - centres[k].X;
                    var dy = s.Y - centres[k].Y;
                    var d = dx * dx + dy * dy;
                    if (d < bestD) { bestD = d; best = k; }
                }
                sumX[best] += s.X; sumY[best] += s.Y; counts[best]++;
            }
            for (var k = 0; k < n; k++)
                if (counts[k] > 0) centres[k] = new Coordinate(sumX[k] / counts[k], sumY[k] / counts[k]);
        }
        // Voronoi needs distinct sites; an empty cluster keeps its start sample, which is distinct from the rest.
        var distinct = new HashSet<Coordinate>();
        for (var k = 0; k < n; k++)
            while (!distinct.Add(centres[k]))
                centres[k] = samples[rng.Next(samples.Count)].Copy();
        return centres;
    }

    public static List<Coordinate> SampleInside(Polygon parent, int count, Random rng)
    {
        var env = parent.EnvelopeInternal;
        var prepared = NetTopologySuite.Geometries.Prepared.PreparedGeometryFactory.Prepare(parent);
        var result = new List<Coordinate>(count);
        var guard = 0;
        while (result.Count < count && guard++ < count * 200)
        {
            var p = new Coordinate(env.MinX + rng.NextDouble() * env.Width, env.MinY + rng.NextDouble() * env.Height);
            if (prepared.Contains(parent.Factory.CreatePoint(p))) result.Add(p);
        }
        if (result.Count == 0) result.Add(parent.InteriorPoint.Coordinate.Copy());
        return result;
    }
}
