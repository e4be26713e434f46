namespace GridGov.Data.Audit;

/// <summary>
/// The audit_log columns the intake batches write outside EF (every one but the id and the reason), named once for
/// both providers. Their summaries read like the interceptor's (the web host passes its format to the batch).
/// </summary>
public sealed record AuditLogInsert(string At, string UserId, string UserName, string Action, string EntityType, string EntityId,
    string AreaCode, string DistrictCode, string Summary, string Ip) : InsertRow
{
    protected override string Table => "audit_log";

    protected override IReadOnlyList<(string Column, string Value)> Pairs =>
    [
        ("at", At), ("user_id", UserId), ("user_name", UserName), ("action", Action), ("entity_type", EntityType),
        ("entity_id", EntityId), ("area_code", AreaCode), ("district_code", DistrictCode), ("summary", Summary), ("ip", Ip),
    ];
}
