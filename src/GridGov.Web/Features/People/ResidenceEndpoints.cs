using GridGov.Data;
using GridGov.Domain.People;
using GridGov.Domain.Security;
using GridGov.Web.Hosting;
using GridGov.Web.Hosting.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.People;

/// <summary>Who lives where: moving a resident into a house and out again. A link is ended, never deleted.</summary>
public static class ResidenceEndpoints
{
    public static void MapResidences(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api").WithTags("People and homes");
        g.MapPost("/houses/{id:long}/residents", MoveIn).RequirePermission(Permission.RegistryWrite)
            .WithSummary("Move a resident of your area into a house of your area, with their relation and the day");
        g.MapPost("/residences/{id:long}/end", MoveOut).RequirePermission(Permission.RegistryWrite)
            .WithSummary("A resident moved out (the link is ended and kept in the house's history)");
    }

    internal static async Task<IResult> MoveIn(long id, NewResidence body, GridGovDb db, Caller caller, PeopleRegistry registry, CancellationToken ct)
    {
        var house = await db.Houses.FirstOrDefaultAsync(h => h.Id == id, ct);
        if (house is null || !caller.Covers(Permission.RegistryWrite, house.AreaCode)) return Problems.NotFound($"No house {id} in your area.");
        var errors = new Dictionary<string, string[]>();
        var visible = body.PersonId is { } pid ? await PeopleRows.FindVisibleAsync(pid, db, caller, Permission.RegistryWrite, ct) : null;
        if (visible is null) errors["personId"] = ["personId must be a resident registered in your area (register them first with POST /api/people)."];
        var relation = PeopleNames.Parse<Relation>(body.Relation);
        if (relation is null) errors["relation"] = ["relation must be one of head, family_member, tenant, lodger, worker (or 户主、家庭成员、租户、借住、工作)."];
        var from = body.From ?? registry.Today;
        if (errors.Count > 0) return Problems.Invalid(errors);

        var person = await db.People.FirstAsync(p => p.Id == visible!.Id, ct);
        var (link, problem) = await registry.MoveInAsync(person, house, relation!.Value, from, ct);
        if (problem is { } p)
            return p == ResidenceProblem.AlreadyLinked || p == ResidenceProblem.SecondHead
                ? Problems.Conflict(ResidenceRules.English(p))
                : Problems.Invalid("from", ResidenceRules.English(p));
        await db.SaveChangesAsync(ct);
        return Results.Created($"/api/houses/{id}", PeopleRows.ToDto(link!, person.Name, house.Address));
    }

    internal static async Task<IResult> MoveOut(long id, EndResidence? body, GridGovDb db, Caller caller, PeopleRegistry registry, CancellationToken ct)
    {
        var link = await db.Residences.FirstOrDefaultAsync(l => l.Id == id, ct);
        if (link is null || !caller.Covers(Permission.RegistryWrite, link.AreaCode)) return Problems.NotFound($"No residence {id} in your area.");
        if (body?.Note is { Length: > 200 }) return Problems.Invalid("note", "note is at most 200 characters.");
        var problem = await registry.MoveOutAsync(link, body?.To ?? registry.Today, ct);
        if (problem == ResidenceProblem.AlreadyEnded) return Problems.Conflict(ResidenceRules.English(problem.Value));
        if (problem is { } p) return Problems.Invalid("to", ResidenceRules.English(p));
        await db.SaveChangesAsync(ct);
        var name = await db.People.AsNoTracking().Where(x => x.Id == link.PersonId).Select(x => x.Name).FirstAsync(ct);
        var address = await db.Houses.AsNoTracking().Where(h => h.Id == link.HouseId).Select(h => h.Address).FirstAsync(ct);
        return Results.Ok(PeopleRows.ToDto(link, name, address));
    }
}
