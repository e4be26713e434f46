using System.Security.Cryptography;
using GridGov.Domain.Cases;
using GridGov.Web.Hosting.Security;

namespace GridGov.Web.Features.Cases;

/// <summary>
/// The case engine's public surface: any module files a case and acts on one through here with an explicit
/// <see cref="Actor"/> (a person, an API client, a device, a job) and gets a <see cref="CaseOutcome"/> back, with or
/// without an HTTP request. The same checks, routing, idempotency, history and audit apply to every caller. Writes
/// publish <see cref="CaseSaving"/> (inside the transaction) and <see cref="CaseChanged"/> (after the commit).
/// </summary>
public sealed class CaseEngine
{
    public const int MaxDescription = 2000;
    public const int MaxPhotos = 9;

    private readonly IServiceProvider _services;
    private readonly ActingAs _actingAs;

    // Resolved on use: a plain report (group commit) must not pay for the DbContext that actions need.
    private CaseIntake Intake => _services.GetRequiredService<CaseIntake>();
    private CaseActions Actions => _services.GetRequiredService<CaseActions>();

    internal CaseEngine(IServiceProvider services, ActingAs actingAs)
    {
        _services = services;
        _actingAs = actingAs;
    }

    /// <summary>Files a report: Created (with likely duplicates), Replayed, KeyReused, Invalid or Refused.</summary>
    public Task<CaseOutcome> ReportAsync(Actor actor, NewCase report, CancellationToken ct) =>
        As(actor, () => Intake.ReportAsync(actor, report, ct));

    /// <summary>Takes one action of the loop: Applied, Invalid, Refused, Conflict (stale version) or NotFound.</summary>
    public Task<CaseOutcome> ActAsync(Actor actor, long caseId, CaseAction action, CaseActionRequest body, CancellationToken ct) =>
        As(actor, () => Actions.ApplyAsync(actor, caseId, action, body, ct));

    /// <summary>As <see cref="ActAsync(Actor, long, CaseAction, CaseActionRequest, CancellationToken)"/> with the action's wire name.</summary>
    public Task<CaseOutcome> ActAsync(Actor actor, long caseId, string action, CaseActionRequest body, CancellationToken ct) =>
        CaseNames.ParseAction(action) is { } parsed and not (CaseAction.Report or CaseAction.SelfResolve)
            ? ActAsync(actor, caseId, parsed, body, ct)
            : Task.FromResult<CaseOutcome>(CaseOutcome.Invalid.Field("action", $"Unknown action '{action}'."));

    /// <summary>Open cases of the same category within about 100 m that the actor may see (candidates for merging).</summary>
    public Task<IReadOnlyList<CaseSummary>> LikelyDuplicatesAsync(Actor actor, Data.Entities.Case c, CancellationToken ct) =>
        Intake.LikelyDuplicates(new CaseAccess(actor), c, ct);

    public static string NewTrackingNo(DateTime now) =>
        $"{now:yyyyMMdd}-{RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 6)}";

    // Audit entries written meanwhile name this actor (a job, a device, an API key's account), not the HTTP caller.
    private async Task<CaseOutcome> As(Actor actor, Func<Task<CaseOutcome>> work)
    {
        var previous = _actingAs.Current;
        _actingAs.Current = actor;
        try { return await work(); }
        finally { _actingAs.Current = previous; }
    }
}
