namespace GridGov.Web.Features.Cases;

/// <summary>
/// What the case engine answers to a report or an action, whoever called it (an endpoint, a page, a job, a device).
/// Each channel turns it into its own answer (<see cref="CaseResults.ToHttp"/> for the JSON API, Open311's error list,
/// the resident pages' field messages).
/// </summary>
public abstract record CaseOutcome
{
    private CaseOutcome() { }

    /// <summary>A new case, with open cases of the same category nearby that it may duplicate.</summary>
    public sealed record Created(CaseSummary Case, IReadOnlyList<CaseSummary> LikelyDuplicates) : CaseOutcome;

    /// <summary>A retried report (same idempotency key, same content): the case the first attempt made.</summary>
    public sealed record Replayed(CaseSummary Case) : CaseOutcome;

    /// <summary>The action was applied; the case as it is now.</summary>
    public sealed record Applied(CaseSummary Case) : CaseOutcome;

    /// <summary>Bad input, by field; nothing was written.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : CaseOutcome
    {
        public static Invalid Field(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
    }

    /// <summary>The rules do not allow it: the actor may not do this, or not in the case's current state.</summary>
    public sealed record Refused(string Reason, string? Status = null, int? Version = null) : CaseOutcome;

    /// <summary>Someone acted first (the version sent is stale); the case as it is now.</summary>
    public sealed record Conflict(string Detail, CaseSummary Current) : CaseOutcome;

    /// <summary>The idempotency key was used before for a different report: refused, so that a bug cannot silently lose the second one.</summary>
    public sealed record KeyReused(string Key, CaseSummary First) : CaseOutcome;

    /// <summary>No such case that the actor may see (existence outside the actor's area is not revealed).</summary>
    public sealed record NotFound(string Detail) : CaseOutcome;

    /// <summary>The case the outcome is about, when there is one.</summary>
    public CaseSummary? Summary => this switch
    {
        Created c => c.Case,
        Replayed r => r.Case,
        Applied a => a.Case,
        Conflict c => c.Current,
        _ => null,
    };
}
