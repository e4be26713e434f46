using System.Globalization;
using System.Text.RegularExpressions;
using GridGov.Domain.Areas;
using GridGov.Domain.Boundaries;
using NetTopologySuite.Geometries;

namespace GridGov.Domain.Tests.Boundaries;

public class BoundaryValidatorTests
{
    private const string District = "510104";
    private const string Street = "510104017";
    private const string CommunityA = "510104017001";
    private const string CommunityB = "510104017002";

    // A street 0.02° square near Chengdu, split into a west half (A) and an east half (B).
    private static readonly Polygon StreetShape = TestCity.Rect(104.00, 30.60, 104.02, 30.62);
    private static readonly Polygon WestHalf = TestCity.Rect(104.00, 30.60, 104.01, 30.62);
    private static readonly Polygon EastHalf = TestCity.Rect(104.01, 30.60, 104.02, 30.62);

    /// <summary>The stored areas, as the caller would supply them from its database.</summary>
    private sealed class FakeStore : IExistingBoundaries
    {
        private readonly Dictionary<string, (AreaKind Kind, Geometry? Boundary)> _areas = new(StringComparer.Ordinal);

        public FakeStore Add(string code, AreaKind kind, Geometry? boundary)
        {
            _areas[code] = (kind, boundary);
            return this;
        }

        public bool Exists(string code) => _areas.ContainsKey(code);

        public Geometry? BoundaryOf(string code) => _areas.TryGetValue(code, out var a) ? a.Boundary : null;

        public IEnumerable<(string Code, AreaKind Kind, Geometry Boundary)> ChildrenOf(string parentCode) =>
            _areas.Where(kv => AreaCode.ParentOf(kv.Key) == parentCode && kv.Value.Boundary is not null)
                .Select(kv => (kv.Key, kv.Value.Kind, kv.Value.Boundary!));
    }

    /// <summary>A district and street with boundaries, no communities yet.</summary>
    private static FakeStore StreetOnly() => new FakeStore()
        .Add("5101", AreaKind.City, null)
        .Add(District, AreaKind.District, TestCity.Rect(103.9, 30.5, 104.2, 30.8))
        .Add(Street, AreaKind.Street, StreetShape);

    private static FakeStore StreetWithCommunities() => StreetOnly()
        .Add(CommunityA, AreaKind.Community, WestHalf)
        .Add(CommunityB, AreaKind.Community, EastHalf);

    private static BoundaryFeature Community(int index, string code, Geometry shape) =>
        TestCity.Feature(index, code, AreaKind.Community, Street, shape);

    private static double SquareMetersIn(string reason)
    {
        var m = Regex.Match(reason, @"(\d+) m²");
        Assert.True(m.Success, $"no m² figure in '{reason}'");
        return double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [Fact]
    public void A_clean_set_gives_no_problems()
    {
        var problems = BoundaryValidator.Validate([Community(0, CommunityA, WestHalf), Community(1, CommunityB, EastHalf)], StreetOnly());
        Assert.Empty(problems);
    }

    [Fact]
    public void The_synthetic_slice_validates_cleanly_against_a_store_holding_the_city()
    {
        var city = TestCity.ByCode(TestCity.CityCode);
        var store = new FakeStore().Add(city.Code, AreaKind.City, city.Boundary);
        var features = TestCity.Areas.Where(a => a.Kind != AreaKind.City)
            .Select((a, i) => TestCity.Feature(i, a.Code, a.Kind, a.ParentCode, a.Boundary!)).ToList();

        Assert.Empty(BoundaryValidator.Validate(features, store));
    }

    [Fact]
    public void An_unknown_parent_is_reported()
    {
        var problem = Assert.Single(BoundaryValidator.Validate(
            [TestCity.Feature(0, "510104099001", AreaKind.Community, "510104099", WestHalf)], StreetOnly()));
        Assert.Equal(0, problem.FeatureIndex);
        Assert.Equal("510104099001", problem.Code);
        Assert.Equal("unknown parent code '510104099'", problem.Reason);
    }

    [Fact]
    public void A_parent_in_the_same_import_is_known()
    {
        var store = new FakeStore().Add(District, AreaKind.District, TestCity.Rect(103.9, 30.5, 104.2, 30.8));
        var features = new[]
        {
            TestCity.Feature(0, Street, AreaKind.Street, District, StreetShape),
            Community(1, CommunityA, WestHalf),
            Community(2, CommunityB, EastHalf),
        };
        Assert.Empty(BoundaryValidator.Validate(features, store));
    }

    [Fact]
    public void A_child_partly_outside_its_parent_is_reported_in_square_metres()
    {
        // 0.001° × 0.02° west of the street: about 213,000 m² at latitude 30.61.
        var overhanging = TestCity.Rect(103.999, 30.60, 104.01, 30.62);

        var problem = Assert.Single(BoundaryValidator.Validate([Community(0, CommunityA, overhanging)], StreetOnly()));

        Assert.Equal(0, problem.FeatureIndex);
        Assert.Equal(CommunityA, problem.Code);
        Assert.Contains($"lies partly outside its parent '{Street}'", problem.Reason);
        var expected = TestCity.SquareMeters(0.001 * 0.02, 30.61);
        Assert.InRange(SquareMetersIn(problem.Reason), expected * 0.99, expected * 1.01);
        Assert.InRange(expected, 200_000, 230_000);
    }

    [Fact]
    public void A_child_of_a_parent_without_a_boundary_is_not_checked_for_containment()
    {
        var store = StreetOnly().Add(Street, AreaKind.Street, null);
        Assert.Empty(BoundaryValidator.Validate([Community(0, CommunityA, TestCity.Rect(103.0, 30.0, 103.01, 30.02))], store));
    }

    [Fact]
    public void Two_overlapping_siblings_in_the_import_are_both_told_about_it()
    {
        var wideWest = TestCity.Rect(104.00, 30.60, 104.011, 30.62);

        var problems = BoundaryValidator.Validate(
            [Community(0, CommunityA, wideWest), Community(1, CommunityB, EastHalf)], StreetOnly());

        Assert.Equal(2, problems.Count);
        Assert.Equal((0, CommunityA), (problems[0].FeatureIndex, problems[0].Code));
        Assert.StartsWith($"overlaps feature 1 ({CommunityB}) by ", problems[0].Reason);
        Assert.Equal((1, CommunityB), (problems[1].FeatureIndex, problems[1].Code));
        Assert.StartsWith($"overlaps feature 0 ({CommunityA}) by ", problems[1].Reason);
        var expected = TestCity.SquareMeters(0.001 * 0.02, 30.61);
        Assert.All(problems, p => Assert.InRange(SquareMetersIn(p.Reason), expected * 0.99, expected * 1.01));
    }

    [Fact]
    public void Overlapping_a_stored_sibling_is_reported()
    {
        var store = StreetOnly().Add(CommunityB, AreaKind.Community, EastHalf);

        var problem = Assert.Single(BoundaryValidator.Validate(
            [Community(0, CommunityA, TestCity.Rect(104.00, 30.60, 104.015, 30.62))], store));

        Assert.Equal(0, problem.FeatureIndex);
        Assert.StartsWith($"overlaps stored area '{CommunityB}' by ", problem.Reason);
    }

    [Fact]
    public void A_reimported_area_does_not_collide_with_its_own_stored_version()
    {
        var shrunk = TestCity.Rect(104.00, 30.60, 104.009, 30.62);
        Assert.Empty(BoundaryValidator.Validate([Community(0, CommunityA, shrunk)], StreetWithCommunities()));
    }

    [Fact]
    public void Touching_siblings_and_overlap_below_the_tolerance_are_accepted()
    {
        // 1e-9° × 0.02°: about 0.2 m², floating-point noise rather than a drawing error.
        var sliver = TestCity.Rect(104.00, 30.60, 104.01 + 1e-9, 30.62);
        Assert.Empty(BoundaryValidator.Validate([Community(0, CommunityA, sliver), Community(1, CommunityB, EastHalf)], StreetOnly()));
    }

    [Fact]
    public void The_tolerance_is_configurable()
    {
        var wideWest = TestCity.Rect(104.00, 30.60, 104.011, 30.62); // ~213,000 m² of overlap
        BoundaryFeature[] features = [Community(0, CommunityA, wideWest), Community(1, CommunityB, EastHalf)];

        Assert.Equal(2, BoundaryValidator.Validate(features, StreetOnly()).Count); // one per side of the overlap
        Assert.Empty(BoundaryValidator.Validate(features, StreetOnly(), toleranceSquareMeters: 300_000));
    }

    [Fact]
    public void Grids_of_different_kinds_may_overlap()
    {
        // A dedicated grid (a school compound) lies over the general grids of its community.
        var features = new[]
        {
            TestCity.Feature(0, CommunityA + "01", AreaKind.GeneralGrid, CommunityA, TestCity.Rect(104.00, 30.60, 104.01, 30.61)),
            TestCity.Feature(1, CommunityA + "02", AreaKind.GeneralGrid, CommunityA, TestCity.Rect(104.00, 30.61, 104.01, 30.62)),
            TestCity.Feature(2, CommunityA + "80", AreaKind.DedicatedGrid, CommunityA, TestCity.Rect(104.004, 30.608, 104.006, 30.612)),
        };
        Assert.Empty(BoundaryValidator.Validate(features, StreetWithCommunities()));
    }

    [Fact]
    public void Duplicate_codes_are_reported_on_the_later_feature()
    {
        var problem = Assert.Single(BoundaryValidator.Validate(
            [Community(0, CommunityA, TestCity.Rect(104.00, 30.60, 104.005, 30.62)),
             Community(1, CommunityA, TestCity.Rect(104.005, 30.60, 104.01, 30.62))],
            StreetOnly()));

        Assert.Equal(1, problem.FeatureIndex);
        Assert.Equal(CommunityA, problem.Code);
        Assert.Equal("duplicate code: also used by feature 0", problem.Reason);
    }

    [Fact]
    public void Shrinking_a_parent_so_a_stored_child_falls_outside_is_reported()
    {
        var shrunkStreet = TestCity.Rect(104.00, 30.60, 104.015, 30.62); // cuts the east community in half

        var problem = Assert.Single(BoundaryValidator.Validate(
            [TestCity.Feature(0, Street, AreaKind.Street, District, shrunkStreet)], StreetWithCommunities()));

        Assert.Equal(0, problem.FeatureIndex);
        Assert.Equal(Street, problem.Code);
        Assert.Contains($"of its stored child '{CommunityB}' outside; import the child too", problem.Reason);
        var expected = TestCity.SquareMeters(0.005 * 0.02, 30.61);
        Assert.InRange(SquareMetersIn(problem.Reason), expected * 0.99, expected * 1.01);
    }

    [Fact]
    public void Shrinking_a_parent_together_with_its_children_is_accepted()
    {
        var features = new[]
        {
            TestCity.Feature(0, Street, AreaKind.Street, District, TestCity.Rect(104.00, 30.60, 104.015, 30.62)),
            Community(1, CommunityB, TestCity.Rect(104.01, 30.60, 104.015, 30.62)),
        };
        Assert.Empty(BoundaryValidator.Validate(features, StreetWithCommunities()));
    }

    [Fact]
    public void Every_problem_is_reported_in_feature_order()
    {
        var features = new[]
        {
            Community(0, CommunityA, TestCity.Rect(104.00, 30.60, 104.011, 30.62)),        // overlaps feature 1
            Community(1, CommunityB, EastHalf),                                            // ... and so is overlapped
            TestCity.Feature(2, "510104099001", AreaKind.Community, "510104099", WestHalf), // unknown parent
            Community(3, "510104017003", TestCity.Rect(104.03, 30.60, 104.04, 30.61)),     // outside the street
            Community(4, CommunityB, TestCity.Rect(104.05, 30.60, 104.06, 30.61)),         // duplicate, also outside
        };

        var problems = BoundaryValidator.Validate(features, StreetOnly());

        Assert.Equal(new[] { 0, 1, 2, 3, 4, 4 }, problems.Select(p => p.FeatureIndex ?? -1));
        Assert.Contains(problems, p => p.FeatureIndex == 4 && p.Reason.StartsWith("duplicate code", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.FeatureIndex == 4 && p.Reason.StartsWith("lies partly outside", StringComparison.Ordinal));
    }
}
