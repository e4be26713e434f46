using GridGov.Domain.People;

namespace GridGov.Web.Features.People;

/// <summary>The registry's per-city settings: the tags residents may carry (GridGov:People:Tags; the common list when unset).</summary>
public sealed class PeopleOptions
{
    public IReadOnlyList<string> Tags { get; init; } = ResidentTags.Default;

    public static PeopleOptions From(IConfiguration configuration)
    {
        var tags = configuration.GetSection("GridGov:People:Tags").Get<string[]>();
        return tags is { Length: > 0 } ? new PeopleOptions { Tags = tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToList() } : new PeopleOptions();
    }
}
