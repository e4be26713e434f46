using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Domain.Security;
using GridGov.Web.Hosting.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Verification;

/// <summary>Corrections (change requests) in the reviewer's area, waiting first, as the console and the API list them.</summary>
internal static class ReviewRows
{
    public const int MaxRows = 200;

    public static async Task<IReadOnlyList<ChangeRequestDto>> ListAsync(GridGovDb db, IReadOnlyList<string> areas, bool decided, int limit,
        CancellationToken ct)
    {
        var q = from x in db.VerificationReports.AsNoTracking().WithinAny(x => x.AreaCode, areas)
                join r in db.VerificationRounds.AsNoTracking() on x.RoundId equals r.Id
                join h in db.Houses.AsNoTracking() on x.HouseId equals h.Id
                where x.Kind == VerificationReportKind.Correct && (decided ? x.Decision != null : x.Decision == null)
                select new { x, RoundName = r.Name, h.Address };
        var rows = await (decided ? q.OrderByDescending(y => y.x.DecidedAt) : q.OrderBy(y => y.x.FiledAt)).ThenBy(y => y.x.Id)
            .Take(limit).ToListAsync(ct);
        return rows.Select(y => ToRequest(y.x, y.RoundName, y.Address)).ToList();
    }

    public static ChangeRequestDto ToRequest(VerificationReport x, string roundName, string address) =>
        new(x.Id, x.RoundId, roundName, x.HouseId, address, x.AreaCode, x.Summary, x.ByName, x.FiledAt, DecisionWire(x.Decision),
            x.DecidedBy, x.DecidedAt, x.DecisionNote);

    public static ReportDto ToDto(VerificationReport x) =>
        new(x.Id, x.ItemId, x.HouseId, x.Kind == VerificationReportKind.Confirm ? "confirm" : "correct", x.Summary, x.ByName, x.FiledAt,
            DecisionWire(x.Decision), x.DecidedBy, x.DecidedAt, x.DecisionNote);

    private static string? DecisionWire(ReviewDecision? d) => d switch { ReviewDecision.Approved => "approved", ReviewDecision.Rejected => "rejected", _ => null };

    public static IReadOnlyList<string>? Scope(string? area, Caller caller)
    {
        if (area is null) return caller.Areas(Permission.VerificationReview);
        if (!Domain.Areas.AreaCode.IsWellFormed(area)) return null;
        var within = caller.Within(Permission.VerificationReview, area);
        return within.Count == 0 ? null : within;
    }
}
