using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Domain.Areas;
using GridGov.Domain.Security;
using GridGov.Web.Hosting;
using GridGov.Web.Hosting.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Staffing;

/// <summary>
/// Staff members and their roles in grids, inside the caller's area. Assignments are ended, never deleted. Personal
/// numbers are stored encrypted and shown masked; the full numbers come only from /contact, with a reason, audited.
/// </summary>
public static class StaffingEndpoints
{
    public static void MapStaffing(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api").WithTags("Staffing");
        g.MapPost("/staff", CreateStaffMember).RequirePermission(Permission.StaffWrite)
            .WithSummary("Register a staff member in an area of yours");
        g.MapGet("/staff/{id:long}", GetStaffMember).RequirePermission(Permission.StaffRead)
            .WithSummary("A staff member (numbers masked)");
        g.MapGet("/staff/{id:long}/contact", Contact).RequirePermission(Permission.PeopleUnmask)
            .WithSummary("A staff member's full phone and ID numbers; requires a reason and is audited");
        g.MapGet("/grids/{code}/members", (string code, GridGovDb db, Caller caller, CancellationToken ct) => Assignments(code, false, db, caller, ct))
            .RequirePermission(Permission.StaffRead).WithSummary("Who is responsible for this grid now");
        g.MapGet("/grids/{code}/assignments", (string code, GridGovDb db, Caller caller, CancellationToken ct) => Assignments(code, true, db, caller, ct))
            .RequirePermission(Permission.StaffRead).WithSummary("Every assignment of this grid, current and ended (history)");
        g.MapPost("/grids/{code}/assignments", Assign).RequirePermission(Permission.StaffWrite)
            .WithSummary("Assign a staff member to a grid in a role");
        g.MapPost("/assignments/{id:long}/end", End).RequirePermission(Permission.StaffWrite).WithSummary("End an assignment (kept in the history)");
    }

    private static async Task<IResult> CreateStaffMember(
        NewStaffMember body, GridGovDb db, Caller caller, PersonalData pii, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var name = body.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 50) errors["name"] = ["Name is required, at most 50 characters."];
        if (body.AreaCode is null || !AreaCode.IsWellFormed(body.AreaCode) || AreaCode.KindOf(body.AreaCode) == AreaKind.City
            || !caller.Covers(Permission.StaffWrite, body.AreaCode) || !await db.Areas.AnyAsync(a => a.Code == body.AreaCode, ct))
            errors["areaCode"] = ["areaCode must be a district, street, community or grid inside your area."];
        var phone = body.Phone?.Trim();
        if (!string.IsNullOrEmpty(phone) && !PersonalNumbers.IsMobile(phone))
            errors["phone"] = ["phone must be an 11-digit mainland mobile number, e.g. 13812345678."];
        var id = body.IdNumber?.Trim();
        if (!string.IsNullOrEmpty(id) && PersonalNumbers.IdCardProblem(PersonalNumbers.Normalize(id)) is { } idProblem)
            errors["idNumber"] = [$"Not a valid ID card number: {idProblem}."];
        if (errors.Count > 0) return Problems.Invalid(errors);

        var member = new StaffMember
        {
            Name = name!,
            AreaCode = body.AreaCode!,
            DistrictCode = body.AreaCode![..AreaCode.DistrictLength],
            CreatedAt = DateTime.UtcNow,
        };
        if (!string.IsNullOrEmpty(phone)) (member.PhoneMasked, member.PhoneCipher) = pii.ProtectPhone(phone);
        if (!string.IsNullOrEmpty(id)) (member.IdNumberMasked, member.IdNumberCipher) = pii.ProtectIdCard(id);
        db.StaffMembers.Add(member);
        await db.SaveChangesAsync(ct);
        return Results.Created($"/api/staff/{member.Id}", ToDto(member));
    }

    private static async Task<IResult> GetStaffMember(long id, GridGovDb db, Caller caller, CancellationToken ct)
    {
        var member = await db.StaffMembers.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        return member is null || !caller.Covers(Permission.StaffRead, member.AreaCode)
            ? Problems.NotFound($"No staff member {id} in your area.")
            : Results.Ok(ToDto(member));
    }

    private static async Task<IResult> Contact(long id, string? reason, GridGovDb db, Caller caller, PersonalData pii, AuditWriter audit, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 200)
            return Problems.Invalid("reason", "Say why you need the full numbers (at most 200 characters); it is recorded.");
        var member = await db.StaffMembers.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (member is null || !caller.Covers(Permission.PeopleUnmask, member.AreaCode))
            return Problems.NotFound($"No staff member {id} in your area.");
        await audit.RecordAsync("unmask", nameof(StaffMember), id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            member.AreaCode, $"phone {member.PhoneMasked ?? "-"}, id {member.IdNumberMasked ?? "-"}", reason.Trim(), ct);
        return Results.Ok(new StaffMemberContact(
            member.Id, member.Name, pii.Reveal(member.PhoneCipher), pii.Reveal(member.IdNumberCipher)));
    }

    private static async Task<IResult> Assignments(string code, bool includeEnded, GridGovDb db, Caller caller, CancellationToken ct)
    {
        if (await FindGrid(code, Permission.StaffRead, db, caller, ct) is { } problem) return problem;
        var q = from a in db.GridAssignments.AsNoTracking()
                join m in db.StaffMembers.AsNoTracking() on a.StaffMemberId equals m.Id
                where a.GridCode == code && (includeEnded || a.EndedAt == null)
                orderby a.StartedAt, a.Id
                select new { a, m.Name, m.PhoneMasked };
        var rows = await q.ToListAsync(ct);
        return Results.Ok(rows.Select(r => ToDto(r.a, r.Name, r.PhoneMasked)).ToList());
    }

    internal static async Task<IResult> Assign(string code, NewAssignment body, GridGovDb db, Caller caller, CancellationToken ct)
    {
        if (await FindGrid(code, Permission.StaffWrite, db, caller, ct) is { } problem) return problem;
        var errors = new Dictionary<string, string[]>();
        var role = GridRoles.Parse(body.Role);
        if (role is null) errors["role"] = [$"role must be one of: {GridRoles.All}."];
        else if (role == GridRole.MicroGridWorker && AreaCode.KindOf(code) != AreaKind.MicroGrid)
            errors["role"] = ["A micro-grid worker is assigned to a micro-grid (16-digit code)."];
        var member = body.StaffMemberId is { } id ? await db.StaffMembers.FindAsync([id], ct) : null;
        // Someone from another area is indistinguishable from nobody: no existence leak.
        if (member is null || !caller.Covers(Permission.StaffWrite, member.AreaCode))
            errors["staffMemberId"] = ["staffMemberId must be the id of a staff member registered in your area."];
        if (body.Note is { Length: > 200 }) errors["note"] = ["note is at most 200 characters."];
        if (errors.Count > 0) return Problems.Invalid(errors);

        var duplicate = await db.GridAssignments.AnyAsync(
            a => a.GridCode == code && a.StaffMemberId == member!.Id && a.Role == role && a.EndedAt == null, ct);
        if (duplicate) return Problems.Conflict($"{member!.Name} already holds this role in grid {code}.");

        var assignment = new GridAssignment
        {
            GridCode = code,
            DistrictCode = code[..AreaCode.DistrictLength],
            StaffMemberId = member!.Id,
            Role = role!.Value,
            StartedAt = DateTime.UtcNow,
            Note = body.Note?.Trim(),
        };
        db.GridAssignments.Add(assignment);
        await db.SaveChangesAsync(ct);
        return Results.Created($"/api/grids/{code}/assignments", ToDto(assignment, member.Name, member.PhoneMasked));
    }

    internal static async Task<IResult> End(long id, EndAssignment? body, GridGovDb db, Caller caller, CancellationToken ct)
    {
        if (body?.Note is { Length: > 200 }) return Problems.Invalid("note", "note is at most 200 characters.");
        var assignment = await db.GridAssignments.FindAsync([id], ct);
        if (assignment is null || !caller.Covers(Permission.StaffWrite, assignment.GridCode))
            return Problems.NotFound($"No assignment {id} in your area.");
        if (assignment.EndedAt is not null)
            return Problems.Conflict($"Assignment {id} already ended at {assignment.EndedAt:O}.");
        assignment.EndedAt = DateTime.UtcNow;
        assignment.EndNote = body?.Note?.Trim();
        await db.SaveChangesAsync(ct);
        var member = await db.StaffMembers.AsNoTracking().FirstAsync(m => m.Id == assignment.StaffMemberId, ct);
        return Results.Ok(ToDto(assignment, member.Name, member.PhoneMasked));
    }

    private static async Task<IResult?> FindGrid(string code, Permission permission, GridGovDb db, Caller caller, CancellationToken ct)
    {
        var kind = AreaCode.KindOf(code);
        if (kind is null || !kind.Value.IsGrid())
            return Problems.Invalid("code", "A grid code is 14 digits (general or dedicated grid) or 16 digits (micro-grid).");
        return caller.Covers(permission, code) && await db.Areas.AnyAsync(a => a.Code == code, ct)
            ? null : Problems.NotFound($"No grid with code {code} in your area.");
    }

    private static StaffMemberDto ToDto(StaffMember m) => new(m.Id, m.Name, m.AreaCode, m.PhoneMasked, m.IdNumberMasked);

    // Notes are free text: a number typed into one is shown masked, like the person's own.
    private static AssignmentDto ToDto(GridAssignment a, string name, string? phone) =>
        new(a.Id, a.GridCode, a.StaffMemberId, name, phone, a.Role.ToWire(), a.Role.ToChinese(),
            a.StartedAt, a.EndedAt, PersonalNumbers.MaskInText(a.Note), PersonalNumbers.MaskInText(a.EndNote));
}
