using System.Linq.Expressions;
using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Domain.Areas;
using GridGov.Domain.Cases;
using GridGov.Domain.Security;
using GridGov.Web.Hosting.Security;

namespace GridGov.Web.Features.Cases;

/// <summary>
/// Which cases the caller sees and in which capacity they act on one. Seeing: cases in their areas (CasesRead),
/// cases assigned to them or their department, cases they reported. Acting: supervisor (CasesDispatch over the
/// case's area), handler (the assignee, their department, or — for a case dispatched to a level — the holder of
/// that level's area), reporter. Built for an explicit <see cref="Actor"/>; over HTTP the DI container builds it for the caller.
/// </summary>
public sealed class CaseAccess(Actor caller)
{
    public long? UserId => caller.UserId;

    public IReadOnlyList<string> Departments => caller.Grants
        .Where(g => g.Role == AppRole.DepartmentHandler && g.Department is not null).Select(g => g.Department!).ToList();

    public IQueryable<Case> Visible(IQueryable<Case> cases)
    {
        var me = caller.UserId ?? -1;
        var departments = Departments;
        Expression<Func<Case, bool>> mine = c => c.AssigneeUserId == me || c.ReporterUserId == me || departments.Contains(c.AssigneeDepartment!);
        return cases.Where(CodeScope.Predicate<Case>(c => c.AreaCode, caller.Areas(Permission.CasesRead)).Or(mine));
    }

    public bool CanSee(Case c) =>
        caller.Covers(Permission.CasesRead, c.AreaCode) || c.AssigneeUserId == caller.UserId || c.ReporterUserId == caller.UserId
        || (c.AssigneeDepartment is not null && Departments.Contains(c.AssigneeDepartment));

    /// <summary>
    /// True when the caller sees the case only because they reported it (a resident, an API client): they are then
    /// shown the public step names of staff, not the staff's names.
    /// </summary>
    public bool SeesAsReporterOnly(Case c) =>
        c.ReporterUserId == caller.UserId && !caller.Covers(Permission.CasesRead, c.AreaCode) && c.AssigneeUserId != caller.UserId
        && !(c.AssigneeDepartment is not null && Departments.Contains(c.AssigneeDepartment));

    public IReadOnlyList<CaseActor> ActorsFor(Case c)
    {
        var actors = new List<CaseActor>(3);
        if (IsHandler(c)) actors.Add(CaseActor.Handler);
        if (caller.Covers(Permission.CasesDispatch, c.AreaCode)) actors.Add(CaseActor.Supervisor);
        if (c.ReporterUserId is not null && c.ReporterUserId == caller.UserId) actors.Add(CaseActor.Reporter);
        return actors;
    }

    private bool IsHandler(Case c)
    {
        if (c.AssigneeUserId is not null) return c.AssigneeUserId == caller.UserId;
        if (c.AssigneeDepartment is not null) return Departments.Contains(c.AssigneeDepartment);
        // Dispatched to a level: whoever holds that level's area with a case role handles it.
        var levelArea = AreaCode.Truncate(c.AreaCode, c.HandlerLevel.AreaLength());
        return levelArea is not null && caller.Grants.Any(g => g.Area == levelArea
            && (RolePolicy.Allows(g.Role, Permission.CasesHandle) || RolePolicy.Allows(g.Role, Permission.CasesDispatch)));
    }

    /// <summary>Can this user be the assignee of a case in this area (they hold CasesHandle over it)?</summary>
    public static bool CanHandleArea(IEnumerable<(AppRole Role, string Area)> grants, string caseArea) =>
        grants.Any(g => RolePolicy.Allows(g.Role, Permission.CasesHandle) && AreaCode.IsWithin(caseArea, g.Area));
}
