using GridGov.Domain.Cases;
using GridGov.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Data.Seeding;

/// <summary>Loads data/categories (category tree with time limits, department kinds) and creates each district's departments.</summary>
public static class CategorySeeder
{
    public static IReadOnlyList<Category> ReadCategories(string path)
    {
        var rows = new List<Category>();
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || !lines[0].StartsWith("code,parent,name,name_en,response_hours", StringComparison.Ordinal))
            throw new FormatException($"{path}: unexpected header");
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            var f = lines[i].Split(',');
            if (f.Length != 12) throw new FormatException($"{path} line {i + 1}: expected 12 fields");
            var minor = f[0].Length == 4;
            rows.Add(new Category
            {
                Code = f[0],
                ParentCode = f[1].Length == 0 ? null : f[1],
                Name = f[2],
                NameEn = f[3],
                ResponseHours = minor ? double.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture) : null,
                ResolveHours = minor ? double.Parse(f[5], System.Globalization.CultureInfo.InvariantCulture) : null,
                WorkingHours = f[6] == "true",
                Handler = f[7] switch
                {
                    "micro_grid" => HandlerLevel.MicroGrid, "grid" => HandlerLevel.Grid, "community" => HandlerLevel.Community,
                    "street" => HandlerLevel.Street, "district" => HandlerLevel.District, "department" => HandlerLevel.Department,
                    "" when !minor => HandlerLevel.Community,
                    _ => throw new FormatException($"{path} line {i + 1}: unknown handler '{f[7]}'"),
                },
                DepartmentKind = f[8].Length == 0 ? null : f[8],
                Urgency = f[9] switch { "urgent" => Urgency.Urgent, "critical" => Urgency.Critical, _ => Urgency.Normal },
                IsPublic = f[10] == "true",
                IsSensitive = f[11] == "true",
                Active = true,
                UpdatedAt = DateTime.UtcNow,
            });
        }
        return rows;
    }

    public static IReadOnlyList<(string Kind, string Name)> ReadDepartmentKinds(string path) =>
        File.ReadAllLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .Select(f => (f[0], f[1])).ToList();

    /// <summary>Inserts categories and, for every district, one department per kind (code district-kind). Idempotent.</summary>
    public static async Task SeedAsync(GridGovDb db, string folder, CancellationToken ct)
    {
        if (!await db.Categories.AnyAsync(ct))
        {
            db.Categories.AddRange(ReadCategories(Path.Combine(folder, "categories.csv")));
            await db.SaveChangesAsync(ct);
        }
        if (!await db.Departments.AnyAsync(ct))
        {
            var kinds = ReadDepartmentKinds(Path.Combine(folder, "department-kinds.csv"));
            var districts = await db.Areas.AsNoTracking().Where(a => a.Kind == Domain.Areas.AreaKind.District)
                .Select(a => new { a.Code, a.Name }).ToListAsync(ct);
            foreach (var d in districts)
                foreach (var (kind, name) in kinds)
                    db.Departments.Add(new Department { Code = $"{d.Code}-{kind}", Kind = kind, Name = $"{d.Name}{name}", DistrictCode = d.Code });
            await db.SaveChangesAsync(ct);
        }
    }
}
