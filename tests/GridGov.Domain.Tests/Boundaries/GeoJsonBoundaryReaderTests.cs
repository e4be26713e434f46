using System.Text;
using GridGov.Domain.Areas;
using GridGov.Domain.Boundaries;
using NetTopologySuite.Geometries;

namespace GridGov.Domain.Tests.Boundaries;

/// <summary>Every import problem comes back with the feature's index and a reason the user can act on.</summary>
public class GeoJsonBoundaryReaderTests
{
    private const string Square =
        """{"type":"Polygon","coordinates":[[[104.0,30.6],[104.01,30.6],[104.01,30.61],[104.0,30.61],[104.0,30.6]]]}""";

    private static string Feature(
        string code = "510104017001", string kind = "community", string? parent = "510104017",
        string geometry = Square, string name = "水井坊社区", string extra = "")
    {
        var parentJson = parent is null ? "null" : $"\"{parent}\"";
        return $$"""{"type":"Feature","properties":{"code":"{{code}}","name":"{{name}}","kind":"{{kind}}","parent":{{parentJson}}{{extra}}},"geometry":{{geometry}}}""";
    }

    private static string Collection(params string[] features) =>
        $$"""{"type":"FeatureCollection","features":[{{string.Join(",", features)}}]}""";

    private static (List<BoundaryFeature> Features, List<BoundaryProblem> Problems) Read(string json) =>
        GeoJsonBoundaryReader.Read(Encoding.UTF8.GetBytes(json));

    /// <summary>Reads one bad feature and returns its single problem, checking it is tied to feature 0.</summary>
    private static BoundaryProblem SingleProblem(string feature)
    {
        var (features, problems) = Read(Collection(feature));
        Assert.Empty(features);
        var problem = Assert.Single(problems);
        Assert.Equal(0, problem.FeatureIndex);
        return problem;
    }

    [Fact]
    public void A_good_feature_is_read_with_all_its_properties()
    {
        var (features, problems) = Read(Collection(
            Feature(name: "  水井坊社区  ", extra: ""","synthetic":true"""),
            Feature("51010401700180", "dedicated", "510104017001", extra: ",\"dedicated_type\":\"school\"")));

        Assert.Empty(problems);
        Assert.Equal(2, features.Count);
        var community = features[0];
        Assert.Equal(0, community.Index);
        Assert.Equal("510104017001", community.Code);
        Assert.Equal("水井坊社区", community.Name);
        Assert.Equal(AreaKind.Community, community.Kind);
        Assert.Equal("510104017", community.ParentCode);
        Assert.True(community.Synthetic);
        Assert.Null(community.DedicatedType);
        Assert.IsType<Polygon>(community.Geometry);
        Assert.Equal(1, features[1].Index);
        Assert.Equal(AreaKind.DedicatedGrid, features[1].Kind);
        Assert.Equal("school", features[1].DedicatedType);
        Assert.False(features[1].Synthetic);
    }

    [Fact]
    public void Not_json_is_a_file_level_problem()
    {
        var (features, problems) = Read("{\"type\": \"FeatureCollection\", ");
        Assert.Empty(features);
        var problem = Assert.Single(problems);
        Assert.Null(problem.FeatureIndex);
        Assert.StartsWith("not valid JSON", problem.Reason);
    }

    [Theory]
    [InlineData("""{"type":"Feature","properties":{},"geometry":null}""")]
    [InlineData("""[]""")]
    [InlineData("""{"features":[]}""")]
    [InlineData("""{"type":"GeometryCollection","geometries":[]}""")]
    public void Anything_but_a_FeatureCollection_is_a_file_level_problem(string json)
    {
        var problem = Assert.Single(Read(json).Problems);
        Assert.Null(problem.FeatureIndex);
        Assert.Contains("\"type\": \"FeatureCollection\"", problem.Reason);
    }

    [Fact]
    public void Features_must_be_a_non_empty_array()
    {
        Assert.Equal("\"features\" must be an array",
            Assert.Single(Read("""{"type":"FeatureCollection","features":{}}""").Problems).Reason);
        Assert.Equal("the FeatureCollection has no features",
            Assert.Single(Read("""{"type":"FeatureCollection","features":[]}""").Problems).Reason);
    }

    [Fact]
    public void An_element_that_is_not_a_feature_is_reported()
    {
        var problem = SingleProblem(Square);
        Assert.Contains("\"type\": \"Feature\"", problem.Reason);
    }

    [Fact]
    public void Missing_properties_are_reported()
    {
        var problem = SingleProblem($$"""{"type":"Feature","geometry":{{Square}}}""");
        Assert.Contains("\"properties\" with code, name, kind and parent is required", problem.Reason);
    }

    [Fact]
    public void A_missing_code_is_reported()
    {
        var problem = SingleProblem(
            $$"""{"type":"Feature","properties":{"name":"x","kind":"community","parent":"510104017"},"geometry":{{Square}}}""");
        Assert.Null(problem.Code);
        Assert.Equal("properties.code is required", problem.Reason);
        Assert.Equal("feature 0: properties.code is required", problem.ToString());
    }

    [Fact]
    public void A_missing_name_is_reported_with_the_code()
    {
        var problem = SingleProblem(Feature(name: " "));
        Assert.Equal("510104017001", problem.Code);
        Assert.Equal("properties.name is required", problem.Reason);
        Assert.Equal("feature 0 (510104017001): properties.name is required", problem.ToString());
    }

    [Fact]
    public void A_name_longer_than_100_characters_is_reported() =>
        Assert.Contains("longer than 100", SingleProblem(Feature(name: new string('网', 101))).Reason);

    [Fact]
    public void An_unknown_kind_is_reported()
    {
        var problem = SingleProblem(Feature(kind: "province"));
        Assert.Equal("510104017001", problem.Code);
        Assert.StartsWith("properties.kind 'province' is not one of", problem.Reason);
    }

    [Fact]
    public void A_code_that_does_not_match_its_kind_is_reported() =>
        Assert.Contains("is the shape of a street code, not a community code",
            SingleProblem(Feature(code: "510104017", kind: "community", parent: "510104")).Reason);

    [Fact]
    public void A_code_not_under_its_parent_is_reported()
    {
        var problem = SingleProblem(Feature(parent: "510104018"));
        Assert.Contains("must start with its parent code '510104018'", problem.Reason);
    }

    [Fact]
    public void A_missing_parent_is_reported_with_the_expected_one() =>
        Assert.Equal("properties.parent is required (expected '510104017')", SingleProblem(Feature(parent: null)).Reason);

    [Fact]
    public void A_missing_geometry_is_reported() =>
        Assert.Equal("geometry is required",
            SingleProblem("""{"type":"Feature","properties":{"code":"510104017001","name":"x","kind":"community","parent":"510104017"}}""").Reason);

    [Fact]
    public void An_open_ring_is_reported()
    {
        var problem = SingleProblem(Feature(geometry:
            """{"type":"Polygon","coordinates":[[[104.0,30.6],[104.01,30.6],[104.01,30.61],[104.0,30.61],[104.0,30.605]]]}"""));
        Assert.Contains("ring 0 is not closed", problem.Reason);
    }

    [Fact]
    public void A_ring_with_three_positions_is_reported()
    {
        var problem = SingleProblem(Feature(geometry:
            """{"type":"Polygon","coordinates":[[[104.0,30.6],[104.01,30.6],[104.0,30.6]]]}"""));
        Assert.Equal("ring 0 has 3 positions; a closed ring needs at least 4", problem.Reason);
    }

    [Fact]
    public void A_self_intersecting_bow_tie_is_reported_with_where_it_crosses()
    {
        var problem = SingleProblem(Feature(geometry:
            """{"type":"Polygon","coordinates":[[[104.0,30.6],[104.01,30.61],[104.01,30.6],[104.0,30.61],[104.0,30.6]]]}"""));
        Assert.StartsWith("invalid polygon:", problem.Reason);
        Assert.Contains("self-intersection", problem.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("(104.005, 30.605)", problem.Reason);
    }

    [Fact]
    public void A_hole_outside_its_shell_is_reported()
    {
        var problem = SingleProblem(Feature(geometry:
            """{"type":"Polygon","coordinates":[[[104.0,30.6],[104.01,30.6],[104.01,30.61],[104.0,30.61],[104.0,30.6]],[[104.1,30.7],[104.1,30.71],[104.11,30.71],[104.1,30.7]]]}"""));
        Assert.StartsWith("invalid polygon:", problem.Reason);
    }

    [Theory]
    [InlineData("""{"type":"Point","coordinates":[104.0,30.6]}""", "geometry type 'Point' is not supported")]
    [InlineData("""{"type":"LineString","coordinates":[[104.0,30.6],[104.1,30.6]]}""", "geometry type 'LineString' is not supported")]
    [InlineData("""{"type":"Polygon"}""", "geometry.coordinates must be an array")]
    [InlineData("""null""", "geometry must be a Polygon or MultiPolygon object")]
    [InlineData("""{"type":"Polygon","coordinates":[]}""", "a polygon needs at least one ring")]
    [InlineData("""{"type":"MultiPolygon","coordinates":[]}""", "MultiPolygon has no polygons")]
    [InlineData("""{"type":"Polygon","coordinates":[[[104.0,30.6],[104.01],[104.01,30.61],[104.0,30.6]]]}""", "ring 0 position 1 must be [longitude, latitude]")]
    [InlineData("""{"type":"Polygon","coordinates":[[[104.0,30.6],["104.01","30.6"],[104.01,30.61],[104.0,30.6]]]}""", "ring 0 position 1 must be [longitude, latitude]")]
    public void Unsupported_or_malformed_geometry_is_reported(string geometry, string expected) =>
        Assert.Contains(expected, SingleProblem(Feature(geometry: geometry)).Reason);

    [Theory]
    [InlineData("[[[204.0,30.6],[104.01,30.6],[104.01,30.61],[204.0,30.6]]]", "ring 0 position 0")]
    [InlineData("[[[104.0,30.6],[104.01,-95],[104.01,30.61],[104.0,30.6]]]", "ring 0 position 1")]
    [InlineData("[[[104.0,30.6],[104.01,30.6],[1e999,30.61],[104.0,30.6]]]", "ring 0 position 2")]
    public void Coordinates_out_of_range_are_reported(string coordinates, string where)
    {
        var reason = SingleProblem(Feature(geometry: $$"""{"type":"Polygon","coordinates":{{coordinates}}}""")).Reason;
        Assert.Contains(where, reason);
        Assert.Contains("out of range for WGS-84 longitude/latitude", reason);
    }

    [Fact]
    public void A_bad_polygon_inside_a_multipolygon_is_located()
    {
        var reason = SingleProblem(Feature(geometry:
            """{"type":"MultiPolygon","coordinates":[[[[104.0,30.6],[104.01,30.6],[104.01,30.61],[104.0,30.6]]],[[[104.1,30.6],[104.11,30.6],[104.1,30.6]]]]}""")).Reason;
        Assert.Equal("polygon 1, ring 0 has 3 positions; a closed ring needs at least 4", reason);
    }

    [Fact]
    public void Only_the_bad_features_are_reported_and_the_good_one_is_kept()
    {
        var (features, problems) = Read(Collection(
            Feature(kind: "province"),
            Feature("510104017002", name: "望江楼社区"),
            Feature("510104017003", geometry: """{"type":"Point","coordinates":[104.0,30.6]}""")));

        Assert.Equal(new[] { 0, 2 }, problems.Select(p => p.FeatureIndex ?? -1).Distinct().Order());
        Assert.Equal(1, Assert.Single(features).Index);
        Assert.Equal("510104017002", features[0].Code);
    }

    [Fact]
    public void Every_problem_of_a_feature_is_reported_at_once()
    {
        var (_, problems) = Read(Collection(Feature(kind: "province", name: "",
            geometry: """{"type":"Polygon","coordinates":[[[104.0,30.6],[104.01,30.6],[104.01,30.61],[104.0,30.62]]]}""")));

        Assert.Equal(3, problems.Count);
        Assert.All(problems, p => Assert.Equal(0, p.FeatureIndex));
        Assert.Contains(problems, p => p.Reason == "properties.name is required");
        Assert.Contains(problems, p => p.Reason.StartsWith("properties.kind 'province'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Reason.Contains("not closed", StringComparison.Ordinal));
    }
}
