using GridGov.Data;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Categories;

/// <summary>Department kinds by name for the editor: a district's department is named "{district}{kind}", so the kind's
/// own name is what follows the district's name.</summary>
internal static class CategoryNames
{
    public static async Task<List<(string Kind, string Name)>> DepartmentKindsAsync(GridGovDb db, CancellationToken ct)
    {
        var rows = await (from d in db.Departments.AsNoTracking()
                          join a in db.Areas.AsNoTracking() on d.DistrictCode equals a.Code
                          select new { d.Kind, d.Name, District = a.Name }).ToListAsync(ct);
        return rows.GroupBy(r => r.Kind).OrderBy(g => g.Key)
            .Select(g => g.First()).Select(r => (r.Kind, r.Name.StartsWith(r.District, StringComparison.Ordinal) ? r.Name[r.District.Length..] : r.Name))
            .ToList();
    }
}
