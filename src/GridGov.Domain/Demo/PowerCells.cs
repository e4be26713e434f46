namespace GridGov.Domain.Demo;

/// <summary>
/// A power diagram in a flat local frame: site k owns the points where |x − c_k|² − p_k is least. Raising p_k grows
/// cell k, so unlike plain Voronoi cells the areas can be fitted to weights. Every cell is convex.
/// </summary>
internal sealed class PowerCells
{
    private const int LloydRounds = 2;
    private const int PowerRounds = 8;
    private const double Tolerance = 0.05;

    private readonly double[] _x;
    private readonly double[] _y;
    private readonly double[] _power;

    private PowerCells(double[] x, double[] y, double[] power) => (_x, _y, _power) = (x, y, power);

    public int Count => _x.Length;

    /// <summary>
    /// Fits sites to samples of the parent (spread evenly, in random order): a few Lloyd rounds, each moving a site to
    /// the mean of the samples it owns, and before each and at the end the powers fitted with the sites held still
    /// (a cell short of its share of samples gains power, and a disc grows by π·Δp), so the cells end up close to
    /// their weights. Starts from the first n samples.
    /// </summary>
    public static PowerCells Fit((double X, double Y)[] samples, IReadOnlyList<double> weights, double area)
    {
        var n = weights.Count;
        var cells = new PowerCells(new double[n], new double[n], new double[n]);
        for (var k = 0; k < n; k++) (cells._x[k], cells._y[k]) = samples[k];
        var total = weights.Sum();
        var targets = weights.Select(w => w / total * samples.Length).ToArray();
        var step = area / samples.Length / Math.PI;
        var sumX = new double[n];
        var sumY = new double[n];
        var counts = new int[n];
        for (var round = 0; ; round++)
        {
            for (var i = 0; i < PowerRounds; i++)
            {
                cells.Assign(samples, sumX, sumY, counts);
                if (Fits(counts, targets)) break;
                for (var k = 0; k < n; k++) cells._power[k] += step * (targets[k] - counts[k]);
            }
            if (round == LloydRounds) return cells;
            // The sums of the last assignment: after a last power step they are slightly stale, which a move tolerates.
            for (var k = 0; k < n; k++)
                if (counts[k] > 0) (cells._x[k], cells._y[k]) = (sumX[k] / counts[k], sumY[k] / counts[k]);
        }
    }

    private static bool Fits(int[] counts, double[] targets)
    {
        for (var k = 0; k < counts.Length; k++)
            if (Math.Abs(counts[k] - targets[k]) > Math.Max(1, Tolerance * targets[k])) return false;
        return true;
    }

    private void Assign((double X, double Y)[] samples, double[] sumX, double[] sumY, int[] counts)
    {
        Array.Clear(sumX); Array.Clear(sumY); Array.Clear(counts);
        foreach (var (px, py) in samples)
        {
            var k = Owner(px, py);
            sumX[k] += px; sumY[k] += py; counts[k]++;
        }
    }

    /// <summary>Plain Voronoi cells of the first n samples: each owns its own sample, so none is empty.</summary>
    public static PowerCells AtSamples((double X, double Y)[] samples, int n) =>
        new(samples.Take(n).Select(s => s.X).ToArray(), samples.Take(n).Select(s => s.Y).ToArray(), new double[n]);

    public int Owner(double px, double py)
    {
        var best = 0;
        var bestD = double.MaxValue;
        for (var k = 0; k < _x.Length; k++)
        {
            var dx = px - _x[k];
            var dy = py - _y[k];
            var d = dx * dx + dy * dy - _power[k];
            if (d < bestD) { bestD = d; best = k; }
        }
        return best;
    }

    /// <summary>
    /// The part of a convex ring (not closed) that site k owns: a convex ring, empty when it owns nothing there.
    /// Each pair's boundary is computed once, in one orientation, and negated for the other site, so that two
    /// neighbours cutting the same edge of the ring cut it at the same point.
    /// </summary>
    public List<(double X, double Y)> Clip(int k, List<(double X, double Y)> ring)
    {
        for (var j = 0; j < _x.Length && ring.Count > 0; j++)
        {
            if (j == k) continue;
            var (lo, hi) = k < j ? (k, j) : (j, k);
            // |v − c_lo|² − p_lo ≤ |v − c_hi|² − p_hi  ⇔  a·v ≤ b
            var ax = 2 * (_x[hi] - _x[lo]);
            var ay = 2 * (_y[hi] - _y[lo]);
            var b = _x[hi] * _x[hi] + _y[hi] * _y[hi] - _power[hi] - (_x[lo] * _x[lo] + _y[lo] * _y[lo] - _power[lo]);
            ring = k == lo ? ClipHalfPlane(ring, ax, ay, b) : ClipHalfPlane(ring, -ax, -ay, -b);
        }
        return ring;
    }

    /// <summary>Sutherland–Hodgman against one half-plane a·v ≤ b.</summary>
    private static List<(double X, double Y)> ClipHalfPlane(
        List<(double X, double Y)> ring, double ax, double ay, double b)
    {
        var result = new List<(double X, double Y)>(ring.Count + 1);
        for (var i = 0; i < ring.Count; i++)
        {
            var cur = ring[i];
            var next = ring[(i + 1) % ring.Count];
            var fc = ax * cur.X + ay * cur.Y - b;
            var fn = ax * next.X + ay * next.Y - b;
            if (fc <= 0) result.Add(cur);
            if ((fc < 0 && fn > 0) || (fc > 0 && fn < 0))
            {
                var t = fc / (fc - fn);
                result.Add((cur.X + t * (next.X - cur.X), cur.Y + t * (next.Y - cur.Y)));
            }
        }
        return result;
    }
}
