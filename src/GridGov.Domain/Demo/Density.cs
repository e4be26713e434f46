using GridGov.Domain.Areas;

namespace GridGov.Domain.Demo;

/// <summary>
/// How much room a division gets among its siblings. A village (村) takes in farmland and spreads wider than an urban
/// community (社区), so it weighs 4 against 1; a street weighs what its communities weigh. With the real outlines and
/// the real number of communities per district this gives Chengdu's dense centre (锦江, 青羊, 金牛, 武侯, 成华: 60–130
/// km² for 67–113 communities each) communities of about 1 km², and the outer counties villages of 3–10 km².
/// </summary>
public static class Density
{
    public const double Community = 1;
    public const double Village = 4;

    public static double Weight(Division area, ILookup<string, Division> children) => area.Kind switch
    {
        AreaKind.Community => IsVillage(area.Name) ? Village : Community,
        _ => children[area.Code].Select(c => Weight(c, children)).DefaultIfEmpty(Community).Sum(),
    };

    /// <summary>A village committee by its name (村民委员会, 村委会), as the statistics list spells it.</summary>
    public static bool IsVillage(string name) =>
        name.EndsWith("村民委员会", StringComparison.Ordinal) || name.EndsWith("村委会", StringComparison.Ordinal);
}
