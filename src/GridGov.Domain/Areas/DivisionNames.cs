namespace GridGov.Domain.Areas;

public static class DivisionNames
{
    private static readonly string[] CommitteeSuffixes = ["居民委员会", "村民委员会", "居委会", "村委会"];

    /// <summary>
    /// The everyday name of a community or village: the statistics list names the committee
    /// ("水井坊社区居委会"), people say "水井坊社区".
    /// </summary>
    public static string Short(string name)
    {
        foreach (var suffix in CommitteeSuffixes)
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length)
                return name[..^suffix.Length];
        return name;
    }
}
