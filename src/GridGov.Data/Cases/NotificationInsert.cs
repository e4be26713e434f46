namespace GridGov.Data.Cases;

/// <summary>The notifications columns the deadline sweep writes outside EF, named once for both providers.</summary>
public sealed record NotificationInsert(string UserId, string AreaCode, string CaseId, string Kind, string Message, string CreatedAt)
    : InsertRow
{
    protected override string Table => "notifications";

    protected override IReadOnlyList<(string Column, string Value)> Pairs =>
    [
        ("user_id", UserId), ("area_code", AreaCode), ("case_id", CaseId), ("kind", Kind), ("message", Message), ("created_at", CreatedAt),
    ];
}
