namespace GridGov.Web.Features.Residents;

public sealed record CodeRequest(string? Phone, string? Purpose);

/// <param name="Consent">The resident agrees to the personal information rules (GET /r/privacy); required.</param>
public sealed record SignUpRequest(string? Phone, string? Code, string? Password, string? Nickname, bool Consent = false);

public sealed record ResidentLoginRequest(string? Phone, string? Password, bool UseCookies = false);

public sealed record ResetRequest(string? Phone, string? Code, string? NewPassword);

public sealed record RatingRequest(int? Rating, string? Comment);

public sealed record ResidentAccount(string UserName, string DisplayName, string Phone);

public sealed record ServiceQuestionOption(string Key, string Name);

public sealed record ServiceQuestion(string Code, string Datatype, bool Required, string Label, string? Description, IReadOnlyList<ServiceQuestionOption> Options);

/// <summary>A public service a resident may ask for, with the questions its form asks (from the Open311 definitions).</summary>
public sealed record PublicService(
    string Code, string Name, string Group, string GroupName, string? Description, string Notice, bool Sensitive, IReadOnlyList<ServiceQuestion> Questions);

/// <summary>A resident's own case: the public view plus what they wrote themselves.</summary>
/// <param name="AfterPhotos">The photos of the result (处置后), shown to the reporter.</param>
/// <param name="HandlerNote">What the handler wrote when reporting it done, personal numbers masked.</param>
/// <param name="MyAnswers">The answers to the service's questions, in words ("上门时段：周末全天").</param>
public sealed record MyCase(PublicCase Case, string? MyDescription, bool CanRate, string? MyComment,
    IReadOnlyList<Guid>? AfterPhotos = null, string? HandlerNote = null, IReadOnlyList<string>? MyAnswers = null);
