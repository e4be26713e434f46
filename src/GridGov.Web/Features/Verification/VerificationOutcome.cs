using GridGov.Domain.People;
using GridGov.Web.Hosting;

namespace GridGov.Web.Features.Verification;

/// <summary>
/// What filing a report or deciding a correction came to; each channel answers it in its own way (JSON problems for
/// the API and the field app, words for the console page).
/// </summary>
public abstract record VerificationOutcome
{
    public sealed record Done(object Value, bool Created) : VerificationOutcome;

    /// <summary>The same idempotency key again for the same house and kind: the first answer.</summary>
    public sealed record Replayed(object Value) : VerificationOutcome;

    public sealed record Invalid(IReadOnlyList<CorrectionError> Errors) : VerificationOutcome;

    public sealed record Refused(VerificationRefusal Refusal) : VerificationOutcome;

    /// <summary>The idempotency key was used by this account for another report.</summary>
    public sealed record KeyReused : VerificationOutcome;

    public sealed record NotFound(string What) : VerificationOutcome;

    public IResult ToHttp(string location) => this switch
    {
        Done { Created: true } d => Results.Created(location, d.Value),
        Done d => Results.Ok(d.Value),
        Replayed r => Results.Ok(r.Value),
        Invalid i => Problems.Invalid(i.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.English).ToArray())),
        Refused r => Problems.Conflict(VerificationFlow.English(r.Refusal)),
        KeyReused => Results.Problem(statusCode: 422, title: "Idempotency key reused",
            detail: "This idempotencyKey was already used for another report; make a new key for each report."),
        NotFound n => Problems.NotFound(n.What),
        _ => throw new InvalidOperationException(GetType().Name),
    };
}
