using GridGov.Data;
using GridGov.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Verification;

/// <summary>
/// Keeps <c>verification_tallies</c> equal to the items: every change of an item's state moves one house from one
/// state's row to the other's in the same transaction; a rebuild recounts a round from its items (at opening, and to
/// repair). Progress reads only these rows.
/// </summary>
public static class VerificationTallies
{
    public static Task<int> MoveAsync(GridGovDb db, long roundId, string areaCode, VerificationState from, VerificationState to, CancellationToken ct) =>
        db.VerificationTallies
            .Where(t => t.RoundId == roundId && t.AreaCode == areaCode && (t.State == from || t.State == to))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Houses, t => t.Houses + (t.State == to ? 1 : -1)), ct);

    /// <summary>Recounts a round: one row per area of its houses and state (zeros included, so a move always finds its row).</summary>
    public static async Task RebuildAsync(GridGovDb db, long roundId, CancellationToken ct)
    {
        await db.VerificationTallies.Where(t => t.RoundId == roundId).ExecuteDeleteAsync(ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO verification_tallies (round_id, area_code, state, houses)
            SELECT {roundId}, i.area_code, s.state, SUM(CASE WHEN i.state = s.state THEN 1 ELSE 0 END)
            FROM verification_items i
            CROSS JOIN (SELECT 1 AS state UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) s
            WHERE i.round_id = {roundId}
            GROUP BY i.area_code, s.state
            """, ct);
    }
}
