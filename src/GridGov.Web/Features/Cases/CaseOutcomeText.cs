namespace GridGov.Web.Features.Cases;

/// <summary>A refused or invalid outcome as one line for a page (the API gives the same words as ProblemDetails).</summary>
public static class CaseOutcomeText
{
    public static string Of(CaseOutcome outcome) => outcome switch
    {
        CaseOutcome.Invalid i => string.Join("；", i.Errors.SelectMany(e => e.Value)),
        CaseOutcome.Refused r => r.Reason,
        CaseOutcome.Conflict c => c.Detail,
        CaseOutcome.NotFound n => n.Detail,
        CaseOutcome.KeyReused k => $"idempotency key '{k.Key}' was used for another report ({k.First.TrackingNo})",
        _ => "",
    };
}
