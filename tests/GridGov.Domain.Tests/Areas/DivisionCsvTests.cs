using GridGov.Domain.Areas;

namespace GridGov.Domain.Tests.Areas;

public class DivisionCsvTests
{
    private const string Header = "code,name,level,parent_code";

    private static IReadOnlyList<Division> Read(string text) => DivisionCsv.Read(new StringReader(text));

    [Fact]
    public void Chengdu_has_one_city_20_districts_261_streets_and_3047_communities()
    {
        var byKind = TestCity.Chengdu.GroupBy(d => d.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(1, byKind[AreaKind.City]);
        Assert.Equal(20, byKind[AreaKind.District]);
        Assert.Equal(261, byKind[AreaKind.Street]);
        Assert.Equal(3047, byKind[AreaKind.Community]);
        Assert.Equal(4, byKind.Count);
    }

    [Fact]
    public void Chengdu_city_row_is_5101_without_parent()
    {
        var city = Assert.Single(TestCity.Chengdu, d => d.Kind == AreaKind.City);
        Assert.Equal(new Division("5101", "成都市", AreaKind.City, null), city);
    }

    [Fact]
    public void Every_Chengdu_parent_is_present_one_level_up_and_codes_are_unique()
    {
        var divisions = TestCity.Chengdu;
        var byCode = divisions.ToDictionary(d => d.Code, StringComparer.Ordinal); // throws on duplicates
        foreach (var d in divisions.Where(d => d.Kind != AreaKind.City))
        {
            Assert.NotNull(d.ParentCode);
            Assert.True(byCode.TryGetValue(d.ParentCode, out var parent), $"{d.Code} {d.Name}: parent {d.ParentCode} missing");
            Assert.Equal(d.Kind - 1, parent.Kind);
            Assert.Equal(AreaCode.ParentOf(d.Code), d.ParentCode);
            Assert.False(string.IsNullOrWhiteSpace(d.Name));
        }
    }

    [Fact]
    public void Chengdu_contains_the_real_Jinjiang_names()
    {
        var byCode = TestCity.Chengdu.ToDictionary(d => d.Code);
        Assert.Equal("锦江区", byCode["510104"].Name);
        Assert.Equal("水井坊社区居委会", byCode["510104017001"].Name);
        Assert.Equal(AreaKind.Community, byCode["510104017001"].Kind);
    }

    [Fact]
    public void A_small_file_reads_into_divisions_and_blank_lines_are_skipped()
    {
        var rows = Read($"{Header}\n5101,成都市,city,\n\n510104,锦江区,district,5101\n510104017,锦官驿街道,street,510104\n");
        Assert.Equal(
            new[]
            {
                new Division("5101", "成都市", AreaKind.City, null),
                new Division("510104", "锦江区", AreaKind.District, "5101"),
                new Division("510104017", "锦官驿街道", AreaKind.Street, "510104"),
            },
            rows);
    }

    [Theory]
    [InlineData("")]
    [InlineData("code,name,level\n5101,成都市,city,\n")]
    [InlineData("5101,成都市,city,\n")]
    public void A_bad_header_is_refused(string text)
    {
        var e = Assert.Throws<FormatException>(() => Read(text));
        Assert.Contains("code,name,level,parent_code", e.Message);
    }

    [Theory]
    // line numbers count the header as line 1 and include blank lines
    [InlineData("5101,成都市,city\n", "line 2: expected 4 fields, found 3")]
    [InlineData("5101,成都市,city,\n\n510104,锦江区,district,5101,extra\n", "line 4: expected 4 fields, found 5")]
    [InlineData("5101,成都市,province,\n", "line 2: unknown level 'province'")]
    [InlineData("5101,成都市,city,\n51010401700101,第1网格,grid,510104017001\n", "line 3: unknown level 'grid'")]
    [InlineData("5101,成都市,city,\n510104017,锦官驿街道,street,510105\n", "line 3: code '510104017' must start with its parent code '510105'")]
    [InlineData("5101,成都市,city,\n51010,锦江区,district,5101\n", "line 3: code '51010' must be 4, 6, 9, 12, 14 or 16 digits")]
    [InlineData("5101,成都市,city,\n510104017,锦官驿街道,district,5101\n", "line 3: code '510104017' is the shape of a street code, not a district code")]
    public void A_bad_line_is_refused_naming_the_line(string body, string expected)
    {
        var e = Assert.Throws<FormatException>(() => Read($"{Header}\n{body}"));
        Assert.StartsWith(expected, e.Message);
    }

    [Theory]
    [InlineData("水井坊社区居委会", "水井坊社区")]
    [InlineData("水井坊社区居民委员会", "水井坊社区")]
    [InlineData("三圣村村民委员会", "三圣村")]
    [InlineData("三圣村村委会", "三圣村")]
    [InlineData("锦官驿街道", "锦官驿街道")]
    [InlineData("居委会", "居委会")] // nothing would be left: keep the name
    public void Short_drops_the_committee_suffix(string name, string expected) =>
        Assert.Equal(expected, DivisionNames.Short(name));

    [Fact]
    public void Every_Chengdu_community_has_a_non_empty_short_name_without_committee_suffix()
    {
        foreach (var c in TestCity.Chengdu.Where(d => d.Kind == AreaKind.Community))
        {
            var shortName = DivisionNames.Short(c.Name);
            Assert.False(string.IsNullOrEmpty(shortName));
            Assert.False(shortName.EndsWith("委员会", StringComparison.Ordinal) || shortName.EndsWith("委会", StringComparison.Ordinal),
                $"{c.Code}: '{c.Name}' → '{shortName}'");
        }
    }
}
