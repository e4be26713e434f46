using GridGov.Data.Entities;
using Microsoft.EntityFrameworkCore.Metadata;

namespace GridGov.Data.Cases;

/// <summary>A report ready to store: the case row plus what its history and audit rows need.</summary>
public sealed record PendingIntake(Case Case, IEntityType CaseType, long? ActorUserId, string ActorName, string AuditUserName, string? Ip,
    string? HistoryNote)
{
    public TaskCompletionSource<IntakeOutcome> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Who may see what, for a store that also searches likely duplicates for the whole batch (null: the caller searches).
    /// </summary>
    public DuplicateScope? Scope { get; init; }
}

/// <summary>
/// The reporter's view of cases (as the Cases module's CaseAccess.Visible decides it): their user id, departments and
/// CasesRead areas.
/// </summary>
public sealed record DuplicateScope(long Me, IReadOnlyList<string> Departments, IReadOnlyList<string> Areas);

public enum IntakeOutcomeKind { Created, KeyTaken, TrackingTaken }

/// <summary>
/// Created (with the case id and, when the store searched them, its likely duplicates), or not written because the
/// idempotency key or the tracking number was taken.
/// </summary>
public readonly record struct IntakeOutcome(IntakeOutcomeKind Kind, long Id = 0, IReadOnlyList<Case>? Duplicates = null);

/// <summary>
/// Writes a batch of reports (case, first history row, audit entry, stats dirty-marker) in one transaction. Serves one
/// writer loop; disposing it closes what it keeps between batches (the PostgreSQL store's session).
/// </summary>
public interface IIntakeBatchStore : IAsyncDisposable
{
    /// <summary>One outcome per report, in order; a row whose unique key is taken is skipped, never fails the batch.</summary>
    Task<IReadOnlyList<IntakeOutcome>> WriteAsync(IReadOnlyList<PendingIntake> batch, CancellationToken ct);
}

/// <summary>
/// The audit entry's summary of a new case, in the format of the web host's audit interceptor (which the data layer
/// does not know), so entries written by a batch read like those of the EF path.
/// </summary>
public delegate string CreatedSummary(IEntityType type, Case entity);

public static class IntakeBatchStores
{
    /// <summary>The batch store of the provider.</summary>
    public static IIntakeBatchStore For(DatabaseProvider provider, string connectionString, CreatedSummary auditSummary) =>
        provider == DatabaseProvider.Postgres
            ? new IntakeBatchPostgres(connectionString, auditSummary)
            : new IntakeBatchSqlite(connectionString, auditSummary);
}
