using GridGov.Domain.Areas;
using GridGov.Domain.Boundaries;
using GridGov.Domain.Demo;
using GridGov.Domain.Geo;
using GridGov.Domain.Tests.Geo;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.OverlayNG;

namespace GridGov.Domain.Tests.Demo;

/// <summary>
/// The whole of Chengdu as the demo seeds it, down to communities: 20 real district outlines (concave, several with
/// exclaves), 261 streets and 3,047 communities cut inside them. Generated once.
/// </summary>
public class ChengduDemoCityTests
{
    private static readonly string[] Centre = ["锦江区", "青羊区", "金牛区", "武侯区", "成华区"];

    private static readonly Lazy<IReadOnlyList<AreaDraft>> CityLazy = new(() =>
        DemoCity.Generate(TestCity.Chengdu, TestCity.DistrictOutlines, new CityScale("divisions", 0, 0, 0)).ToList());

    private static IReadOnlyList<AreaDraft> City => CityLazy.Value;

    private static IEnumerable<AreaDraft> Of(AreaKind kind) => City.Where(a => a.Kind == kind);

    private static double SquareKilometres(Geometry g) => GeoMath.DegreeAreaToSquareMeters(g.Area, g.Centroid.Y) / 1e6;

    [Fact]
    public void Every_district_is_its_real_outline_labelled_real_and_the_city_is_their_union()
    {
        var districts = Of(AreaKind.District).ToList();
        Assert.Equal(20, districts.Count);
        Assert.All(districts, d =>
        {
            Assert.False(d.Synthetic);
            Assert.True(d.Boundary!.EqualsExact(TestCity.DistrictOutlines[d.Code]), d.Name);
        });
        var city = Of(AreaKind.City).Single();
        Assert.False(city.Synthetic);
        Assert.Equal(1.0, city.Boundary!.Area / districts.Sum(d => d.Boundary!.Area), 4);
        Assert.InRange(SquareKilometres(city.Boundary!), 14_000, 14_700); // 14,335 km² published
        Assert.All(Of(AreaKind.Street).Concat(Of(AreaKind.Community)), a => Assert.True(a.Synthetic));
    }

    [Fact]
    public void The_districts_and_streets_pass_the_checks_of_a_boundary_import()
    {
        var city = Of(AreaKind.City).Single();
        var store = new OnlyTheCity(city);
        var features = City.Where(a => a.Kind is AreaKind.District or AreaKind.Street)
            .Select((a, i) => TestCity.Feature(i, a.Code, a.Kind, a.ParentCode, a.Boundary!)).ToList();

        Assert.Empty(BoundaryValidator.Validate(features, store));
    }

    [Theory]
    [InlineData(AreaKind.District, AreaKind.Street)]
    [InlineData(AreaKind.Street, AreaKind.Community)]
    public void Children_tile_every_parent_without_overlap(AreaKind parentKind, AreaKind childKind)
    {
        var children = Of(childKind).ToLookup(c => c.ParentCode);
        foreach (var parent in Of(parentKind))
        {
            var shape = parent.Boundary!;
            var kids = children[parent.Code].Select(c => c.Boundary!).ToList();
            Assert.NotEmpty(kids);
            var union = OverlayNGRobust.Union(kids);
            // Areas add up to the parent's, and so does their union: nothing left over, nothing counted twice.
            // Within 1e-6: snapping to the 1e-9° grid bends a parent's edge by < 0.1 mm where a cut crosses it.
            Assert.Equal(1.0, kids.Sum(k => k.Area) / shape.Area, 6);
            Assert.Equal(1.0, union.Area / shape.Area, 6);
            Assert.True(kids.All(k => k.IsValid), $"{parent.Name}: an invalid child");
            Assert.True(shape.SymmetricDifference(union).Area < shape.Area * 1e-6, $"{parent.Name}: children differ");
        }
    }

    [Fact]
    public void Every_part_of_a_district_with_exclaves_is_covered_by_its_streets()
    {
        var streets = Of(AreaKind.Street).ToLookup(s => s.ParentCode);
        var multipart = Of(AreaKind.District).Where(d => d.Boundary!.NumGeometries > 1).ToList();
        Assert.Contains(multipart, d => d.Name == "简阳市");
        foreach (var d in multipart)
            for (var i = 0; i < d.Boundary!.NumGeometries; i++)
            {
                var part = d.Boundary.GetGeometryN(i);
                var covered = streets[d.Code].Sum(s => s.Boundary!.Intersection(part).Area);
                Assert.Equal(1.0, covered / part.Area, 6);
            }
    }

    [Fact]
    public void Communities_are_small_in_the_centre_and_large_in_the_outer_counties()
    {
        var names = Of(AreaKind.District).ToDictionary(d => d.Code, d => d.Name);
        var sizes = Of(AreaKind.Community).GroupBy(c => names[c.Code[..6]])
            .ToDictionary(g => g.Key, g => Median(g.Select(c => SquareKilometres(c.Boundary!))));

        // Median km² of a community: about 1 in the centre (锦江 0.8), 3 to 10 in the counties.
        var central = Centre.Max(name => sizes[name]);
        Assert.InRange(central, 0.5, 1.5);
        foreach (var county in new[] { "金堂县", "大邑县", "蒲江县", "都江堰市", "彭州市", "邛崃市", "崇州市", "简阳市" })
            Assert.True(sizes[county] > 2 * central, $"{county}: {sizes[county]:0.0} km²");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    [Theory]
    [MemberData(nameof(ChengduLandmarkTests.Landmarks), MemberType = typeof(ChengduLandmarkTests))]
    public void A_landmark_routes_to_its_real_district(string landmark, double lon, double lat, string district)
    {
        var r = Index.Value.Locate(lon, lat);

        Assert.Equal(LocateMatch.Community, r.Match);
        Assert.Equal(district, TestCity.Chengdu.Single(d => d.Code == r.District).Name);
        Assert.False(r.Flagged, landmark);
    }

    private static readonly Lazy<GridIndex> Index = new(() => TestCity.BuildIndex(City));

    /// <summary>A database holding the city and nothing else, as the import of districts and streets would meet it.</summary>
    private sealed class OnlyTheCity(AreaDraft city) : IExistingBoundaries
    {
        public bool Exists(string code) => code == city.Code;

        public Geometry? BoundaryOf(string code) => code == city.Code ? city.Boundary : null;

        public IEnumerable<(string Code, AreaKind Kind, Geometry Boundary)> ChildrenOf(string parentCode) => [];
    }
}
