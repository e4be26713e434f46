using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Domain.Areas;
using GridGov.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Staffing;

/// <summary>People and their roles in grids. Assignments are ended, never deleted, so the history stays.</summary>
public static class StaffingEndpoints
{
    public static void MapStaffing(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api").WithTags("Staffing");
        g.MapPost("/people", CreatePerson).WithSummary("Register a person who can be assigned to grids");
        g.MapGet("/grids/{code}/members", (string code, GridGovDb db, CancellationToken ct) => Assignments(code, false, db, ct))
            .WithSummary("Who is responsible for this grid now");
        g.MapGet("/grids/{code}/assignments", (string code, GridGovDb db, CancellationToken ct) => Assignments(code, true, db, ct))
            .WithSummary("Every assignment of this grid, current and ended (history)");
        g.MapPost("/grids/{code}/assignments", Assign).WithSummary("Assign a person to a grid in a role");
        g.MapPost("/assignments/{id:long}/end", End).WithSummary("End an assignment (kept in the history)");
    }

    private static async Task<IResult> CreatePerson(NewPerson body, GridGovDb db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var name = body.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 50) errors["name"] = ["Name is required, at most 50 characters."];
        if (body.DistrictCode is null || AreaCode.KindOf(body.DistrictCode) != AreaKind.District
            || !await db.Areas.AnyAsync(a => a.Code == body.DistrictCode, ct))
            errors["districtCode"] = ["districtCode must be the 6-digit code of a loaded district."];
        var phone = body.Phone?.Trim();
        if (!string.IsNullOrEmpty(phone) && !PhoneMask.IsMobile(phone))
            errors["phone"] = ["phone must be an 11-digit mainland mobile number, e.g. 13812345678."];
        if (errors.Count > 0) return Problems.Invalid(errors);

        var person = new Person
        {
            Name = name!,
            DistrictCode = body.DistrictCode!,
            PhoneMasked = string.IsNullOrEmpty(phone) ? null : PhoneMask.Mask(phone),
            CreatedAt = DateTime.UtcNow,
        };
        db.People.Add(person);
        await db.SaveChangesAsync(ct);
        return Results.Created($"/api/people/{person.Id}", new PersonDto(person.Id, person.Name, person.DistrictCode, person.PhoneMasked));
    }

    private static async Task<IResult> Assignments(string code, bool includeEnded, GridGovDb db, CancellationToken ct)
    {
        if (await FindGrid(code, db, ct) is { } problem) return problem;
        var q = from a in db.GridAssignments.AsNoTracking()
                join p in db.People.AsNoTracking() on a.PersonId equals p.Id
                where a.GridCode == code && (includeEnded || a.EndedAt == null)
                orderby a.StartedAt, a.Id
                select new { a, p.Name, p.PhoneMasked };
        var rows = await q.ToListAsync(ct);
        return Results.Ok(rows.Select(r => ToDto(r.a, r.Name, r.PhoneMasked)).ToList());
    }

    private static async Task<IResult> Assign(string code, NewAssignment body, GridGovDb db, CancellationToken ct)
    {
        if (await FindGrid(code, db, ct) is { } problem) return problem;
        var errors = new Dictionary<string, string[]>();
        var role = GridRoles.Parse(body.Role);
        if (role is null) errors["role"] = [$"role must be one of: {GridRoles.All}."];
        else if (role == GridRole.MicroGridWorker && AreaCode.KindOf(code) != AreaKind.MicroGrid)
            errors["role"] = ["A micro-grid worker is assigned to a micro-grid (16-digit code)."];
        var person = body.PersonId is { } id ? await db.People.FindAsync([id], ct) : null;
        if (person is null) errors["personId"] = ["personId must be the id of a registered person."];
        if (body.Note is { Length: > 200 }) errors["note"] = ["note is at most 200 characters."];
        if (errors.Count > 0) return Problems.Invalid(errors);

        var duplicate = await db.GridAssignments.AnyAsync(
            a => a.GridCode == code && a.PersonId == person!.Id && a.Role == role && a.EndedAt == null, ct);
        if (duplicate) return Problems.Conflict($"{person!.Name} already holds this role in grid {code}.");

        var assignment = new GridAssignment
        {
            GridCode = code,
            DistrictCode = code[..AreaCode.DistrictLength],
            PersonId = person!.Id,
            Role = role!.Value,
            StartedAt = DateTime.UtcNow,
            Note = body.Note?.Trim(),
        };
        db.GridAssignments.Add(assignment);
        await db.SaveChangesAsync(ct);
        return Results.Created($"/api/grids/{code}/assignments", ToDto(assignment, person.Name, person.PhoneMasked));
    }

    private static async Task<IResult> End(long id, EndAssignment? body, GridGovDb db, CancellationToken ct)
    {
        if (body?.Note is { Length: > 200 }) return Problems.Invalid("note", "note is at most 200 characters.");
        var assignment = await db.GridAssignments.FindAsync([id], ct);
        if (assignment is null) return Problems.NotFound($"No assignment {id}.");
        if (assignment.EndedAt is not null)
            return Problems.Conflict($"Assignment {id} already ended at {assignment.EndedAt:O}.");
        assignment.EndedAt = DateTime.UtcNow;
        assignment.EndNote = body?.Note?.Trim();
        await db.SaveChangesAsync(ct);
        var person = await db.People.AsNoTracking().FirstAsync(p => p.Id == assignment.PersonId, ct);
        return Results.Ok(ToDto(assignment, person.Name, person.PhoneMasked));
    }

    private static async Task<IResult?> FindGrid(string code, GridGovDb db, CancellationToken ct)
    {
        var kind = AreaCode.KindOf(code);
        if (kind is null || !kind.Value.IsGrid())
            return Problems.Invalid("code", "A grid code is 14 digits (general or dedicated grid) or 16 digits (micro-grid).");
        return await db.Areas.AnyAsync(a => a.Code == code, ct) ? null : Problems.NotFound($"No grid with code {code}.");
    }

    private static AssignmentDto ToDto(GridAssignment a, string name, string? phone) =>
        new(a.Id, a.GridCode, a.PersonId, name, phone, a.Role.ToWire(), a.Role.ToChinese(),
            a.StartedAt, a.EndedAt, a.Note, a.EndNote);
}
