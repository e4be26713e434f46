using GridGov.Domain.Areas;
using GridGov.Domain.Demo;
using NetTopologySuite.Geometries;

namespace GridGov.Domain.Tests.Demo;

/// <summary>The Jinjiang slice: its real outline, and synthetic areas inside it that nest and tile exactly.</summary>
public class DemoCityTests
{
    // About 1 m², the import validator's tolerance; cuts are snapped to a 1e-9° grid, which bends a parent's edge by
    // < 0.1 mm where a cut crosses it, so children match their parent to about 1e-7 of its area.
    private const double NoiseSquareDegrees = 1e-10;
    private const double RelativeCoverTolerance = 1e-6;

    private static IReadOnlyList<AreaDraft> Areas => TestCity.Areas;

    [Fact]
    public void The_slice_has_the_real_divisions_and_the_requested_number_of_grids()
    {
        var counts = Areas.GroupBy(a => a.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(1, counts[AreaKind.City]);
        Assert.Equal(1, counts[AreaKind.District]);
        Assert.Equal(11, counts[AreaKind.Street]);
        Assert.Equal(76, counts[AreaKind.Community]);
        Assert.Equal(TestCity.Scale.GeneralGrids, counts[AreaKind.GeneralGrid]);
        Assert.Equal(TestCity.Scale.MicroGrids, counts[AreaKind.MicroGrid]);
        // Dedicated sites are skipped when a community has no room left; the slice's communities are large,
        // so every requested site fits here.
        Assert.Equal(TestCity.Scale.DedicatedGrids, counts[AreaKind.DedicatedGrid]);
        Assert.Equal(Areas.Count, Areas.Select(a => a.Code).Distinct().Count());
    }

    [Fact]
    public void Divisions_keep_their_real_codes_names_and_parents()
    {
        var slice = TestCity.JinjiangSlice();
        var divisions = Areas.Where(a => a.Kind <= AreaKind.Community).ToDictionary(a => a.Code);
        Assert.Equal(slice.Count, divisions.Count);
        foreach (var d in slice)
        {
            var area = divisions[d.Code];
            Assert.Equal(d.Name, area.Name);
            Assert.Equal(d.Kind, area.Kind);
            Assert.Equal(d.ParentCode, area.ParentCode);
        }
        Assert.Equal("锦江区", TestCity.ByCode("510104").Name);
    }

    [Fact]
    public void Grids_are_spread_evenly_over_communities()
    {
        var generalPerCommunity = TestCity.OfKind(AreaKind.GeneralGrid).GroupBy(g => g.ParentCode).Select(g => g.Count()).ToList();
        Assert.Equal(76, generalPerCommunity.Count); // 120 grids over 76 communities: every community gets one
        Assert.InRange(generalPerCommunity.Min(), 1, 2);
        Assert.InRange(generalPerCommunity.Max(), 1, 2);
        Assert.All(TestCity.OfKind(AreaKind.GeneralGrid),
            g => Assert.Equal(4, Areas.Count(m => m.ParentCode == g.Code))); // 480 micro-grids / 120 grids
        Assert.All(TestCity.OfKind(AreaKind.DedicatedGrid).GroupBy(d => d.ParentCode), g => Assert.Single(g));
    }

    [Fact]
    public void Every_code_has_its_kinds_shape_and_starts_with_its_parent()
    {
        foreach (var a in Areas)
        {
            Assert.Null(AreaCode.Problem(a.Code, a.Kind, a.ParentCode));
            if (a.Kind != AreaKind.City) Assert.Equal(AreaCode.ParentOf(a.Code), a.ParentCode);
        }
        Assert.All(TestCity.OfKind(AreaKind.DedicatedGrid), d => Assert.StartsWith("8", d.Code[^2..]));
    }

    [Fact]
    public void Parents_are_yielded_before_their_children()
    {
        var seen = new HashSet<string>();
        foreach (var a in Areas)
        {
            if (a.ParentCode is not null) Assert.Contains(a.ParentCode, seen);
            seen.Add(a.Code);
        }
    }

    [Fact]
    public void Every_area_is_valid_and_only_what_lies_below_the_districts_is_flagged_synthetic()
    {
        foreach (var a in Areas)
        {
            var shape = TestCity.Shape(a);
            Assert.True(shape.IsValid, $"{a.Code} is not valid");
            Assert.True(shape.Area > 0, $"{a.Code} is empty");
            Assert.Equal(4326, shape.SRID);
            Assert.Equal(a.Kind > AreaKind.District, a.Synthetic);
        }
    }

    [Fact]
    public void The_district_is_its_real_outline_and_the_city_their_union()
    {
        var outline = TestCity.DistrictOutlines["510104"];
        Assert.True(TestCity.ByCode("510104").Boundary!.EqualsExact(outline));
        var city = TestCity.Shape(TestCity.ByCode("5101"));
        Assert.Equal(outline.Area, city.Area, 12);
        Assert.True(city.Covers(outline.InteriorPoint));
    }

    [Fact]
    public void Every_child_lies_inside_its_parent()
    {
        foreach (var a in Areas.Where(a => a.ParentCode is not null))
        {
            var outside = TestCity.Shape(a).Difference(TestCity.Shape(TestCity.ByCode(a.ParentCode!))).Area;
            Assert.True(outside < NoiseSquareDegrees, $"{a.Code} has {outside} deg² outside {a.ParentCode}");
        }
    }

    [Fact]
    public void Siblings_of_the_same_kind_do_not_overlap()
    {
        foreach (var group in Areas.Where(a => a.ParentCode is not null).GroupBy(a => (a.ParentCode, a.Kind)))
        {
            var siblings = group.ToList();
            for (var i = 0; i < siblings.Count; i++)
            for (var j = i + 1; j < siblings.Count; j++)
            {
                var a = TestCity.Shape(siblings[i]);
                var b = TestCity.Shape(siblings[j]);
                if (!a.EnvelopeInternal.Intersects(b.EnvelopeInternal)) continue;
                var shared = a.Intersection(b).Area;
                Assert.True(shared < NoiseSquareDegrees, $"{siblings[i].Code} and {siblings[j].Code} overlap by {shared} deg²");
            }
        }
    }

    [Theory]
    [InlineData(AreaKind.City, AreaKind.District)]
    [InlineData(AreaKind.District, AreaKind.Street)]
    [InlineData(AreaKind.Street, AreaKind.Community)]
    [InlineData(AreaKind.Community, AreaKind.GeneralGrid)]
    [InlineData(AreaKind.GeneralGrid, AreaKind.MicroGrid)]
    public void Children_tile_their_parent(AreaKind parentKind, AreaKind childKind)
    {
        var children = TestCity.OfKind(childKind).ToLookup(c => c.ParentCode);
        var parents = TestCity.OfKind(parentKind);
        Assert.NotEmpty(parents);
        foreach (var parent in parents)
        {
            var parentArea = TestCity.Shape(parent).Area;
            var childArea = children[parent.Code].Sum(c => TestCity.Shape(c).Area);
            var relative = Math.Abs(childArea - parentArea) / parentArea;
            Assert.True(relative < RelativeCoverTolerance,
                $"{parent.Code}: children cover {childArea} of {parentArea} deg² (relative gap {relative})");
        }
    }

    [Fact]
    public void Dedicated_grids_are_small_squares_inside_their_community_and_clear_of_each_other()
    {
        var dedicated = TestCity.OfKind(AreaKind.DedicatedGrid);
        string[] types = ["school", "hospital", "market", "park", "enterprise"];
        foreach (var d in dedicated)
        {
            var square = Assert.IsType<Polygon>(TestCity.Shape(d));
            Assert.Equal(5, square.NumPoints);
            Assert.True(square.IsRectangle, $"{d.Code} is not a rectangle");
            var community = TestCity.Shape(TestCity.ByCode(d.ParentCode!));
            Assert.True(community.Contains(square), $"{d.Code} is not inside its community");
            var sideMeters = square.EnvelopeInternal.Height * 111_320;
            Assert.InRange(sideMeters, 119, 301);
            Assert.Contains(d.DedicatedType!, types);
        }
    }

    [Fact]
    public void Grid_names_follow_the_community_name()
    {
        var grid = TestCity.ByCode("51010401700101");
        Assert.Equal("水井坊社区第1网格", grid.Name);
        Assert.Equal("水井坊社区第1网格第1微网格", TestCity.ByCode("5101040170010101").Name);
        Assert.Equal("水井坊社区第1网格第4微网格", TestCity.ByCode("5101040170010104").Name);

        foreach (var g in TestCity.OfKind(AreaKind.GeneralGrid))
        {
            var community = TestCity.ByCode(g.ParentCode!);
            Assert.Equal($"{DivisionNames.Short(community.Name)}第{int.Parse(g.Code[^2..])}网格", g.Name);
        }
        foreach (var m in TestCity.OfKind(AreaKind.MicroGrid))
            Assert.Equal($"{TestCity.ByCode(m.ParentCode!).Name}第{int.Parse(m.Code[^2..])}微网格", m.Name);
        foreach (var d in TestCity.OfKind(AreaKind.DedicatedGrid))
        {
            Assert.StartsWith(DivisionNames.Short(TestCity.ByCode(d.ParentCode!).Name), d.Name);
            Assert.Matches(@"(学校|医院|市场|公园|企业)专属网格\d+$", d.Name);
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_city_and_another_seed_a_different_one()
    {
        var again = TestCity.Generate(TestCity.Seed);
        Assert.Equal(Areas.Count, again.Count);
        for (var i = 0; i < Areas.Count; i++)
        {
            Assert.Equal(Areas[i] with { Boundary = null }, again[i] with { Boundary = null });
            Assert.True(Areas[i].Boundary!.EqualsExact(again[i].Boundary!), $"{Areas[i].Code} differs between runs");
        }

        var other = TestCity.Generate(TestCity.Seed + 1);
        Assert.Equal(Areas.Select(a => a.Code), other.Select(a => a.Code));
        Assert.Contains(other, o => !o.Boundary!.EqualsExact(TestCity.ByCode(o.Code).Boundary!));
    }

    [Fact]
    public void Progress_reports_each_community_in_turn()
    {
        var reported = new List<int>();
        _ = DemoCity.Generate(TestCity.JinjiangSlice(), TestCity.DistrictOutlines, new CityScale("tiny", 76, 0, 0),
            progress: reported.Add).ToList();
        Assert.Equal(Enumerable.Range(1, 76), reported);
    }

    [Fact]
    public void A_scale_without_grids_yields_only_divisions()
    {
        var areas = DemoCity.Generate(TestCity.JinjiangSlice(), TestCity.DistrictOutlines, new CityScale("none", 0, 0, 0))
            .ToList();
        Assert.Equal(TestCity.JinjiangSlice().Count, areas.Count);
        Assert.DoesNotContain(areas, a => a.Kind.IsGrid());
    }

    [Theory]
    [InlineData(10, 3, 99, new[] { 4, 3, 3 })]
    [InlineData(2, 4, 99, new[] { 1, 1, 0, 0 })]
    [InlineData(500, 3, 99, new[] { 99, 99, 99 })] // capped: a community cannot hold more than the code allows
    [InlineData(5, 0, 99, new int[0])]
    public void Spread_splits_totals_evenly_with_a_cap(int total, int buckets, int max, int[] expected) =>
        Assert.Equal(expected, DemoCity.Spread(total, buckets, max));

    [Theory]
    [InlineData("120/480/40", 120, 480, 40)]
    [InlineData(" 0/0/0 ", 0, 0, 0)]
    public void CityScale_parses_explicit_totals(string text, int general, int micro, int dedicated)
    {
        var scale = CityScale.Parse(text);
        Assert.NotNull(scale);
        Assert.Equal((general, micro, dedicated), (scale.GeneralGrids, scale.MicroGrids, scale.DedicatedGrids));
    }

    [Theory]
    [InlineData("full", 14_000)]
    [InlineData("FULL", 14_000)]
    [InlineData("demo", 6_094)]
    [InlineData(null, 6_094)]
    [InlineData("", 6_094)]
    public void CityScale_knows_its_named_scales(string? text, int general) =>
        Assert.Equal(general, CityScale.Parse(text)?.GeneralGrids);

    [Theory]
    [InlineData("huge")]
    [InlineData("1/2")]
    [InlineData("1/-2/3")]
    [InlineData("a/b/c")]
    public void CityScale_rejects_anything_else(string text) => Assert.Null(CityScale.Parse(text));

}
