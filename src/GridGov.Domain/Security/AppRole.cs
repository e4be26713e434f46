namespace GridGov.Domain.Security;

/// <summary>Roles are always granted for an area (a code prefix); one person may hold several in several areas.</summary>
public enum AppRole
{
    CityAdmin = 1,
    DistrictAdmin = 2,
    StreetAdmin = 3,
    CommandOperator = 4,     // 指挥中心值班员
    CommunitySecretary = 5,  // 社区书记
    CommunityStaff = 6,      // 社区工作者
    GridHead = 7,            // 网格长
    GridWorker = 8,          // 专职网格员
    MicroGridWorker = 9,     // 微网格员
    DepartmentHandler = 10,  // 职能部门经办人 (bound to a department and a district)
    Resident = 11,           // 居民 (bound to themselves)
    ApiClient = 12,          // Open311 client key
}

/// <summary>What a role may do. Checked together with the area: a permission only counts inside the grant's area.</summary>
public enum Permission
{
    AreasRead,
    StaffRead,
    StaffWrite,
    BoundariesImport,
    PeopleUnmask,
    AuditRead,
    GrantsWrite,
    CasesRead,
    /// <summary>Report a case (intake).</summary>
    CasesReport,
    /// <summary>Register, reject, merge, dispatch, verify, approve, reopen: the supervising side of the loop.</summary>
    CasesDispatch,
    /// <summary>Accept, handle, feed back, ask for suspension or extension: the handling side.</summary>
    CasesHandle,
    /// <summary>Edit categories, time limits and the working calendar.</summary>
    CategoriesWrite,
    /// <summary>See compounds, buildings, houses and residents (masked) in the area.</summary>
    RegistryRead,
    /// <summary>Register and correct compounds, buildings, houses, residents and who lives where.</summary>
    RegistryWrite,
    /// <summary>Open and close verification rounds (核验轮次) of houses and occupants over the area.</summary>
    VerificationOpen,
    /// <summary>Approve or reject the corrections grid workers file in a verification round.</summary>
    VerificationReview,
}
