namespace GridGov.Web.Features.Verification;

public sealed record NewRound(string? Name, string? Area, DateOnly? StartsOn, DateOnly? DueOn);

public sealed record RoundDto(long Id, string Name, string Area, string AreaName, DateOnly StartsOn, DateOnly DueOn, int Houses,
    string OpenedBy, DateTime OpenedAt, DateTime? ClosedAt, bool Overdue);

/// <summary>Houses of a round in one area by state, with 核验率 (verified ÷ houses, percent) and the overdue count.</summary>
public sealed record AreaProgress(string Code, string Name, long Houses, long Verified, long Submitted, long Returned, long Pending,
    double? Rate, long Overdue);

/// <summary>Progress of a round in an area and in each area one level below it (the drill-down).</summary>
public sealed record RoundProgress(long RoundId, string RoundName, DateOnly DueOn, bool Overdue, AreaProgress Area,
    IReadOnlyList<AreaProgress> Children);

/// <summary>A house not verified by the due day, for the overdue list.</summary>
public sealed record OverdueHouse(long ItemId, long HouseId, string Address, string AreaCode, string WorkerArea, string State, string StateLabel);

/// <summary>An occupant as the worker's list shows them: masked name, relation, masked phone.</summary>
public sealed record MaskedOccupant(long ResidenceId, long PersonId, string Name, string Relation, string RelationLabel, string? Phone);

/// <summary>One house to verify in the worker's list, with what is needed to verify it offline.</summary>
public sealed record HouseToVerify(long ItemId, long RoundId, string RoundName, DateOnly DueOn, long HouseId, long BuildingId,
    string BuildingName, int Unit, int Floor, string Number, string Address, string Use, string UseLabel, string State,
    string StateLabel, string? ReturnNote, IReadOnlyList<MaskedOccupant> Occupants);

/// <summary>The worker's houses in open rounds and how many are left.</summary>
public sealed record MyHouses(int Total, int Left, IReadOnlyList<HouseToVerify> Houses);

/// <summary>A current occupant on the house page of the field app: the full name (numbers masked).</summary>
public sealed record OccupantDto(long ResidenceId, long PersonId, string Name, string Relation, string RelationLabel,
    string? IdNumber, string? Phone, DateOnly From);

public sealed record HouseForVerification(HouseToVerify House, IReadOnlyList<OccupantDto> Occupants);

public sealed record NewOccupantBody(string? Name, string? IdNumber, string? Relation, string? Phone, string? Registration);
public sealed record PhoneBody(long PersonId, string? Phone);

/// <summary>
/// A worker's report on a house: <c>confirm</c> (as registered) or <c>correct</c> with what differs. The
/// idempotency key is born with the report on the phone, so a retry from the outbox files it once.
/// </summary>
public sealed record VerificationReportBody(string? IdempotencyKey, string? Kind, string? Use, IReadOnlyList<long>? MovedOut,
    IReadOnlyList<NewOccupantBody>? MovedIn, IReadOnlyList<PhoneBody>? Phones, string? Note);

public sealed record ReportDto(long Id, long ItemId, long HouseId, string Kind, string Summary, string ByName, DateTime FiledAt,
    string? Decision, string? DecidedBy, DateTime? DecidedAt, string? DecisionNote);

/// <summary>What filing came to, with the house's state after it.</summary>
public sealed record FiledReport(ReportDto Report, string State, string StateLabel);

/// <summary>A correction waiting for (or past) the community's decision, as the console lists it.</summary>
public sealed record ChangeRequestDto(long Id, long RoundId, string RoundName, long HouseId, string Address, string AreaCode,
    string Summary, string ByName, DateTime FiledAt, string? Decision, string? DecidedBy, DateTime? DecidedAt, string? DecisionNote);

public sealed record ReviewBody(string? Note);
