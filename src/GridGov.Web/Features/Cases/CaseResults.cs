using GridGov.Web.Hosting;

namespace GridGov.Web.Features.Cases;

/// <summary>The JSON API's answers to the case engine's outcomes (RFC 9457 ProblemDetails for every refusal).</summary>
public static class CaseResults
{
    public static IResult ToHttp(this CaseOutcome outcome) => outcome switch
    {
        CaseOutcome.Created c => Results.Created($"/api/cases/{c.Case.Id}", new IntakeResult(c.Case, false, c.LikelyDuplicates)),
        CaseOutcome.Replayed r => Results.Ok(new IntakeResult(r.Case, true, [])),
        CaseOutcome.Applied a => Results.Ok(a.Case),
        CaseOutcome.Invalid i => Problems.Invalid(i.Errors.ToDictionary(e => e.Key, e => e.Value)),
        CaseOutcome.Refused r => Results.Problem(statusCode: 409, title: "Not allowed now", detail: r.Reason,
            extensions: new Dictionary<string, object?> { ["status"] = r.Status, ["version"] = r.Version }),
        CaseOutcome.Conflict c => Results.Problem(statusCode: 409, title: "The case has changed", detail: c.Detail,
            extensions: new Dictionary<string, object?> { ["current"] = c.Current }),
        CaseOutcome.KeyReused k => Results.Problem(statusCode: 422, title: "Idempotency key reused",
            detail: $"The idempotency key '{k.Key}' was already used for another report (case {k.First.TrackingNo}); use a new key for a new report.",
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["idempotencyKey"] = [$"'{k.Key}' was used for a different report."] } }),
        CaseOutcome.NotFound n => Problems.NotFound(n.Detail),
        _ => throw new InvalidOperationException($"unmapped outcome {outcome.GetType().Name}"),
    };
}
