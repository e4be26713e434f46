using GridGov.Domain.Areas;
using GridGov.Domain.Demo;
using GridGov.Domain.Geo;

namespace GridGov.Domain.Tests.Demo;

/// <summary>Outlines are joined to districts by name; every district needs exactly one.</summary>
public class DistrictMatchTests
{
    private static readonly NamedOutline[] ChengduOutlines =
        EChartsOutlines.Read(File.ReadAllText(OutlinePath("5101")), TestCity.Factory).Outlines.ToArray();

    private static string OutlinePath(string city) => Path.Combine(TestCity.RepoRoot, "data", "outlines", $"{city}-echarts.js");

    private static IReadOnlyList<Division> Divisions(string city)
    {
        using var reader = File.OpenText(Path.Combine(TestCity.RepoRoot, "data", "divisions", $"{city}.csv"));
        return DivisionCsv.Read(reader);
    }

    [Fact]
    public void Chengdu_matches_all_20_districts_by_name_and_xinjin_by_its_stem()
    {
        var match = DistrictMatch.Of(TestCity.Chengdu, ChengduOutlines);

        Assert.Equal(20, match.Matched.Count);
        Assert.Empty(match.Unused);
        var renamed = Assert.Single(match.Matched, m => m.Renamed);
        Assert.Equal(("510118", "新津区", "新津县"), (renamed.District.Code, renamed.District.Name, renamed.Outline.Name));
        // Ids are ignored: 郫都区 carries 郫县's old code in the file.
        var pidu = match.Matched.Single(m => m.District.Name == "郫都区");
        Assert.Equal(("510117", "510124"), (pidu.District.Code, pidu.Outline.Id));
    }

    [Fact]
    public void A_district_without_an_outline_fails_naming_it_and_the_leftovers()
    {
        var withoutXinjin = ChengduOutlines.Where(o => o.Name != "新津县").ToList();
        var renamedAway = withoutXinjin.Append(ChengduOutlines.Single(o => o.Name == "新津县") with { Name = "新津镇区" });

        var e = Assert.Throws<InvalidOperationException>(() => DistrictMatch.Of(TestCity.Chengdu, withoutXinjin));
        Assert.Contains("no outline for 新津区 (510118)", e.Message);
        e = Assert.Throws<InvalidOperationException>(() => DistrictMatch.Of(TestCity.Chengdu, renamedAway.ToList()));
        Assert.Contains("no outline for 新津区 (510118)", e.Message);
        Assert.Contains("outlines left over: 新津镇区", e.Message);
    }

    [Fact]
    public void Two_outlines_for_one_district_fail()
    {
        var twice = ChengduOutlines.Append(ChengduOutlines[0]).ToList();

        var e = Assert.Throws<InvalidOperationException>(() => DistrictMatch.Of(TestCity.Chengdu, twice));
        Assert.Contains($"{ChengduOutlines[0].Name} (", e.Message);
        Assert.Contains("matches 2 outlines", e.Message);
    }

    [Fact]
    public void A_slice_of_the_city_uses_its_districts_outlines_and_reports_the_rest()
    {
        var match = DistrictMatch.Of(TestCity.JinjiangSlice(), ChengduOutlines);

        Assert.Equal("锦江区", Assert.Single(match.Matched).Outline.Name);
        Assert.Equal(19, match.Unused.Count);
    }

    [Theory]
    [InlineData("新津县", "新津")]
    [InlineData("新津区", "新津")]
    [InlineData("都江堰市", "都江堰")]
    [InlineData("峨边彝族自治县", "峨边彝族")]
    [InlineData("市中区", "市中")]
    [InlineData("县", "县")]
    public void The_stem_drops_the_administrative_suffix(string name, string stem) =>
        Assert.Equal(stem, DistrictMatch.Stem(name));

    [Fact]
    public void Guangzhou_committed_as_a_second_city_matches_its_11_districts_exactly()
    {
        var (mapName, outlines) = EChartsOutlines.Read(File.ReadAllText(OutlinePath("4401")), TestCity.Factory);

        var match = DistrictMatch.Of(Divisions("4401"), outlines);

        Assert.Equal("广州", mapName);
        Assert.Equal(11, match.Matched.Count);
        Assert.DoesNotContain(match.Matched, m => m.Renamed);
        Assert.Empty(match.Unused);
        Assert.All(match.Matched, m => Assert.True(m.Outline.Shape.IsValid, m.District.Name));
        // 7,434 km² published; the outlines are AMap's, converted to WGS-84.
        var km2 = match.Matched.Sum(m => GeoMath.DegreeAreaToSquareMeters(m.Outline.Shape.Area, 23.1) / 1e6);
        Assert.InRange(km2, 7_200, 7_650);
    }
}
