namespace GridGov.Web.Features.Cases;

public sealed record NewCase(
    string? CategoryCode, string? Description, double? Lon, double? Lat, string? Crs, string? AddressText, string? Source,
    string? ReporterName, string? ReporterPhone, string? IdempotencyKey, bool SelfResolve = false, IReadOnlyList<Guid>? PhotoIds = null);

/// <summary>Body of every case action; each action reads the fields it needs.</summary>
public sealed record CaseActionRequest(
    int? Version, string? Note, string? Reason, long? AssigneeUserId, string? Department, string? Level,
    long? MergeInto, double? ExtensionHours, int? Rating, string? Comment, IReadOnlyList<Guid>? PhotoIds);

public sealed record CaseSummary(
    long Id, string TrackingNo, string CategoryCode, string CategoryName, string Status, string StatusLabel, string Source,
    string AreaCode, string? AddressText, double Lon, double Lat, bool LocationFlagged, string Colour,
    DateTime ReportedAt, DateTime? ResolveDueAt, DateTime? ClosedAt, string HandlerLevel, long? AssigneeUserId,
    string? AssigneeDepartment, int ReworkCount, int? Rating, int Version);

public sealed record HistoryDto(long Id, DateTime At, string Actor, string Action, string From, string To, string? Note, IReadOnlyList<Guid> PhotoIds);

public sealed record CaseDetail(
    CaseSummary Case, string Description, string? ReporterName, string? ReporterPhone, string Pending, double? PendingExtensionHours,
    long? MergedIntoId, string? RatingComment, DateTime? RegisteredAt, DateTime? RespondedAt, DateTime? ResponseDueAt,
    IReadOnlyList<HistoryDto> History, IReadOnlyList<string> AvailableActions);

public sealed record IntakeResult(CaseSummary Case, bool Replayed, IReadOnlyList<CaseSummary> LikelyDuplicates);

public sealed record CasePage(IReadOnlyList<CaseSummary> Items, long? NextCursor);
