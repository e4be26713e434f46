using GridGov.Data;
using GridGov.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Cases;

/// <summary>
/// Who did a step, as people read it: the user's display name (水井坊第1网格专职网格员), not the sign-in name the history
/// row keeps (sjf.worker). Rows without a user (the hotline, a device, the system) keep the name they were written with.
/// </summary>
internal static class ActorNames
{
    public static async Task<Dictionary<long, string>> ForAsync(GridGovDb db, IEnumerable<CaseHistory> rows, CancellationToken ct)
    {
        var ids = rows.Where(h => h.ActorUserId is not null).Select(h => h.ActorUserId!.Value).Distinct().ToList();
        return ids.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

    public static string Of(CaseHistory h, IReadOnlyDictionary<long, string> names) =>
        h.ActorUserId is { } id && names.TryGetValue(id, out var name) && !string.IsNullOrWhiteSpace(name) ? name : h.ActorName;
}
