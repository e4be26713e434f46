namespace GridGov.Domain.People;

/// <summary>
/// A person's tie to a house over a period: from the day they moved in to the day they left (exclusive), or open.
/// Moving out ends the link; a link is never deleted, so a house's history and a person's addresses stay readable.
/// A person may hold several open links (registered at one house, renting another: 人户分离).
/// </summary>
public sealed record ResidenceLink(long PersonId, long HouseId, Relation Relation, DateOnly From, DateOnly? To = null)
{
    public bool IsOpen => To is null;

    public bool ActiveOn(DateOnly day) => From <= day && (To is null || day < To);
}

public enum ResidenceProblem { FromInFuture, AlreadyLinked, SecondHead, AlreadyEnded, EndBeforeStart, EndInFuture }

/// <summary>The rules for moving people in and out of a house (pure: callers load the house's links and save the result).</summary>
public static class ResidenceRules
{
    /// <summary>
    /// Whether <paramref name="link"/> may be added to a house whose links (open and ended) are <paramref name="houseLinks"/>:
    /// not dated in the future, not a second open link of the same person, not a second open head of the household.
    /// </summary>
    public static ResidenceProblem? CheckNew(IEnumerable<ResidenceLink> houseLinks, ResidenceLink link, DateOnly today)
    {
        if (link.From > today) return ResidenceProblem.FromInFuture;
        var open = houseLinks.Where(l => l.HouseId == link.HouseId && l.IsOpen).ToList();
        if (open.Any(l => l.PersonId == link.PersonId)) return ResidenceProblem.AlreadyLinked;
        if (link.Relation == Relation.Head && open.Any(l => l.Relation == Relation.Head)) return ResidenceProblem.SecondHead;
        return null;
    }

    /// <summary>Moving out on <paramref name="day"/> (the first day no longer there): the link with its end, or why not.</summary>
    public static (ResidenceLink? Ended, ResidenceProblem? Problem) End(ResidenceLink link, DateOnly day, DateOnly today)
    {
        if (!link.IsOpen) return (null, ResidenceProblem.AlreadyEnded);
        if (day < link.From) return (null, ResidenceProblem.EndBeforeStart);
        if (day > today.AddDays(1)) return (null, ResidenceProblem.EndInFuture);
        return (link with { To = day }, null);
    }

    /// <summary>Who lives in a house on a day, the head first.</summary>
    public static IReadOnlyList<ResidenceLink> Occupants(IEnumerable<ResidenceLink> houseLinks, DateOnly day) =>
        houseLinks.Where(l => l.ActiveOn(day)).OrderBy(l => l.Relation).ThenBy(l => l.From).ToList();

    public static string Chinese(ResidenceProblem problem) => problem switch
    {
        ResidenceProblem.FromInFuture => "入住日期不能晚于今天",
        ResidenceProblem.AlreadyLinked => "此人已登记在这套房屋，不能重复登记",
        ResidenceProblem.SecondHead => "这一户已有户主；请先变更原户主的关系",
        ResidenceProblem.AlreadyEnded => "此人已从这套房屋迁出",
        ResidenceProblem.EndBeforeStart => "迁出日期不能早于入住日期",
        _ => "迁出日期不能晚于明天",
    };

    public static string English(ResidenceProblem problem) => problem switch
    {
        ResidenceProblem.FromInFuture => "from must not be after today",
        ResidenceProblem.AlreadyLinked => "this person already lives in this house",
        ResidenceProblem.SecondHead => "this household already has a head; change the current head's relation first",
        ResidenceProblem.AlreadyEnded => "this person has already moved out",
        ResidenceProblem.EndBeforeStart => "the move-out day must not be before the move-in day",
        _ => "the move-out day must not be after tomorrow",
    };
}
