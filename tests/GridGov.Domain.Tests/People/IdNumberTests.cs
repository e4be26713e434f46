using GridGov.Domain.People;

namespace GridGov.Domain.Tests.People;

public sealed class IdNumberTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);

    // 11010519491231002X is the standard's own example (GB 11643-1999, appendix): a woman born 31 December 1949.
    [Fact]
    public void The_standard_s_example_reads_as_a_woman_born_on_the_last_day_of_1949()
    {
        var (id, problem) = IdNumber.Parse("11010519491231002X", Today);
        Assert.Null(problem);
        Assert.Equal(new DateOnly(1949, 12, 31), id!.Value.BirthDate);
        Assert.Equal(Sex.Female, id.Value.Sex);
        Assert.Equal("110105", id.Value.RegionCode);
        Assert.Equal(76, id.Value.AgeOn(Today));
        Assert.Equal(77, id.Value.AgeOn(new DateOnly(2026, 12, 31)));
    }

    [Theory]
    [InlineData("11010519491231002x")]   // lower-case x
    [InlineData("110105 19491231 002X")] // spaces as people group it
    [InlineData("１１０１０５１９４９１２３１００２Ｘ")] // full-width from a Chinese input method
    public void Typed_variants_read_as_the_same_number(string typed)
    {
        var (id, problem) = IdNumber.Parse(typed, Today);
        Assert.Null(problem);
        Assert.Equal("11010519491231002X", id!.Value.Value);
    }

    [Theory]
    [InlineData(null, IdNumberProblem.Missing)]
    [InlineData("  ", IdNumberProblem.Missing)]
    [InlineData("1101051949123100", IdNumberProblem.Length)]
    [InlineData("11010519491231002X1", IdNumberProblem.Length)]
    [InlineData("1101051949123100AX", IdNumberProblem.NotDigits)]
    [InlineData("99010519491231002X", IdNumberProblem.UnknownRegion)]
    [InlineData("110105194902300021", IdNumberProblem.BadBirthDate)]   // 30 February
    [InlineData("110105203001010021", IdNumberProblem.FutureBirthDate)]
    [InlineData("110105194912310021", IdNumberProblem.CheckCharacter)]  // one check character off
    public void Each_kind_of_bad_number_is_named(string? typed, IdNumberProblem expected)
    {
        var (id, problem) = IdNumber.Parse(typed, Today);
        Assert.Null(id);
        Assert.Equal(expected, problem);
        Assert.StartsWith("身份证号", IdNumber.Chinese(expected));
    }

    [Fact]
    public void The_check_character_is_computed_from_the_first_17_digits_and_the_sequence_gives_the_sex()
    {
        Assert.Equal('X', IdNumber.CheckCharacterFor("11010519491231002"));
        var body = "51010419800101001"; // odd sequence digit: a man
        var id = IdNumber.Parse(body + IdNumber.CheckCharacterFor(body), Today).Number!.Value;
        Assert.Equal(Sex.Male, id.Sex);
        Assert.Equal(body, id.Body);
    }

    [Theory]
    [InlineData("510104", 1944, 3, 8, 17, Sex.Male)]
    [InlineData("510104", 2001, 12, 31, 0, Sex.Female)]
    [InlineData("110105", 1949, 12, 31, 2, Sex.Female)]
    public void A_composed_number_parses_back_to_its_parts(string region, int year, int month, int day, int sequence, Sex sex)
    {
        var id = IdNumber.Compose(region, new DateOnly(year, month, day), sequence);
        var (parsed, problem) = IdNumber.Parse(id.Value, Today);
        Assert.Null(problem);
        Assert.Equal(new DateOnly(year, month, day), parsed!.Value.BirthDate);
        Assert.Equal(sex, parsed.Value.Sex);
        Assert.Equal(region, parsed.Value.RegionCode);
    }

    [Fact]
    public void Compose_refuses_parts_that_cannot_make_a_number()
    {
        Assert.Throws<ArgumentException>(() => IdNumber.Compose("5101", new DateOnly(1990, 1, 1), 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => IdNumber.Compose("510104", new DateOnly(1990, 1, 1), 1000));
    }
}
