using GridGov.Domain.Areas;

namespace GridGov.Domain.Tests.Areas;

public class AreaCodeTests
{
    [Theory]
    [InlineData("5101", AreaKind.City)]
    [InlineData("510104", AreaKind.District)]
    [InlineData("510104017", AreaKind.Street)]
    [InlineData("510104017001", AreaKind.Community)]
    [InlineData("51010401700101", AreaKind.GeneralGrid)]
    [InlineData("51010401700179", AreaKind.GeneralGrid)]
    [InlineData("51010401700180", AreaKind.DedicatedGrid)]
    [InlineData("51010401700199", AreaKind.DedicatedGrid)]
    [InlineData("5101040170010101", AreaKind.MicroGrid)]
    public void KindOf_reads_the_kind_from_the_code_shape(string code, AreaKind expected)
    {
        Assert.Equal(expected, AreaCode.KindOf(code));
        Assert.True(AreaCode.IsWellFormed(code));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("51")]
    [InlineData("51010")]
    [InlineData("5101040")]
    [InlineData("5101040170")]
    [InlineData("5101040170010")]
    [InlineData("510104017001010")]
    [InlineData("51010401700101011")]
    [InlineData("51010a")]
    [InlineData("５１０１")] // full-width digits are not ASCII digits
    [InlineData(" 5101")]
    public void KindOf_is_null_for_anything_that_is_not_a_code(string? code)
    {
        Assert.Null(AreaCode.KindOf(code));
        Assert.False(AreaCode.IsWellFormed(code));
    }

    [Theory]
    [InlineData("510104", "5101")]
    [InlineData("510104017", "510104")]
    [InlineData("510104017001", "510104017")]
    [InlineData("51010401700101", "510104017001")]
    [InlineData("51010401700180", "510104017001")] // dedicated grids hang off the community
    [InlineData("5101040170010102", "51010401700101")] // micro-grids hang off their general grid
    public void ParentOf_cuts_the_code_to_its_parent(string code, string parent) =>
        Assert.Equal(parent, AreaCode.ParentOf(code));

    [Fact]
    public void A_city_has_no_parent() => Assert.Null(AreaCode.ParentOf("5101"));

    [Theory]
    [InlineData("5101040170010102", "5101", true)]
    [InlineData("5101040170010102", "510104", true)]
    [InlineData("5101040170010102", "51010401700101", true)]
    [InlineData("510104", "510104", true)]
    [InlineData("510105001", "510104", false)]
    [InlineData("510104", "510104017", false)] // a parent is not within its child
    [InlineData("5102", "5101", false)]
    public void IsWithin_is_a_prefix_test(string code, string area, bool expected) =>
        Assert.Equal(expected, AreaCode.IsWithin(code, area));

    [Theory]
    [InlineData("510104", "510105")]
    [InlineData("510199", "5102")]
    [InlineData("5101", "5102")]
    [InlineData("510109", "51011")]
    [InlineData("51010401700199", "510104017002")]
    [InlineData("0", "1")]
    public void UpperBound_increments_the_last_digit_that_is_not_a_nine(string area, string expected) =>
        Assert.Equal(expected, AreaCode.UpperBound(area));

    [Fact]
    public void UpperBound_of_all_nines_is_unbounded() => Assert.Null(AreaCode.UpperBound("9999"));

    [Fact]
    public void UpperBound_range_scan_selects_exactly_the_codes_under_the_area()
    {
        var rng = new Random(20240601);
        // Mostly 0s and 9s, so carries ("…99" → next digit up) and shared prefixes are exercised hard.
        char Digit() => rng.Next(4) switch { 0 => '0', 1 => '9', 2 => '8', _ => (char)('0' + rng.Next(10)) };
        string Digits(int n) => new(Enumerable.Range(0, n).Select(_ => Digit()).ToArray());

        for (var i = 0; i < 20_000; i++)
        {
            var area = Digits(rng.Next(1, 17));
            // Half the candidates share a prefix of the area, so both sides of the equivalence occur often.
            var code = rng.Next(2) == 0
                ? area[..rng.Next(0, area.Length + 1)] + Digits(rng.Next(0, 8))
                : Digits(rng.Next(1, 17));
            var bound = AreaCode.UpperBound(area);
            var inRange = string.CompareOrdinal(code, area) >= 0
                          && (bound is null || string.CompareOrdinal(code, bound) < 0);
            Assert.True(inRange == code.StartsWith(area, StringComparison.Ordinal),
                $"area '{area}', bound '{bound}', code '{code}': range says {inRange}");
            Assert.Equal(code.StartsWith(area, StringComparison.Ordinal), AreaCode.IsWithin(code, area));
        }
    }

    [Fact]
    public void UpperBound_scan_over_the_real_division_list_matches_the_prefix_test()
    {
        var codes = TestCity.Chengdu.Select(d => d.Code).OrderBy(c => c, StringComparer.Ordinal).ToList();
        foreach (var area in new[] { "510104", "510199", "510104017", "5101" })
        {
            var bound = AreaCode.UpperBound(area)!;
            var scanned = codes.Where(c => string.CompareOrdinal(c, area) >= 0 && string.CompareOrdinal(c, bound) < 0);
            Assert.Equal(codes.Where(c => AreaCode.IsWithin(c, area)), scanned);
        }
    }

    [Theory]
    [InlineData("5101", 4, "510104")]
    [InlineData("510104", 17, "510104017")]
    [InlineData("510104017", 1, "510104017001")]
    [InlineData("510104017001", 1, "51010401700101")]
    [InlineData("510104017001", 80, "51010401700180")]
    [InlineData("51010401700101", 99, "5101040170010199")]
    [InlineData("510104", 999, "510104999")]
    public void Child_appends_a_zero_padded_sequence(string parent, int sequence, string expected)
    {
        var child = AreaCode.Child(parent, sequence);
        Assert.Equal(expected, child);
        Assert.Equal(parent, AreaCode.ParentOf(child));
    }

    [Theory]
    [InlineData("5101", 0)]
    [InlineData("5101", 100)]
    [InlineData("510104", 1000)]
    [InlineData("510104017001", 100)]
    [InlineData("51010401700101", -1)]
    public void Child_rejects_a_sequence_that_does_not_fit(string parent, int sequence) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AreaCode.Child(parent, sequence));

    [Fact]
    public void A_micro_grid_cannot_have_children()
    {
        var e = Assert.Throws<ArgumentException>(() => AreaCode.Child("5101040170010101", 1));
        Assert.Contains("5101040170010101", e.Message);
    }

    [Theory]
    [InlineData("510104017001", AreaKind.Community, "510104017")]
    [InlineData("510104017001", AreaKind.Community, null)]
    [InlineData("51010401700180", AreaKind.DedicatedGrid, "510104017001")]
    [InlineData("5101040170010101", AreaKind.MicroGrid, "51010401700101")]
    [InlineData("5101", AreaKind.City, null)]
    public void Problem_is_null_for_a_correct_code(string code, AreaKind kind, string? parent) =>
        Assert.Null(AreaCode.Problem(code, kind, parent));

    [Fact]
    public void Problem_names_the_parent_a_code_does_not_start_with()
    {
        var problem = AreaCode.Problem("510104017001", AreaKind.Community, "510104018");
        Assert.Equal("code '510104017001' must start with its parent code '510104018' (expected parent '510104017')", problem);
    }

    [Theory]
    [InlineData("5101040170", "must be 4, 6, 9, 12, 14 or 16 digits")]
    [InlineData("51010401700x", "must be 4, 6, 9, 12, 14 or 16 digits")]
    [InlineData("510104017", "is the shape of a street code, not a community code")]
    [InlineData("51010401700101", "is the shape of a grid code, not a community code")]
    public void Problem_explains_a_code_of_the_wrong_shape(string code, string expected)
    {
        var problem = AreaCode.Problem(code, AreaKind.Community, null);
        Assert.NotNull(problem);
        Assert.Contains($"'{code}'", problem);
        Assert.Contains(expected, problem);
    }

    [Fact]
    public void Problem_tells_general_and_dedicated_grid_codes_apart()
    {
        Assert.Equal("code '51010401700180' is the shape of a dedicated code, not a grid code",
            AreaCode.Problem("51010401700180", AreaKind.GeneralGrid, "510104017001"));
        Assert.Equal("code '51010401700101' is the shape of a grid code, not a dedicated code",
            AreaCode.Problem("51010401700101", AreaKind.DedicatedGrid, "510104017001"));
    }

    [Fact]
    public void Truncate_and_DistrictOf_give_ancestors()
    {
        Assert.Equal("510104017", AreaCode.Truncate("5101040170010101", AreaCode.StreetLength));
        Assert.Null(AreaCode.Truncate("510104", AreaCode.StreetLength));
        Assert.Equal("510104", AreaCode.DistrictOf("510104017001"));
        Assert.Null(AreaCode.DistrictOf("5101"));
    }

    [Theory]
    [InlineData("grid", AreaKind.GeneralGrid)]
    [InlineData("general", AreaKind.GeneralGrid)]
    [InlineData(" Micro ", AreaKind.MicroGrid)]
    [InlineData("microgrid", AreaKind.MicroGrid)]
    [InlineData("dedicated", AreaKind.DedicatedGrid)]
    [InlineData("COMMUNITY", AreaKind.Community)]
    public void Wire_names_parse_leniently(string text, AreaKind expected)
    {
        Assert.True(AreaKinds.TryParseWire(text, out var kind));
        Assert.Equal(expected, kind);
    }

    [Fact]
    public void Every_kind_round_trips_through_its_wire_name()
    {
        foreach (var kind in Enum.GetValues<AreaKind>())
        {
            Assert.True(AreaKinds.TryParseWire(kind.ToWire(), out var parsed));
            Assert.Equal(kind, parsed);
        }
        Assert.False(AreaKinds.TryParseWire("province", out _));
        Assert.False(AreaKinds.TryParseWire(null, out _));
    }
}
