using GridGov.Domain.Areas;
using GridGov.Domain.Geo;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Distance;

namespace GridGov.Domain.Tests.Geo;

public class GridIndexTests
{
    private static readonly Lazy<GridIndex> SliceIndex = new(() => TestCity.BuildIndex(TestCity.Areas));

    private static GridIndex Index => SliceIndex.Value;

    private static Geometry CityOutline => TestCity.Shape(TestCity.ByCode(TestCity.CityCode));

    /// <summary>A point due east of the city outline's easternmost vertex, <paramref name="meters"/> beyond it.</summary>
    private static Coordinate EastOfCity(double meters)
    {
        var east = CityOutline.Coordinates.MaxBy(c => c.X)!;
        return new Coordinate(east.X + GeoMath.MetersToLonDegrees(meters, east.Y), east.Y);
    }

    [Fact]
    public void The_index_holds_micro_general_dedicated_grids_and_communities_only()
    {
        Assert.Equal(480 + 120 + 40 + 76, Index.Count);
        Assert.Equal("5101", Index.CityCode);
        Assert.Equal(2000, Index.FallbackDistanceMeters);
    }

    [Fact]
    public void Random_points_route_to_the_micro_grid_they_are_in_with_all_ancestors()
    {
        var rng = new Random(42);
        var micros = TestCity.OfKind(AreaKind.MicroGrid);
        var dedicated = TestCity.OfKind(AreaKind.DedicatedGrid);
        for (var i = 0; i < 2000; i++)
        {
            var micro = micros[rng.Next(micros.Count)];
            var p = TestCity.RandomPointInside(TestCity.Shape(micro), rng);

            var r = Index.Locate(p.X, p.Y);

            Assert.Equal(LocateMatch.MicroGrid, r.Match);
            Assert.Equal(micro.Code, r.MicroGrid);
            Assert.Equal(micro.ParentCode, r.GeneralGrid);
            Assert.Equal(micro.Code[..12], r.Community);
            Assert.Equal(micro.Code[..9], r.Street);
            Assert.Equal("510104", r.District);
            Assert.Equal("5101", r.City);
            Assert.False(r.Flagged);
            Assert.Null(r.DistanceMeters);
            Assert.Equal(micro.Code, r.RoutedTo);
            var point = TestCity.Factory.CreatePoint(p);
            Assert.Equal(dedicated.Where(d => d.Boundary!.Covers(point)).Select(d => d.Code), r.DedicatedGrids);
        }
    }

    [Fact]
    public void A_point_in_a_dedicated_grid_reports_it_and_still_routes_to_its_micro_grid()
    {
        var micros = TestCity.OfKind(AreaKind.MicroGrid);
        foreach (var d in TestCity.OfKind(AreaKind.DedicatedGrid))
        {
            var centre = d.Boundary!.Centroid;
            var r = Index.Locate(centre.X, centre.Y);

            Assert.Equal(new[] { d.Code }, r.DedicatedGrids);
            Assert.Equal(LocateMatch.MicroGrid, r.Match);
            Assert.Equal(d.ParentCode, r.Community);
            var containing = micros.Where(m => m.Boundary!.Covers(centre)).Select(m => m.Code).Min(StringComparer.Ordinal);
            Assert.Equal(containing, r.MicroGrid);
            Assert.False(r.Flagged);
        }
    }

    [Fact]
    public void A_point_just_outside_the_city_goes_to_the_nearest_community_flagged()
    {
        var p = EastOfCity(1000);
        var point = TestCity.Factory.CreatePoint(p);
        Assert.False(CityOutline.Covers(point));

        var r = Index.Locate(p.X, p.Y);

        Assert.Equal(LocateMatch.NearestCommunity, r.Match);
        Assert.True(r.Flagged);
        Assert.NotNull(r.DistanceMeters);
        Assert.InRange(r.DistanceMeters.Value, 1, 1010); // 1 km east of the outline's easternmost corner
        Assert.InRange(r.DistanceMeters.Value, 1, 2000);
        Assert.Null(r.MicroGrid);
        Assert.Null(r.GeneralGrid);
        Assert.Equal(r.Community, r.RoutedTo);
        Assert.Equal(r.Community![..9], r.Street);
        Assert.Equal("510104", r.District);

        var communities = TestCity.OfKind(AreaKind.Community);
        var closest = communities.MinBy(c => DistanceOp.Distance(c.Boundary!, point))!;
        Assert.Equal(closest.Code, r.Community);
    }

    [Fact]
    public void A_point_beyond_the_fallback_distance_is_unassigned_to_the_city()
    {
        var p = EastOfCity(3000);
        var r = Index.Locate(p.X, p.Y);

        Assert.Equal(LocateMatch.Unassigned, r.Match);
        Assert.True(r.Flagged);
        Assert.Null(r.Community);
        Assert.Null(r.DistanceMeters);
        Assert.Equal("5101", r.City);
        Assert.Equal("5101", r.RoutedTo);
    }

    [Fact]
    public void A_point_50_km_away_is_unassigned_with_the_city_set()
    {
        var p = EastOfCity(50_000);
        var r = Index.Locate(p.X, p.Y);

        Assert.Equal(LocateMatch.Unassigned, r.Match);
        Assert.True(r.Flagged);
        Assert.Equal("5101", r.City);
        Assert.Null(r.MicroGrid);
        Assert.Null(r.GeneralGrid);
        Assert.Null(r.Community);
        Assert.Null(r.Street);
        Assert.Null(r.District);
        Assert.Empty(r.DedicatedGrids);
        Assert.Null(r.DistanceMeters);
    }

    [Fact]
    public void The_fallback_distance_is_configurable()
    {
        var strict = TestCity.BuildIndex(TestCity.OfKind(AreaKind.Community), fallbackMeters: 500);
        var p = EastOfCity(1000);
        Assert.Equal(LocateMatch.Unassigned, strict.Locate(p.X, p.Y).Match);
        Assert.Equal(LocateMatch.NearestCommunity, Index.Locate(p.X, p.Y).Match);
    }

    [Fact]
    public void Without_micro_grids_a_point_routes_to_its_general_grid()
    {
        var index = TestCity.BuildIndex(TestCity.Areas.Where(a => a.Kind is AreaKind.GeneralGrid or AreaKind.Community));
        var grid = TestCity.ByCode("51010401700101");
        var p = TestCity.RandomPointInside(TestCity.Shape(grid), new Random(7));

        var r = index.Locate(p.X, p.Y);

        Assert.Equal(LocateMatch.GeneralGrid, r.Match);
        Assert.Null(r.MicroGrid);
        Assert.Equal(grid.Code, r.GeneralGrid);
        Assert.Equal("510104017001", r.Community);
        Assert.Equal(grid.Code, r.RoutedTo);
        Assert.False(r.Flagged);
    }

    [Fact]
    public void Without_grids_a_point_routes_to_its_community()
    {
        var index = TestCity.BuildIndex(TestCity.OfKind(AreaKind.Community));
        var community = TestCity.ByCode("510104017001");
        var p = TestCity.RandomPointInside(TestCity.Shape(community), new Random(8));

        var r = index.Locate(p.X, p.Y);

        Assert.Equal(LocateMatch.Community, r.Match);
        Assert.Null(r.GeneralGrid);
        Assert.Equal("510104017001", r.Community);
        Assert.Equal("510104017", r.Street);
        Assert.Equal("510104017001", r.RoutedTo);
        Assert.False(r.Flagged);
    }

    [Fact]
    public void A_point_on_a_shared_edge_routes_to_exactly_one_neighbour()
    {
        string[] codes = ["5101040170010101", "5101040170010102"];
        var index = new GridIndex("5101",
        [
            new IndexedArea(codes[1], AreaKind.MicroGrid, TestCity.Rect(104.01, 30.60, 104.02, 30.61)),
            new IndexedArea(codes[0], AreaKind.MicroGrid, TestCity.Rect(104.00, 30.60, 104.01, 30.61)),
        ]);

        var onEdge = index.Locate(104.01, 30.605);
        Assert.Equal(LocateMatch.MicroGrid, onEdge.Match);
        Assert.Contains(onEdge.MicroGrid, codes);
        Assert.Equal(onEdge.MicroGrid, index.Locate(104.01, 30.605).MicroGrid); // deterministic

        Assert.Equal(codes[0], index.Locate(104.005, 30.605).MicroGrid);
        Assert.Equal(codes[1], index.Locate(104.015, 30.605).MicroGrid);
    }

    [Fact]
    public void A_point_where_four_grids_meet_routes_to_exactly_one_of_them()
    {
        string[] codes = ["5101040170010101", "5101040170010102", "5101040170010103", "5101040170010104"];
        var index = new GridIndex("5101",
        [
            new IndexedArea(codes[0], AreaKind.MicroGrid, TestCity.Rect(104.00, 30.60, 104.01, 30.61)),
            new IndexedArea(codes[1], AreaKind.MicroGrid, TestCity.Rect(104.01, 30.60, 104.02, 30.61)),
            new IndexedArea(codes[2], AreaKind.MicroGrid, TestCity.Rect(104.00, 30.61, 104.01, 30.62)),
            new IndexedArea(codes[3], AreaKind.MicroGrid, TestCity.Rect(104.01, 30.61, 104.02, 30.62)),
        ]);

        var corner = index.Locate(104.01, 30.61);

        Assert.Equal(LocateMatch.MicroGrid, corner.Match);
        Assert.Contains(corner.MicroGrid, codes);
    }

    [Fact]
    public void Areas_of_other_kinds_and_empty_boundaries_are_not_indexed()
    {
        var index = new GridIndex("5101",
        [
            new IndexedArea("510104", AreaKind.District, TestCity.Rect(104.0, 30.6, 104.1, 30.7)),
            new IndexedArea("510104017", AreaKind.Street, TestCity.Rect(104.0, 30.6, 104.1, 30.7)),
            new IndexedArea("510104017001", AreaKind.Community, TestCity.Factory.CreatePolygon()),
        ]);
        Assert.Equal(0, index.Count);
        Assert.Equal(LocateMatch.Unassigned, index.Locate(104.05, 30.65).Match);
    }

    [Fact]
    public void An_empty_index_leaves_every_point_unassigned()
    {
        var r = GridIndex.Empty("5101").Locate(104.0657, 30.6595);
        Assert.Equal(LocateMatch.Unassigned, r.Match);
        Assert.Equal("5101", r.City);
        Assert.True(r.Flagged);
    }

    [Fact]
    public void GridIndexHolder_Swap_makes_Current_the_new_index()
    {
        var empty = GridIndex.Empty("5101");
        var holder = new GridIndexHolder(empty);
        Assert.Same(empty, holder.Current);
        var centre = TestCity.Areas.First(a => a.Kind == AreaKind.MicroGrid).Boundary!.InteriorPoint;
        Assert.Equal(LocateMatch.Unassigned, holder.Current.Locate(centre.X, centre.Y).Match);

        holder.Swap(Index);

        Assert.Same(Index, holder.Current);
        Assert.Equal(LocateMatch.MicroGrid, holder.Current.Locate(centre.X, centre.Y).Match);
    }
}
