using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Domain.Areas;
using GridGov.Domain.People;
using GridGov.Domain.Security;
using GridGov.Web.Hosting.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Verification;

/// <summary>
/// Which rounds a caller sees: those over an area of theirs, and those over a wider area that holds one of theirs
/// (a community sees its part of a district's round). Everything else is a 404.
/// </summary>
internal static class RoundRows
{
    public static IQueryable<VerificationRound> Visible(GridGovDb db, Caller caller)
    {
        var areas = caller.Areas(Permission.RegistryRead);
        var above = areas.SelectMany(Ancestors).Distinct().ToList();
        return db.VerificationRounds.AsNoTracking()
            .Where(CodeScope.Predicate<VerificationRound>(r => r.AreaCode, areas).Or(r => above.Contains(r.AreaCode)));
    }

    /// <summary>The area a caller reads a round over: the one asked for, else the round's, else their own part of it; null = 404.</summary>
    public static string? ReadArea(VerificationRound round, string? asked, Caller caller)
    {
        if (asked is not null)
            return AreaCode.IsWellFormed(asked) && caller.Covers(Permission.RegistryRead, asked)
                && (AreaCode.IsWithin(asked, round.AreaCode) || AreaCode.IsWithin(round.AreaCode, asked)) ? asked : null;
        return caller.Covers(Permission.RegistryRead, round.AreaCode) ? round.AreaCode
            : caller.Within(Permission.RegistryRead, round.AreaCode).FirstOrDefault();
    }

    public static IEnumerable<string> Ancestors(string code)
    {
        for (var p = AreaCode.ParentOf(code); p is not null; p = AreaCode.ParentOf(p)) yield return p;
    }

    public static async Task<RoundDto> ToDtoAsync(GridGovDb db, VerificationRound r, DateOnly today, CancellationToken ct)
    {
        var name = await db.Areas.AsNoTracking().Where(a => a.Code == r.AreaCode).Select(a => a.Name).FirstOrDefaultAsync(ct) ?? r.AreaCode;
        return ToDto(r, name, today);
    }

    public static RoundDto ToDto(VerificationRound r, string areaName, DateOnly today) =>
        new(r.Id, r.Name, r.AreaCode, areaName, r.StartsOn, r.DueOn, r.Houses, r.OpenedBy, r.OpenedAt, r.ClosedAt,
            r.ClosedAt is null && VerificationRounds.IsOverdue(r.DueOn, today));
}
