using GridGov.Domain.Security;

namespace GridGov.Domain.Tests.Security;

public class VerificationRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void First_code_is_sent_at_once() =>
        Assert.Equal(TimeSpan.Zero, VerificationRules.WaitBeforeSending([], Now));

    [Fact]
    public void A_second_code_within_a_minute_waits_for_the_rest_of_the_minute() =>
        Assert.Equal(TimeSpan.FromSeconds(40), VerificationRules.WaitBeforeSending([Now.AddSeconds(-20)], Now));

    [Fact]
    public void After_a_minute_another_code_may_be_sent() =>
        Assert.Equal(TimeSpan.Zero, VerificationRules.WaitBeforeSending([Now.AddSeconds(-61)], Now));

    [Fact]
    public void The_eleventh_code_of_a_day_waits_until_the_first_is_a_day_old()
    {
        var sent = Enumerable.Range(1, 10).Select(i => Now.AddHours(-i)).ToList();
        Assert.Equal(TimeSpan.FromHours(14), VerificationRules.WaitBeforeSending(sent, Now));
    }

    [Theory]
    [InlineData(true, 0, false, 5, CodeCheck.Ok)]
    [InlineData(false, 0, false, 5, CodeCheck.Wrong)]
    [InlineData(true, 5, false, 5, CodeCheck.TooManyAttempts)]
    [InlineData(true, 0, true, 5, CodeCheck.NoCode)]
    [InlineData(true, 0, false, -1, CodeCheck.Expired)]
    public void Judge_applies_lifetime_attempts_and_single_use(bool matches, int attempts, bool used, int minutesLeft, CodeCheck expected) =>
        Assert.Equal(expected, VerificationRules.Judge(matches, Now.AddMinutes(minutesLeft), attempts, used, Now));

    [Fact]
    public void No_code_sent_is_reported_as_such() =>
        Assert.Equal(CodeCheck.NoCode, VerificationRules.Judge(true, null, 0, false, Now));

    [Theory]
    [InlineData("13800138000", "13800138000")]
    [InlineData("138 0013 8000", "13800138000")]
    [InlineData("+86-138-0013-8000", "13800138000")]
    [InlineData("008613800138000", "13800138000")]
    [InlineData("8613800138000", "13800138000")]
    [InlineData("12800138000", null)]
    [InlineData("1380013800", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Mobile_numbers_are_normalised_to_eleven_digits(string? typed, string? expected) =>
        Assert.Equal(expected, PersonalNumbers.NormalizeMobile(typed));
}
