using GridGov.Domain.Demo;
using NetTopologySuite.Geometries;

namespace GridGov.Domain.Tests.Demo;

/// <summary>Cutting any area — convex, concave, holed, in several parts — into pieces that tile it.</summary>
public class AreaPartitionTests
{
    // Cuts are snapped to a 1e-9° grid, which bends the parent's edge by < 0.1 mm where a cut crosses it.
    private const double RelativeCoverTolerance = 1e-6;

    /// <summary>The pieces cover the parent (areas add up), lie inside it and do not overlap each other.</summary>
    internal static void AssertTiles(Geometry parent, IReadOnlyList<Geometry> pieces, string what = "")
    {
        var noise = parent.Area * RelativeCoverTolerance;
        foreach (var p in pieces)
        {
            Assert.True(p is Polygon or MultiPolygon, $"{what}: a piece is a {p.GeometryType}");
            Assert.True(p.IsValid, $"{what}: a piece is not valid");
            Assert.True(p.Area > 0, $"{what}: a piece is empty");
            Assert.True(p.Difference(parent).Area < noise, $"{what}: a piece lies outside the parent");
        }
        var relative = Math.Abs(pieces.Sum(p => p.Area) - parent.Area) / parent.Area;
        Assert.True(relative < RelativeCoverTolerance, $"{what}: pieces cover the parent to {relative}");
        for (var i = 0; i < pieces.Count; i++)
            for (var j = i + 1; j < pieces.Count; j++)
                if (pieces[i].EnvelopeInternal.Intersects(pieces[j].EnvelopeInternal))
                    Assert.True(pieces[i].Intersection(pieces[j]).Area < noise, $"{what}: pieces {i} and {j} overlap");
    }

    private static Polygon Rect(double minX, double minY, double maxX, double maxY) =>
        TestCity.Rect(minX, minY, maxX, maxY);

    [Fact]
    public void A_rectangle_is_cut_into_n_pieces_that_tile_it()
    {
        var parent = Rect(104.0, 30.6, 104.1, 30.65);
        var pieces = AreaPartition.Split(parent, 7, new Random(1));

        Assert.Equal(7, pieces.Count);
        AssertTiles(parent, pieces);
        Assert.All(pieces, p => Assert.IsType<Polygon>(p)); // a convex parent gives convex, single pieces
    }

    [Fact]
    public void None_or_one_piece_is_nothing_or_the_parent()
    {
        var parent = Rect(104.0, 30.6, 104.1, 30.65);
        Assert.Empty(AreaPartition.Split(parent, 0, new Random(1)));
        Assert.True(Assert.Single(AreaPartition.Split(parent, 1, new Random(1))).EqualsExact(parent));
    }

    [Fact]
    public void A_concave_parent_is_tiled_even_where_a_cell_reaches_across_its_bay()
    {
        // A U: a 0.1° square with a deep notch from the north.
        var parent = Rect(104.0, 30.6, 104.1, 30.7).Difference(Rect(104.03, 30.62, 104.07, 30.71));
        for (var seed = 0; seed < 20; seed++)
            AssertTiles(parent, AreaPartition.Split(parent, 9, new Random(seed)), $"seed {seed}");
    }

    [Fact]
    public void A_parent_in_several_parts_is_tiled_exclaves_included()
    {
        // A main part, a smaller exclave and an island far too small to get a sample of its own.
        var island = Rect(104.30, 30.60, 104.301, 30.601);
        var parent = TestCity.Factory.CreateMultiPolygon(
            [Rect(104.0, 30.6, 104.1, 30.7), Rect(104.15, 30.6, 104.18, 30.63), island]);

        var pieces = AreaPartition.Split(parent, 6, new Random(3));

        AssertTiles(parent, pieces);
        Assert.Single(pieces, p => p.Covers(island.Centroid));
    }

    [Fact]
    public void A_holed_parent_is_tiled_around_its_hole()
    {
        var hole = Rect(104.04, 30.64, 104.06, 30.66);
        var parent = Rect(104.0, 30.6, 104.1, 30.7).Difference(hole);

        var pieces = AreaPartition.Split(parent, 8, new Random(4));

        AssertTiles(parent, pieces);
        Assert.DoesNotContain(pieces, p => p.Covers(hole.Centroid));
    }

    [Fact]
    public void Pieces_follow_their_weights()
    {
        var parent = Rect(104.0, 30.6, 104.1, 30.7).Difference(Rect(104.03, 30.62, 104.07, 30.71));
        double[] weights = [1, 1, 2, 4, 8];

        var pieces = AreaPartition.Split(parent, weights, new Random(5));

        AssertTiles(parent, pieces);
        var shares = string.Join(", ", pieces.Select((p, k) => $"{p.Area / parent.Area * weights.Sum() / weights[k]:0.00}"));
        for (var k = 0; k < weights.Length; k++)
        {
            var share = pieces[k].Area / parent.Area;
            var target = weights[k] / weights.Sum();
            Assert.True(share > target * 0.8 && share < target * 1.25, shares);
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_pieces()
    {
        var parent = Rect(104.0, 30.6, 104.1, 30.7).Difference(Rect(104.03, 30.62, 104.07, 30.71));
        var a = AreaPartition.Split(parent, 5, new Random(9));
        var b = AreaPartition.Split(parent, 5, new Random(9));
        Assert.All(a.Zip(b), p => Assert.True(p.First.EqualsExact(p.Second)));
    }

    [Fact]
    public void Weights_must_be_positive() =>
        Assert.Throws<ArgumentException>(() =>
            AreaPartition.Split(Rect(104.0, 30.6, 104.1, 30.7), [1.0, 0.0], new Random(1)));

    [Fact]
    public void Samples_stay_inside_and_number_about_what_was_asked()
    {
        var parent = Rect(104.0, 30.6, 104.1, 30.65).Buffer(0.01);
        var samples = AreaPartition.SampleInside(parent, 200, new Random(2));
        Assert.InRange(samples.Count, 180, 220);
        Assert.All(samples, s => Assert.True(parent.Contains(parent.Factory.CreatePoint(s))));
    }
}
