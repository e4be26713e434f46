using NetTopologySuite.Geometries;

namespace GridGov.Domain.Geo;

/// <summary>
/// A uniform grid of buckets over the items' extent, each bucket listing the items whose envelope overlaps it
/// (compressed-row arrays, no per-query allocation). For a tiling of similar-sized polygons a point query touches
/// one bucket and a handful of candidates, which beats a tree walk by a wide margin.
/// </summary>
public sealed class BucketGrid<T>
{
    private readonly T[] _items;
    private readonly PolygonRings[] _shapes;
    private readonly int[] _bucketStart;
    private readonly int[] _members;
    private readonly double _minX, _minY, _cellW, _cellH;
    private readonly int _cols, _rows;

    public int Count => _items.Length;

    public BucketGrid(IReadOnlyList<(T Item, PolygonRings Shape)> entries)
    {
        _items = entries.Select(e => e.Item).ToArray();
        _shapes = entries.Select(e => e.Shape).ToArray();
        var extent = new Envelope();
        foreach (var s in _shapes) extent.ExpandToInclude(s.Envelope);
        if (_items.Length == 0 || extent.IsNull)
        {
            _bucketStart = [0, 0];
            _members = [];
            _cols = _rows = 1;
            _cellW = _cellH = 1;
            return;
        }
        // About one bucket per item keeps candidate lists short without wasting memory.
        var aspect = Math.Max(extent.Width, 1e-9) / Math.Max(extent.Height, 1e-9);
        _cols = Math.Clamp((int)Math.Ceiling(Math.Sqrt(_items.Length * aspect)), 1, 4096);
        _rows = Math.Clamp((int)Math.Ceiling((double)_items.Length / _cols), 1, 4096);
        _minX = extent.MinX;
        _minY = extent.MinY;
        _cellW = Math.Max(extent.Width, 1e-9) / _cols;
        _cellH = Math.Max(extent.Height, 1e-9) / _rows;

        var counts = new int[_cols * _rows + 1];
        ForEachBucket((_, b) => counts[b + 1]++);
        for (var b = 1; b < counts.Length; b++) counts[b] += counts[b - 1];
        _bucketStart = counts;
        _members = new int[counts[^1]];
        var fill = (int[])counts.Clone();
        ForEachBucket((i, b) => _members[fill[b]++] = i);
    }

    private void ForEachBucket(Action<int, int> visit)
    {
        for (var i = 0; i < _shapes.Length; i++)
        {
            var e = _shapes[i].Envelope;
            var c0 = Col(e.MinX); var c1 = Col(e.MaxX);
            var r0 = Row(e.MinY); var r1 = Row(e.MaxY);
            for (var r = r0; r <= r1; r++)
                for (var c = c0; c <= c1; c++)
                    visit(i, r * _cols + c);
        }
    }

    private int Col(double x) => Math.Clamp((int)((x - _minX) / _cellW), 0, _cols - 1);
    private int Row(double y) => Math.Clamp((int)((y - _minY) / _cellH), 0, _rows - 1);

    /// <summary>Calls <paramref name="hit"/> for every item whose polygon contains the point.</summary>
    public void Containing<TState>(double x, double y, ref TState state, ContainingVisitor<T, TState> hit)
    {
        if (_members.Length == 0) return;
        var col = (int)Math.Floor((x - _minX) / _cellW);
        var row = (int)Math.Floor((y - _minY) / _cellH);
        if ((uint)col >= (uint)_cols || (uint)row >= (uint)_rows) return;
        var bucket = row * _cols + col;
        for (var k = _bucketStart[bucket]; k < _bucketStart[bucket + 1]; k++)
        {
            var i = _members[k];
            if (_shapes[i].Contains(x, y)) hit(_items[i], ref state);
        }
    }

    /// <summary>
    /// The lowest-ordered item containing the point; failing that, the lowest-ordered item whose boundary passes
    /// within <paramref name="edgeTolerance"/> degrees of it (points exactly on an edge); else default.
    /// </summary>
    public T? First(double x, double y, IComparer<T> order, double edgeTolerance = 1e-9)
    {
        if (_members.Length == 0) return default;
        var col = (int)Math.Floor((x - _minX) / _cellW);
        var row = (int)Math.Floor((y - _minY) / _cellH);
        if ((uint)col >= (uint)_cols || (uint)row >= (uint)_rows) return default;
        var bucket = row * _cols + col;
        T? best = default;
        var found = false;
        for (var k = _bucketStart[bucket]; k < _bucketStart[bucket + 1]; k++)
        {
            var i = _members[k];
            if (!_shapes[i].Contains(x, y)) continue;
            if (!found || order.Compare(_items[i], best!) < 0) best = _items[i];
            found = true;
        }
        if (found || edgeTolerance <= 0) return best;
        for (var k = _bucketStart[bucket]; k < _bucketStart[bucket + 1]; k++)
        {
            var i = _members[k];
            if (!_shapes[i].IsOnBoundary(x, y, edgeTolerance)) continue;
            if (!found || order.Compare(_items[i], best!) < 0) best = _items[i];
            found = true;
        }
        return best;
    }
}

public delegate void ContainingVisitor<in T, TState>(T item, ref TState state);
