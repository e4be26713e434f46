using GridGov.Domain.Areas;

namespace GridGov.Domain.People;

public enum RoundProblem { NameMissing, NameTooLong, DueBeforeStart, TooLong, StartTooEarly, DueInPast }

/// <summary>A round's period: the first day and the due day (inclusive), China dates.</summary>
public sealed record RoundPeriod(DateOnly Start, DateOnly Due)
{
    public bool Overlaps(RoundPeriod other) => Start <= other.Due && other.Start <= Due;
}

/// <summary>
/// The rules of opening a verification round (核验轮次) over an area and a period, and of reading its progress. Pure:
/// the caller loads the open rounds that might overlap.
/// </summary>
public static class VerificationRounds
{
    public const int MaxName = 60;
    public const int MaxDays = 366;

    /// <summary>A round may be opened back-dated by a month at most (a round entered late), never longer.</summary>
    public const int MaxDaysBack = 31;

    public static IReadOnlyList<RoundProblem> Check(string? name, DateOnly start, DateOnly due, DateOnly today)
    {
        var problems = new List<RoundProblem>();
        var n = name?.Trim() ?? "";
        if (n.Length == 0) problems.Add(RoundProblem.NameMissing);
        else if (n.Length > MaxName) problems.Add(RoundProblem.NameTooLong);
        if (due < start) problems.Add(RoundProblem.DueBeforeStart);
        else if (due.DayNumber - start.DayNumber + 1 > MaxDays) problems.Add(RoundProblem.TooLong);
        if (start < today.AddDays(-MaxDaysBack)) problems.Add(RoundProblem.StartTooEarly);
        if (due < today) problems.Add(RoundProblem.DueInPast);
        return problems;
    }

    /// <summary>Two rounds share houses when one area holds the other (codes nest as prefixes) and their periods meet.</summary>
    public static bool Clash(string area, RoundPeriod period, string otherArea, RoundPeriod otherPeriod) =>
        (AreaCode.IsWithin(area, otherArea) || AreaCode.IsWithin(otherArea, area)) && period.Overlaps(otherPeriod);

    /// <summary>核验率: houses verified ÷ houses in the round, in percent with one decimal; null for an empty round.</summary>
    public static double? Rate(long verified, long total) => total == 0 ? null : Math.Round(100.0 * verified / total, 1);

    /// <summary>A house not verified by the end of the due day (China time) is overdue.</summary>
    public static bool IsOverdue(DateOnly due, DateOnly today) => today > due;

    public static string Chinese(RoundProblem p) => p switch
    {
        RoundProblem.NameMissing => "请填写轮次名称",
        RoundProblem.NameTooLong => $"轮次名称最多 {MaxName} 个字",
        RoundProblem.DueBeforeStart => "截止日期不能早于开始日期",
        RoundProblem.TooLong => $"一轮核验最长 {MaxDays} 天",
        RoundProblem.StartTooEarly => $"开始日期最多补录 {MaxDaysBack} 天前",
        _ => "截止日期不能早于今天",
    };

    public static string English(RoundProblem p) => p switch
    {
        RoundProblem.NameMissing => "name is required",
        RoundProblem.NameTooLong => $"name is at most {MaxName} characters",
        RoundProblem.DueBeforeStart => "dueOn must not be before startsOn",
        RoundProblem.TooLong => $"a round lasts at most {MaxDays} days",
        RoundProblem.StartTooEarly => $"startsOn may be at most {MaxDaysBack} days ago",
        _ => "dueOn must not be before today",
    };

    /// <summary>The JSON field a problem belongs to.</summary>
    public static string Field(RoundProblem p) => p switch
    {
        RoundProblem.NameMissing or RoundProblem.NameTooLong => "name",
        RoundProblem.StartTooEarly => "startsOn",
        _ => "dueOn",
    };
}
