using GridGov.Domain.Cases;
using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Domain.Security;

using GridGov.Web.Hosting;
using GridGov.Web.Hosting.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Categories;

public sealed record CategoryDto(string Code, string? ParentCode, string Name, string? NameEn, double? ResponseHours, double? ResolveHours,
    bool WorkingHours, string Handler, string? DepartmentKind, string Urgency, bool IsPublic, bool IsSensitive, bool Active);

public sealed record CategoryEdit(string? Name, double? ResponseHours, double? ResolveHours, bool? WorkingHours, string? Handler,
    string? DepartmentKind, string? Urgency, bool? IsPublic, bool? IsSensitive, bool? Active);

/// <summary>The category tree with time limits; administrators with CategoriesWrite edit it (audited like every write).</summary>
public static class CategoryEndpoints
{
    public static void MapCategories(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/categories").WithTags("Categories");
        g.MapGet("/", async (GridGovDb db, CancellationToken ct) =>
            (await db.Categories.AsNoTracking().OrderBy(c => c.Code).ToListAsync(ct)).Select(ToDto).ToList())
            .RequireAuthorization().WithSummary("Every category, majors (2 digits) and minors (4 digits), with time limits");
        g.MapPut("/{code}", Edit).RequirePermission(Permission.CategoriesWrite).WithSummary("Change a minor category's limits, handler, urgency, visibility");
        app.MapGet("/api/departments", async (string? district, GridGovDb db, CancellationToken ct) =>
            await db.Departments.AsNoTracking().Where(d => district == null || d.DistrictCode == district).OrderBy(d => d.Code)
                .Select(d => new { d.Code, d.Name, d.Kind, d.DistrictCode }).ToListAsync(ct))
            .WithTags("Categories").RequireAuthorization().WithSummary("Functional departments (dispatch targets) of a district");
    }

    internal static async Task<IResult> Edit(string code, CategoryEdit body, GridGovDb db, CancellationToken ct)
    {
        var c = await db.Categories.FirstOrDefaultAsync(x => x.Code == code, ct);
        if (c is null) return Problems.NotFound($"No category {code}.");
        if (code.Length != 4) return Problems.Invalid("code", "Only minor (4-digit) categories carry limits.");
        var errors = new Dictionary<string, string[]>();
        if (body.Name is { } name && (name.Trim().Length is 0 or > 50)) errors["name"] = ["name is 1 to 50 characters."];
        var response = body.ResponseHours ?? c.ResponseHours;
        var resolve = body.ResolveHours ?? c.ResolveHours;
        if (response is not (> 0 and <= 720)) errors["responseHours"] = ["responseHours is more than 0 and at most 720."];
        if (resolve is not (> 0 and <= 2160)) errors["resolveHours"] = ["resolveHours is more than 0 and at most 2160."];
        if (response > resolve) errors["responseHours"] = ["The response limit cannot be longer than the resolve limit."];
        HandlerLevel? handler = body.Handler is null ? c.Handler : HandlerLevels.ParseLevel(body.Handler);
        if (handler is null) errors["handler"] = ["handler is micro_grid, grid, community, street, district or department."];
        var kind = body.DepartmentKind ?? c.DepartmentKind;
        if (handler == HandlerLevel.Department && (kind is null || !await db.Departments.AnyAsync(d => d.Kind == kind, ct)))
            errors["departmentKind"] = ["A department handler needs a known departmentKind (e.g. CG)."];
        Urgency? urgency = body.Urgency switch { null => c.Urgency, "normal" => Urgency.Normal, "urgent" => Urgency.Urgent, "critical" => Urgency.Critical, _ => null };
        if (urgency is null) errors["urgency"] = ["urgency is normal, urgent or critical."];
        if (errors.Count > 0) return Problems.Invalid(errors);
        c.Name = body.Name?.Trim() ?? c.Name;
        c.ResponseHours = response; c.ResolveHours = resolve;
        c.WorkingHours = body.WorkingHours ?? c.WorkingHours;
        c.Handler = handler!.Value; c.DepartmentKind = handler == HandlerLevel.Department ? kind : null;
        c.Urgency = urgency!.Value;
        c.IsPublic = body.IsPublic ?? c.IsPublic; c.IsSensitive = body.IsSensitive ?? c.IsSensitive; c.Active = body.Active ?? c.Active;
        c.UpdatedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(ct);
        return Results.Ok(ToDto(c));
    }

    private static CategoryDto ToDto(Category c) => new(c.Code, c.ParentCode, c.Name, c.NameEn, c.ResponseHours, c.ResolveHours,
        c.WorkingHours, c.Handler.Wire(), c.DepartmentKind, c.Urgency.ToString().ToLowerInvariant(), c.IsPublic, c.IsSensitive, c.Active);
}
