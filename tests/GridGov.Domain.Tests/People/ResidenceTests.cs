using GridGov.Domain.People;

namespace GridGov.Domain.Tests.People;

public sealed class ResidenceTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);

    private static readonly List<ResidenceLink> House =
    [
        new(1, 10, Relation.Head, new(2010, 5, 1)),
        new(2, 10, Relation.FamilyMember, new(2012, 3, 1)),
        new(3, 10, Relation.Tenant, new(2020, 1, 1), new(2023, 6, 30)), // moved out
    ];

    [Fact]
    public void A_household_has_one_head_and_a_person_is_not_linked_twice_to_one_house()
    {
        Assert.Equal(ResidenceProblem.SecondHead, ResidenceRules.CheckNew(House, new(4, 10, Relation.Head, Today), Today));
        Assert.Equal(ResidenceProblem.AlreadyLinked, ResidenceRules.CheckNew(House, new(2, 10, Relation.Tenant, Today), Today));
        Assert.Equal(ResidenceProblem.FromInFuture, ResidenceRules.CheckNew(House, new(4, 10, Relation.Tenant, Today.AddDays(3)), Today));
        // Someone who moved out may move back in; another house is another household.
        Assert.Null(ResidenceRules.CheckNew(House, new(3, 10, Relation.Tenant, Today), Today));
        Assert.Null(ResidenceRules.CheckNew(House, new(1, 11, Relation.Head, Today), Today));
    }

    [Fact]
    public void Moving_out_ends_the_link_and_keeps_it_and_the_occupants_of_a_day_come_head_first()
    {
        var (ended, problem) = ResidenceRules.End(House[1], Today, Today);
        Assert.Null(problem);
        Assert.Equal(Today, ended!.To);
        Assert.False(ended.ActiveOn(Today));
        Assert.True(ended.ActiveOn(Today.AddDays(-1)));
        Assert.Equal(ResidenceProblem.AlreadyEnded, ResidenceRules.End(House[2], Today, Today).Problem);
        Assert.Equal(ResidenceProblem.EndBeforeStart, ResidenceRules.End(House[0], new(2009, 1, 1), Today).Problem);
        Assert.Equal(ResidenceProblem.EndInFuture, ResidenceRules.End(House[0], Today.AddDays(30), Today).Problem);

        Assert.Equal([1L, 2L], ResidenceRules.Occupants(House, Today).Select(l => l.PersonId));
        Assert.Equal([1L, 2L, 3L], ResidenceRules.Occupants(House, new(2021, 1, 1)).Select(l => l.PersonId));
    }
}
