namespace GridGov.Data.Cases;

/// <summary>
/// The case_history columns written outside EF (every one but the id and the photo ids), named once for the intake
/// batches and the deadline sweep on both providers.
/// </summary>
public sealed record CaseHistoryInsert(string CaseId, string DistrictCode, string At, string ActorUserId, string ActorName,
    string Action, string FromStatus, string ToStatus, string Note) : InsertRow
{
    protected override string Table => "case_history";

    protected override IReadOnlyList<(string Column, string Value)> Pairs =>
    [
        ("case_id", CaseId), ("district_code", DistrictCode), ("at", At), ("actor_user_id", ActorUserId), ("actor_name", ActorName),
        ("action", Action), ("from_status", FromStatus), ("to_status", ToStatus), ("note", Note),
    ];
}
