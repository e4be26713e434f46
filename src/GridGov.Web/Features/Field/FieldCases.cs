using GridGov.Data;
using GridGov.Domain.Cases;
using GridGov.Domain.Security;
using GridGov.Web.Features.Cases;
using GridGov.Web.Hosting.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Field;

/// <summary>A case as the field app lists it: the shared summary plus the name of its area (workers read names, not codes).</summary>
public sealed record FieldCase(CaseSummary Case, string AreaName);

public sealed record FieldCasePage(IReadOnlyList<FieldCase> Items, long? NextCursor);

/// <summary>The caller's own reports and tasks. Always filtered by the caller's id: nobody lists another's.</summary>
public sealed class FieldCases(GridGovDb db, Caller caller, CaseAccess access, CaseClock clock)
{
    public const int MaxTasks = 200;

    private static readonly CaseStatus[] TaskStatuses = [CaseStatus.Dispatched, CaseStatus.Handling, CaseStatus.Suspended];

    public async Task<FieldCasePage> ReportsAsync(long? cursor, int size, CancellationToken ct)
    {
        var me = caller.UserId ?? -1;
        var q = db.Cases.AsNoTracking().Where(c => c.ReporterUserId == me);
        if (cursor is not null) q = q.Where(c => c.Id < cursor);
        var rows = await q.OrderByDescending(c => c.Id).Take(size + 1).ToListAsync(ct);
        var page = await ToFieldAsync(rows.Take(size).ToList(), ct);
        return new FieldCasePage(page, rows.Count > size ? page[^1].Case.Id : null);
    }

    /// <summary>
    /// Assigned to the caller, or dispatched to a level whose area the caller handles (no one named yet): exactly the
    /// cases where <see cref="CaseAccess"/> makes them the handler. The nearest deadline first; no deadline last.
    /// </summary>
    public async Task<IReadOnlyList<FieldCase>> TasksAsync(CancellationToken ct)
    {
        var me = caller.UserId ?? -1;
        var handles = caller.Areas(Permission.CasesHandle);
        var open = db.Cases.AsNoTracking().Where(c => TaskStatuses.Contains(c.Status));
        var mine = await open.Where(c => c.AssigneeUserId == me).OrderBy(c => c.ResolveDueAt).Take(MaxTasks).ToListAsync(ct);
        var byLevel = await open.Where(c => c.AssigneeUserId == null && c.AssigneeDepartment == null).WithinAny(c => c.AreaCode, handles)
            .OrderBy(c => c.ResolveDueAt).Take(MaxTasks).ToListAsync(ct);
        var rows = mine.Concat(byLevel.Where(c => access.ActorsFor(c).Contains(CaseActor.Handler)))
            .OrderBy(c => c.ResolveDueAt ?? DateTime.MaxValue).ThenBy(c => c.Id).Take(MaxTasks).ToList();
        return await ToFieldAsync(rows, ct);
    }

    private async Task<List<FieldCase>> ToFieldAsync(List<Data.Entities.Case> rows, CancellationToken ct)
    {
        var categories = await CaseEndpoints.CategoryNames(db, rows.Select(r => r.CategoryCode), ct);
        var codes = rows.Select(r => r.AreaCode).Distinct().ToList();
        var areas = await db.Areas.AsNoTracking().Where(a => codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Name, ct);
        var now = clock.Now;
        return rows.Select(c => new FieldCase(CaseMapping.Summary(c, categories.GetValueOrDefault(c.CategoryCode, ""), now),
            areas.GetValueOrDefault(c.AreaCode, ""))).ToList();
    }
}
