using GridGov.Domain.Security;

namespace GridGov.Domain.Tests.Security;

public class RolePolicyTests
{
    private const long Grantor = 1;
    private const long Grantee = 2;

    private const string City = "5101";
    private const string District = "510104";
    private const string OtherDistrict = "510105";
    private const string Street = "510104017";
    private const string OtherStreet = "510104018";
    private const string Community = "510104017001";
    private const string OtherCommunity = "510104018001";
    private const string SiblingCommunity = "510104017002";
    private const string Grid = "51010401700101";
    private const string DedicatedGrid = "51010401700180";
    private const string MicroGrid = "5101040170010101";

    private static readonly AppRole[] AllRoles = Enum.GetValues<AppRole>();
    private static readonly Permission[] AllPermissions = Enum.GetValues<Permission>();

    private static string? Grant(AppRole grantorRole, string grantorArea, AppRole role, string? area) =>
        RolePolicy.GrantProblem(Grantor, [(grantorRole, grantorArea)], Grantee, role, area);

    /// <summary>An area of the level each role is granted at.</summary>
    private static string AreaFor(AppRole role) => role switch
    {
        AppRole.CityAdmin => City,
        AppRole.DistrictAdmin or AppRole.DepartmentHandler or AppRole.ApiClient => District,
        AppRole.StreetAdmin or AppRole.CommandOperator => Street,
        AppRole.CommunitySecretary or AppRole.CommunityStaff or AppRole.Resident => Community,
        AppRole.GridHead or AppRole.GridWorker => Grid,
        AppRole.MicroGridWorker => MicroGrid,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    // ---- the permission table ----

    [Fact]
    public void Every_role_has_an_entry_for_every_permission()
    {
        foreach (var role in AllRoles)
        foreach (var permission in AllPermissions)
            Assert.Null(Record.Exception(() => RolePolicy.Allows(role, permission)));
    }

    [Theory]
    [InlineData(AppRole.CityAdmin, Permission.GrantsWrite, true)]
    [InlineData(AppRole.CityAdmin, Permission.BoundariesImport, true)]
    [InlineData(AppRole.CityAdmin, Permission.AuditRead, true)]
    [InlineData(AppRole.CityAdmin, Permission.AreasRead, true)]
    [InlineData(AppRole.CityAdmin, Permission.PeopleUnmask, false)]
    [InlineData(AppRole.DistrictAdmin, Permission.GrantsWrite, true)]
    [InlineData(AppRole.DistrictAdmin, Permission.PeopleUnmask, false)]
    [InlineData(AppRole.StreetAdmin, Permission.GrantsWrite, true)]
    [InlineData(AppRole.StreetAdmin, Permission.PeopleUnmask, false)]
    [InlineData(AppRole.CommunitySecretary, Permission.PeopleUnmask, true)]
    [InlineData(AppRole.CommunitySecretary, Permission.GrantsWrite, true)]
    [InlineData(AppRole.CommunitySecretary, Permission.AreasRead, true)]
    [InlineData(AppRole.CommunitySecretary, Permission.AuditRead, false)]
    [InlineData(AppRole.CommunitySecretary, Permission.BoundariesImport, false)]
    [InlineData(AppRole.GridHead, Permission.GrantsWrite, false)]
    [InlineData(AppRole.CommandOperator, Permission.GrantsWrite, false)]
    [InlineData(AppRole.CommandOperator, Permission.PeopleUnmask, false)]
    public void The_permission_table_matches_expectations(AppRole role, Permission permission, bool expected) =>
        Assert.Equal(expected, RolePolicy.Allows(role, permission));

    [Fact]
    public void A_department_handler_may_read_areas_and_handle_its_dispatched_cases_only()
    {
        foreach (var permission in AllPermissions)
            Assert.Equal(permission is Permission.AreasRead or Permission.CasesHandle, RolePolicy.Allows(AppRole.DepartmentHandler, permission));
    }

    [Theory]
    [InlineData(AppRole.Resident)]
    [InlineData(AppRole.ApiClient)]
    public void Residents_and_api_clients_may_only_report_cases(AppRole role)
    {
        foreach (var permission in AllPermissions)
            Assert.Equal(permission == Permission.CasesReport, RolePolicy.Allows(role, permission));
    }

    // ---- who may grant what ----

    [Theory]
    [InlineData(AppRole.CityAdmin, City, AppRole.GridWorker, Grid)]
    [InlineData(AppRole.CityAdmin, City, AppRole.CityAdmin, City)]
    [InlineData(AppRole.StreetAdmin, Street, AppRole.CommunitySecretary, Community)]
    [InlineData(AppRole.CommunitySecretary, Community, AppRole.GridWorker, Grid)]
    public void Nobody_may_grant_to_themselves(AppRole grantorRole, string grantorArea, AppRole role, string area)
    {
        Assert.NotNull(RolePolicy.GrantProblem(Grantor, [(grantorRole, grantorArea)], Grantor, role, area));
        // Even holding every grant there is.
        (AppRole, string)[] everything = [(AppRole.CityAdmin, City), (AppRole.DistrictAdmin, District), (AppRole.StreetAdmin, Street)];
        Assert.NotNull(RolePolicy.GrantProblem(Grantee, everything, Grantee, role, area));
    }

    [Fact]
    public void The_same_grant_to_someone_else_is_allowed_so_the_self_rule_is_what_blocks_it()
    {
        Assert.Null(Grant(AppRole.CityAdmin, City, AppRole.GridWorker, Grid));
        Assert.Null(Grant(AppRole.StreetAdmin, Street, AppRole.CommunitySecretary, Community));
        Assert.Null(Grant(AppRole.CommunitySecretary, Community, AppRole.GridWorker, Grid));
    }

    [Fact]
    public void A_street_admin_grants_inside_their_street_and_only_junior_roles()
    {
        Assert.Null(Grant(AppRole.StreetAdmin, Street, AppRole.CommunitySecretary, Community));
        Assert.Null(Grant(AppRole.StreetAdmin, Street, AppRole.CommunityStaff, Community));
        Assert.Null(Grant(AppRole.StreetAdmin, Street, AppRole.GridHead, Grid));
        Assert.Null(Grant(AppRole.StreetAdmin, Street, AppRole.MicroGridWorker, MicroGrid));
        Assert.Null(Grant(AppRole.StreetAdmin, Street, AppRole.CommandOperator, Street));

        Assert.NotNull(Grant(AppRole.StreetAdmin, Street, AppRole.CommunitySecretary, OtherCommunity));
        Assert.NotNull(Grant(AppRole.StreetAdmin, Street, AppRole.CommandOperator, OtherStreet));
        Assert.NotNull(Grant(AppRole.StreetAdmin, Street, AppRole.StreetAdmin, Street));
        Assert.NotNull(Grant(AppRole.StreetAdmin, Street, AppRole.StreetAdmin, OtherStreet));
        foreach (var area in new[] { District, OtherDistrict, City, Street, Community })
            Assert.NotNull(Grant(AppRole.StreetAdmin, Street, AppRole.DistrictAdmin, area));
        Assert.NotNull(Grant(AppRole.StreetAdmin, Street, AppRole.CityAdmin, City));
        // A district-level role lies outside any street.
        Assert.NotNull(Grant(AppRole.StreetAdmin, Street, AppRole.DepartmentHandler, District));
        // A command operator at the district would be outside the street.
        Assert.NotNull(Grant(AppRole.StreetAdmin, Street, AppRole.CommandOperator, District));
    }

    [Fact]
    public void A_community_secretary_grants_grid_roles_in_their_community_only()
    {
        Assert.Null(Grant(AppRole.CommunitySecretary, Community, AppRole.GridWorker, Grid));
        Assert.Null(Grant(AppRole.CommunitySecretary, Community, AppRole.GridHead, Grid));
        Assert.Null(Grant(AppRole.CommunitySecretary, Community, AppRole.GridHead, DedicatedGrid));
        Assert.Null(Grant(AppRole.CommunitySecretary, Community, AppRole.MicroGridWorker, MicroGrid));
        Assert.Null(Grant(AppRole.CommunitySecretary, Community, AppRole.CommunityStaff, Community));

        Assert.NotNull(Grant(AppRole.CommunitySecretary, Community, AppRole.CommunityStaff, Grid)); // wrong level
        Assert.NotNull(Grant(AppRole.CommunitySecretary, Community, AppRole.CommunitySecretary, Community)); // same rank
        Assert.NotNull(Grant(AppRole.CommunitySecretary, Community, AppRole.CommandOperator, Street)); // same rank, outside
        Assert.NotNull(Grant(AppRole.CommunitySecretary, Community, AppRole.GridWorker, "51010401700201")); // sibling community's grid
        Assert.NotNull(Grant(AppRole.CommunitySecretary, Community, AppRole.StreetAdmin, Street));
    }

    [Theory]
    [InlineData(AppRole.MicroGridWorker, MicroGrid, true)]
    [InlineData(AppRole.MicroGridWorker, Grid, false)]
    [InlineData(AppRole.MicroGridWorker, DedicatedGrid, false)]
    [InlineData(AppRole.MicroGridWorker, Community, false)]
    [InlineData(AppRole.MicroGridWorker, "5101040170018001", false)] // micro-grids never hang under a dedicated grid
    [InlineData(AppRole.GridHead, Grid, true)]
    [InlineData(AppRole.GridHead, DedicatedGrid, true)]
    [InlineData(AppRole.GridHead, MicroGrid, false)]
    [InlineData(AppRole.GridHead, Community, false)]
    [InlineData(AppRole.GridHead, "51010401700100", false)] // grid sequence 00 is not a grid
    [InlineData(AppRole.GridWorker, Grid, true)]
    [InlineData(AppRole.GridWorker, DedicatedGrid, true)]
    [InlineData(AppRole.GridWorker, MicroGrid, false)]
    [InlineData(AppRole.CommunitySecretary, Community, true)]
    [InlineData(AppRole.CommunitySecretary, Street, false)]
    [InlineData(AppRole.CommunitySecretary, Grid, false)]
    [InlineData(AppRole.CommunityStaff, Community, true)]
    [InlineData(AppRole.CommunityStaff, Grid, false)]
    [InlineData(AppRole.StreetAdmin, Street, true)]
    [InlineData(AppRole.StreetAdmin, District, false)]
    [InlineData(AppRole.StreetAdmin, Community, false)]
    [InlineData(AppRole.DistrictAdmin, District, true)]
    [InlineData(AppRole.DistrictAdmin, Street, false)]
    [InlineData(AppRole.DistrictAdmin, City, false)]
    [InlineData(AppRole.DepartmentHandler, District, true)]
    [InlineData(AppRole.DepartmentHandler, Street, false)]
    [InlineData(AppRole.ApiClient, District, true)]
    [InlineData(AppRole.ApiClient, City, false)]
    [InlineData(AppRole.CommandOperator, City, true)]
    [InlineData(AppRole.CommandOperator, District, true)]
    [InlineData(AppRole.CommandOperator, Street, true)]
    [InlineData(AppRole.CommandOperator, Community, false)]
    [InlineData(AppRole.CommandOperator, Grid, false)]
    [InlineData(AppRole.CommandOperator, DedicatedGrid, false)]
    [InlineData(AppRole.CommandOperator, MicroGrid, false)]
    public void A_grant_names_an_area_of_the_roles_level(AppRole role, string area, bool allowed)
    {
        // A city admin outranks every role granted here and covers every area, so only the level decides.
        var problem = Grant(AppRole.CityAdmin, City, role, area);
        if (allowed) Assert.Null(problem);
        else Assert.False(string.IsNullOrWhiteSpace(problem));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("51010")]
    [InlineData("5101a4")]
    [InlineData(" 510104")]
    public void A_grant_without_a_well_formed_area_is_rejected(string? area)
    {
        foreach (var role in AllRoles)
            Assert.NotNull(Grant(AppRole.CityAdmin, City, role, area));
    }

    [Fact]
    public void Residents_are_never_granted()
    {
        foreach (var area in new string?[] { City, District, Street, Community, Grid, DedicatedGrid, MicroGrid, null })
        {
            Assert.NotNull(Grant(AppRole.CityAdmin, City, AppRole.Resident, area));
            Assert.NotNull(Grant(AppRole.CommunitySecretary, Community, AppRole.Resident, area));
        }
    }

    [Fact]
    public void A_city_admin_may_grant_every_role_but_city_admin_and_resident()
    {
        foreach (var role in AllRoles)
        {
            var problem = Grant(AppRole.CityAdmin, City, role, AreaFor(role));
            if (role is AppRole.CityAdmin or AppRole.Resident) Assert.NotNull(problem);
            else Assert.Null(problem);
        }
    }

    [Theory]
    [InlineData(AppRole.CommandOperator)]
    [InlineData(AppRole.CommunityStaff)]
    [InlineData(AppRole.GridHead)]
    [InlineData(AppRole.GridWorker)]
    [InlineData(AppRole.MicroGridWorker)]
    [InlineData(AppRole.DepartmentHandler)]
    [InlineData(AppRole.Resident)]
    [InlineData(AppRole.ApiClient)]
    public void A_grantor_whose_grant_lacks_GrantsWrite_may_grant_nothing(AppRole grantorRole)
    {
        Assert.False(RolePolicy.Allows(grantorRole, Permission.GrantsWrite));
        // Even held for the whole city, and for roles far junior to it.
        foreach (var role in AllRoles)
        {
            Assert.NotNull(Grant(grantorRole, City, role, AreaFor(role)));
            Assert.NotNull(Grant(grantorRole, AreaFor(grantorRole), role, AreaFor(role)));
        }
    }

    [Fact]
    public void A_grid_head_may_not_grant_a_micro_grid_worker_in_their_own_grid() =>
        Assert.NotNull(Grant(AppRole.GridHead, Grid, AppRole.MicroGridWorker, MicroGrid));

    [Fact]
    public void Each_grant_only_counts_inside_its_own_area()
    {
        (AppRole, string)[] grants = [(AppRole.GridHead, Grid), (AppRole.CommunitySecretary, SiblingCommunity)];
        // The grid head covers the area but cannot grant; the secretary can grant but not there.
        Assert.NotNull(RolePolicy.GrantProblem(Grantor, grants, Grantee, AppRole.MicroGridWorker, MicroGrid));
        Assert.Null(RolePolicy.GrantProblem(Grantor, grants, Grantee, AppRole.GridWorker, "51010401700201"));
    }

    [Fact]
    public void A_grantor_with_no_grants_may_grant_nothing()
    {
        foreach (var role in AllRoles)
            Assert.NotNull(RolePolicy.GrantProblem(Grantor, [], Grantee, role, AreaFor(role)));
    }
}
