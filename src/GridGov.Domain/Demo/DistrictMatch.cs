using GridGov.Domain.Areas;
using GridGov.Domain.Geo;

namespace GridGov.Domain.Demo;

/// <summary>A district with its real outline; Renamed when only the stem of the name matched (新津县 → 新津区).</summary>
public sealed record MatchedDistrict(Division District, NamedOutline Outline, bool Renamed);

/// <summary>
/// Joins map outlines to the districts of a division list by name. Map files carry stale ids (郫都区 under 郫县's old
/// code, an unofficial one for 简阳市), so ids are ignored. A county that became a district keeps its stem
/// (新津县 → 新津区), which is the only fuzziness allowed. Every district must get exactly one outline; an outline
/// left over is reported, not an error, since a slice of the city has fewer districts than its map.
/// </summary>
public sealed record DistrictMatch(IReadOnlyList<MatchedDistrict> Matched, IReadOnlyList<NamedOutline> Unused)
{
    private static readonly string[] Suffixes = ["自治县", "自治旗", "区", "县", "市", "旗"];

    /// <summary>InvalidOperationException naming every district without an outline (or with two).</summary>
    public static DistrictMatch Of(IReadOnlyList<Division> divisions, IReadOnlyList<NamedOutline> outlines)
    {
        var districts = divisions.Where(d => d.Kind == AreaKind.District)
            .OrderBy(d => d.Code, StringComparer.Ordinal).ToList();
        var left = outlines.ToList();
        var found = new Dictionary<string, MatchedDistrict>(StringComparer.Ordinal);
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var exact in new[] { true, false })
            foreach (var d in districts.Where(d => !found.ContainsKey(d.Code) && !problems.ContainsKey(d.Code)))
            {
                var hits = left.Where(o => exact ? o.Name == d.Name : Stem(o.Name) == Stem(d.Name)).ToList();
                if (hits.Count > 1) problems[d.Code] = $"{d.Name} ({d.Code}) matches {hits.Count} outlines";
                if (hits.Count != 1) continue;
                found[d.Code] = new MatchedDistrict(d, hits[0], Renamed: !exact);
                left.Remove(hits[0]);
            }
        foreach (var d in districts.Where(d => !found.ContainsKey(d.Code)))
            problems.TryAdd(d.Code, $"no outline for {d.Name} ({d.Code})");
        if (problems.Count > 0)
            throw new InvalidOperationException(
                $"district outlines do not match the divisions: {string.Join("; ", problems.Values)}" +
                (left.Count > 0 ? $" (outlines left over: {string.Join(", ", left.Select(o => o.Name))})" : ""));
        return new DistrictMatch(districts.Select(d => found[d.Code]).ToList(), left);
    }

    /// <summary>The name without its administrative suffix: 新津县 and 新津区 are both 新津.</summary>
    public static string Stem(string name)
    {
        foreach (var suffix in Suffixes)
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length + 1)
                return name[..^suffix.Length];
        return name;
    }
}
