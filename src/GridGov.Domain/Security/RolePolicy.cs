using GridGov.Domain.Areas;

namespace GridGov.Domain.Security;

/// <summary>The role → permission table and the rules for who may grant what. Pure: no I/O.</summary>
public static class RolePolicy
{
    private static readonly Permission[] Supervise = [Permission.CasesRead, Permission.CasesReport, Permission.CasesDispatch];
    private static readonly Permission[] Handle = [Permission.CasesRead, Permission.CasesReport, Permission.CasesHandle];

    // The registry of people and homes is kept by those who know the doors: communities and grid workers write it;
    // the levels above read it (masked) for oversight and command.
    private static readonly Permission[] Registry = [Permission.RegistryRead, Permission.RegistryWrite];

    // Verification rounds are opened by the administrators of an area (street, district, a community's secretary);
    // the workers' corrections are reviewed by the community, which knows its residents.
    private static readonly Permission[] Review = [Permission.VerificationReview];

    private static readonly Dictionary<AppRole, Permission[]> Table = new()
    {
        [AppRole.CityAdmin] = [Permission.AreasRead, Permission.StaffRead, Permission.StaffWrite, Permission.BoundariesImport, Permission.AuditRead, Permission.GrantsWrite, Permission.CategoriesWrite, .. Supervise, Permission.RegistryRead],
        [AppRole.DistrictAdmin] = [Permission.AreasRead, Permission.StaffRead, Permission.StaffWrite, Permission.BoundariesImport, Permission.AuditRead, Permission.GrantsWrite, .. Supervise, Permission.RegistryRead, Permission.VerificationOpen],
        [AppRole.StreetAdmin] = [Permission.AreasRead, Permission.StaffRead, Permission.StaffWrite, Permission.BoundariesImport, Permission.AuditRead, Permission.GrantsWrite, .. Supervise, Permission.RegistryRead, Permission.VerificationOpen],
        [AppRole.CommandOperator] = [Permission.AreasRead, Permission.StaffRead, .. Supervise, Permission.RegistryRead],
        // Those who visit and call residents may see their numbers; each unmasked read is audited.
        [AppRole.CommunitySecretary] = [Permission.AreasRead, Permission.StaffRead, Permission.StaffWrite, Permission.PeopleUnmask, Permission.GrantsWrite, .. Supervise, Permission.CasesHandle, .. Registry, Permission.VerificationOpen, .. Review],
        [AppRole.CommunityStaff] = [Permission.AreasRead, Permission.StaffRead, Permission.StaffWrite, Permission.PeopleUnmask, .. Supervise, Permission.CasesHandle, .. Registry, .. Review],
        [AppRole.GridHead] = [Permission.AreasRead, Permission.StaffRead, Permission.PeopleUnmask, .. Handle, .. Registry],
        [AppRole.GridWorker] = [Permission.AreasRead, Permission.StaffRead, Permission.PeopleUnmask, .. Handle, .. Registry],
        [AppRole.MicroGridWorker] = [Permission.AreasRead, Permission.StaffRead, Permission.PeopleUnmask, .. Handle, .. Registry],
        // A department sees the cases dispatched to it (not its district's), so no CasesRead by area.
        [AppRole.DepartmentHandler] = [Permission.AreasRead, Permission.CasesHandle],
        [AppRole.Resident] = [Permission.CasesReport],
        [AppRole.ApiClient] = [Permission.CasesReport],
    };

    public static bool Allows(AppRole role, Permission permission) => Table[role].Contains(permission);

    /// <summary>Lower is more senior. Used so nobody can grant a role as senior as their own (or raise themselves).</summary>
    public static int Rank(AppRole role) => role switch
    {
        AppRole.CityAdmin => 0,
        AppRole.DistrictAdmin => 1,
        AppRole.StreetAdmin => 2,
        AppRole.CommandOperator => 3,
        AppRole.CommunitySecretary => 3,
        AppRole.CommunityStaff => 4,
        AppRole.GridHead => 5,
        AppRole.DepartmentHandler => 5,
        AppRole.GridWorker => 6,
        AppRole.MicroGridWorker => 7,
        AppRole.ApiClient => 7,
        AppRole.Resident => 8,
        _ => 9,
    };

    /// <summary>The area level a role is granted at (a community secretary's area is a community, and so on).</summary>
    public static AreaKind? AreaLevel(AppRole role) => role switch
    {
        AppRole.CityAdmin => AreaKind.City,
        AppRole.DistrictAdmin or AppRole.DepartmentHandler or AppRole.ApiClient => AreaKind.District,
        AppRole.StreetAdmin => AreaKind.Street,
        AppRole.CommandOperator => null, // a command centre sits at district or street level
        AppRole.CommunitySecretary or AppRole.CommunityStaff => AreaKind.Community,
        AppRole.GridHead or AppRole.GridWorker => AreaKind.GeneralGrid,
        AppRole.MicroGridWorker => AreaKind.MicroGrid,
        AppRole.Resident => null,
        _ => null,
    };

    /// <summary>
    /// Why <paramref name="grantor"/> (holding <paramref name="grantorGrants"/>) may not grant <paramref name="role"/>
    /// in <paramref name="area"/> to <paramref name="granteeId"/>, or null when allowed.
    /// </summary>
    public static string? GrantProblem(long grantor, IReadOnlyList<(AppRole Role, string Area)> grantorGrants,
        long granteeId, AppRole role, string? area)
    {
        if (grantor == granteeId) return "nobody may change their own roles";
        if (role == AppRole.Resident) return "resident accounts are created by sign-up, not granted";
        if (area is null || !AreaCode.IsWellFormed(area)) return "a role is granted for an area code";
        var level = AreaLevel(role);
        var kind = AreaCode.KindOf(area);
        if (level is not null && kind != level && !(level == AreaKind.GeneralGrid && kind == AreaKind.DedicatedGrid))
            return $"{role} is granted for a {level.Value.ToWire()}, not a {kind?.ToWire() ?? "invalid code"}";
        if (role == AppRole.CommandOperator && kind is not (AreaKind.City or AreaKind.District or AreaKind.Street))
            return "a command operator is granted for the city, a district or a street";
        var allowed = grantorGrants.Any(g =>
            Allows(g.Role, Permission.GrantsWrite) && AreaCode.IsWithin(area, g.Area) && Rank(role) > Rank(g.Role));
        return allowed ? null : "you may only grant roles junior to your own, inside your own area";
    }
}
