using GridGov.Domain.People;

namespace GridGov.Domain.Tests.People;

public sealed class VerificationTests
{
    private static readonly DateOnly Today = new(2026, 12, 6);
    private static readonly string[] Tags = ["独居老人"];

    [Theory]
    [InlineData(VerificationState.Pending, VerificationAction.Confirm, VerificationState.Verified)]
    [InlineData(VerificationState.Returned, VerificationAction.Confirm, VerificationState.Verified)]
    [InlineData(VerificationState.Pending, VerificationAction.Correct, VerificationState.Submitted)]
    [InlineData(VerificationState.Returned, VerificationAction.Correct, VerificationState.Submitted)]
    [InlineData(VerificationState.Submitted, VerificationAction.Approve, VerificationState.Verified)]
    [InlineData(VerificationState.Submitted, VerificationAction.Reject, VerificationState.Returned)]
    public void The_worker_files_and_the_community_decides(VerificationState state, VerificationAction action, VerificationState next) =>
        Assert.Equal((next, (VerificationRefusal?)null), VerificationFlow.Decide(state, action, roundOpen: true));

    [Theory]
    [InlineData(VerificationState.Verified, VerificationAction.Confirm, VerificationRefusal.AlreadyVerified)]
    [InlineData(VerificationState.Verified, VerificationAction.Correct, VerificationRefusal.AlreadyVerified)]
    [InlineData(VerificationState.Submitted, VerificationAction.Confirm, VerificationRefusal.AwaitingReview)]
    [InlineData(VerificationState.Pending, VerificationAction.Approve, VerificationRefusal.NothingToReview)]
    [InlineData(VerificationState.Verified, VerificationAction.Reject, VerificationRefusal.NothingToReview)]
    public void Anything_else_is_refused_with_the_reason(VerificationState state, VerificationAction action, VerificationRefusal refusal) =>
        Assert.Equal(refusal, VerificationFlow.Decide(state, action, roundOpen: true).Refusal);

    [Fact]
    public void A_closed_round_takes_nothing() =>
        Assert.Equal(VerificationRefusal.RoundClosed, VerificationFlow.Decide(VerificationState.Pending, VerificationAction.Confirm, roundOpen: false).Refusal);

    [Fact]
    public void A_round_needs_a_name_a_due_day_not_before_its_start_or_today_and_at_most_a_year()
    {
        Assert.Empty(VerificationRounds.Check("第一轮", Today, Today.AddDays(30), Today));
        Assert.Contains(RoundProblem.DueBeforeStart, VerificationRounds.Check("第一轮", Today.AddDays(5), Today.AddDays(2), Today));
        Assert.Contains(RoundProblem.TooLong, VerificationRounds.Check("第一轮", Today, Today.AddDays(400), Today));
        Assert.Contains(RoundProblem.StartTooEarly, VerificationRounds.Check("第一轮", Today.AddDays(-60), Today.AddDays(5), Today));
        Assert.Contains(RoundProblem.DueInPast, VerificationRounds.Check("第一轮", Today.AddDays(-20), Today.AddDays(-1), Today));
        Assert.Contains(RoundProblem.NameMissing, VerificationRounds.Check(" ", Today, Today.AddDays(3), Today));
    }

    [Theory]
    [InlineData("510104", "5101040170010101", true)]    // a district holds the micro-grid
    [InlineData("5101040170010101", "510104017001", true)] // and the other way round
    [InlineData("510104017001", "510104017002", false)]    // siblings share no house
    public void Rounds_clash_over_nested_areas_on_shared_days(string a, string b, bool clash)
    {
        var days = new RoundPeriod(Today, Today.AddDays(10));
        Assert.Equal(clash, VerificationRounds.Clash(a, days, b, new RoundPeriod(Today.AddDays(10), Today.AddDays(20))));
        Assert.False(VerificationRounds.Clash(a, days, b, new RoundPeriod(Today.AddDays(11), Today.AddDays(20))));
    }

    [Fact]
    public void The_rate_is_verified_over_houses_in_percent()
    {
        Assert.Equal(33.3, VerificationRounds.Rate(1, 3));
        Assert.Null(VerificationRounds.Rate(0, 0));
        Assert.True(VerificationRounds.IsOverdue(Today.AddDays(-1), Today));
        Assert.False(VerificationRounds.IsOverdue(Today, Today));
    }

    private static readonly CurrentOccupant[] Family = [new(11, 1, Relation.Head), new(12, 2, Relation.Tenant)];

    [Fact]
    public void A_correction_keeps_only_what_differs_and_checks_each_field()
    {
        var id = IdNumber.Compose("510104", new DateOnly(1995, 3, 1), 21).Value;
        var (c, errors) = new CorrectionDraft("出租", [12], [new("赵敏", id, "租户")], [new(1, "139 1234 5678")], " 换租户 ")
            .Build(HouseUse.OwnerOccupied, Family, Today, Tags);
        Assert.Empty(errors);
        Assert.Equal(HouseUse.Rented, c!.Use);
        Assert.Equal([12L], c.MovedOut);
        Assert.Equal(RegistrationType.Floating, Assert.Single(c.MovedIn).Resident.Registration); // a tenant comes from elsewhere
        Assert.Equal("13912345678", Assert.Single(c.Phones).Phone);
        Assert.Equal("换租户", c.Note);
    }

    [Fact]
    public void A_correction_that_changes_nothing_or_names_strangers_is_refused_field_by_field()
    {
        var (none, nothing) = new CorrectionDraft("自住", null, null, null, null).Build(HouseUse.OwnerOccupied, Family, Today, Tags);
        Assert.Null(none);
        Assert.Equal("use", Assert.Single(nothing).Field);

        var (_, errors) = new CorrectionDraft("castle", [99], [new("钱七", "510104199001011235", "cousin")], [new(42, "123")], null)
            .Build(HouseUse.OwnerOccupied, Family, Today, Tags);
        Assert.Equal(["movedIn[0].idNumber", "movedIn[0].relation", "movedOut[0]", "phones[0].personId", "use"], errors.Select(e => e.Field).Order());

        var head = IdNumber.Compose("510104", new DateOnly(1960, 1, 1), 31).Value;
        var (_, second) = new CorrectionDraft(null, null, [new("孙八", head, "head")], null, null).Build(HouseUse.OwnerOccupied, Family, Today, Tags);
        Assert.Equal("movedIn", Assert.Single(second).Field); // the old head must move out first
        var (ok, _) = new CorrectionDraft(null, [11], [new("孙八", head, "head")], null, null).Build(HouseUse.OwnerOccupied, Family, Today, Tags);
        Assert.NotNull(ok);
    }
}
