using GridGov.Data.Entities;
using GridGov.Domain.Areas;

namespace GridGov.Data;

/// <summary>Scoping by area code prefix, as a range on the primary key (an index range scan on both providers).</summary>
public static class AreaScope
{
    public static IQueryable<Area> InArea(this IQueryable<Area> areas, string area)
    {
        var upper = AreaCode.UpperBound(area);
        var q = areas.Where(a => string.Compare(a.Code, area) >= 0);
        return upper is null ? q : q.Where(a => string.Compare(a.Code, upper) < 0);
    }
}
