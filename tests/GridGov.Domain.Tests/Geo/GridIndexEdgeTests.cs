using GridGov.Domain.Areas;
using GridGov.Domain.Geo;
using NetTopologySuite.Geometries;

namespace GridGov.Domain.Tests.Geo;

/// <summary>Points exactly on boundaries and at the fallback limit: found by review, kept as regressions.</summary>
public sealed class GridIndexEdgeTests
{
    private static readonly GridIndex Index = TestCity.BuildIndex(TestCity.Areas);

    [Fact]
    public void Every_edge_midpoint_and_corner_of_a_micro_grid_inside_the_district_routes_to_a_micro_grid()
    {
        var district = TestCity.Shape(TestCity.ByCode("510104"));
        var interior = district.Buffer(-1e-6);
        var misses = new List<string>();
        var checkedPoints = 0;
        foreach (var micro in TestCity.OfKind(AreaKind.MicroGrid))
        {
            var shape = TestCity.Shape(micro);
            for (var part = 0; part < shape.NumGeometries; part++)
            {
                var ring = ((Polygon)shape.GetGeometryN(part)).Shell.Coordinates;
                for (var i = 0; i + 1 < ring.Length; i++)
                    foreach (var p in new[] { ring[i], new Coordinate((ring[i].X + ring[i + 1].X) / 2, (ring[i].Y + ring[i + 1].Y) / 2) })
                    {
                        if (!interior.Contains(TestCity.Factory.CreatePoint(p))) continue;
                        checkedPoints++;
                        var result = Index.Locate(p.X, p.Y);
                        if (result.Match != LocateMatch.MicroGrid) misses.Add($"({p.X:R}, {p.Y:R}) → {result.Match} {result.RoutedTo}");
                    }
            }
        }
        Assert.True(checkedPoints > 2000);
        Assert.Empty(misses);
    }

    [Theory]
    [InlineData(1999, true)]
    [InlineData(1995, true)]
    [InlineData(2010, false)]
    public void The_fallback_distance_is_the_same_metre_north_and_east(double meters, bool withinLimit)
    {
        var community = TestCity.Rect(104.00, 30.60, 104.01, 30.61);
        var index = new GridIndex("5101", [new IndexedArea("510104017001", AreaKind.Community, community)], 2000);
        var north = index.Locate(104.005, 30.61 + meters / GeoMath.MetersPerDegreeLat);
        var east = index.Locate(104.01 + GeoMath.MetersToLonDegrees(meters, 30.605), 30.605);
        var expected = withinLimit ? LocateMatch.NearestCommunity : LocateMatch.Unassigned;
        Assert.Equal(expected, north.Match);
        Assert.Equal(expected, east.Match);
        if (withinLimit) Assert.InRange(north.DistanceMeters!.Value, meters - 5, meters + 5);
    }

    [Theory]
    [InlineData("51010401700100")]      // grid sequence 00
    [InlineData("5101040170010100")]    // micro-grid sequence 00
    [InlineData("5101040170018001")]    // micro-grid under a dedicated grid
    public void Codes_that_cannot_exist_have_no_kind(string code) => Assert.Null(AreaCode.KindOf(code));
}
