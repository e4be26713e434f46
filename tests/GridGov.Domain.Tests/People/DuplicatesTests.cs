using GridGov.Domain.People;

namespace GridGov.Domain.Tests.People;

public sealed class DuplicatesTests
{
    private static readonly PersonKey Registered = new(7, "王秀英", new DateOnly(1949, 12, 31), "11010519491231002X", [10]);

    [Fact]
    public void A_mistyped_check_character_or_one_wrong_digit_is_a_possible_duplicate_never_the_same_person()
    {
        var typo = new PersonKey(null, "王秀英", new DateOnly(1949, 12, 31), "110105194912310021", []);
        Assert.Equal(DuplicateReason.CheckCharacterDiffers, Assert.Single(Duplicates.Possible(typo, [Registered])).Reason);
        var digit = new PersonKey(null, "王秀英", new DateOnly(1949, 12, 31), "110106194912310028", []);
        Assert.Equal(DuplicateReason.CheckCharacterDiffers, Assert.Single(Duplicates.Possible(digit, [Registered])).Reason);
        // The exact number is the same person (an update), not a possible duplicate.
        Assert.Empty(Duplicates.Possible(Registered with { Id = null }, [Registered]));
    }

    [Fact]
    public void Same_name_and_birth_date_in_the_same_house_is_a_possible_duplicate_elsewhere_it_is_not()
    {
        var noId = new PersonKey(null, "王 秀英", new DateOnly(1949, 12, 31), null, [10]);
        Assert.Equal(DuplicateReason.SameNameBirthDateAndHouse, Assert.Single(Duplicates.Possible(noId, [Registered])).Reason);
        Assert.Empty(Duplicates.Possible(noId with { HouseIds = [11] }, [Registered]));
        Assert.Empty(Duplicates.Possible(noId with { BirthDate = new DateOnly(1950, 1, 1) }, [Registered]));
    }
}
