using System.Threading.Channels;
using GridGov.Data.Cases;
using GridGov.Web.Hosting.Security;
using Microsoft.EntityFrameworkCore.Metadata;

namespace GridGov.Web.Features.Cases;

/// <summary>
/// Group commit for plain reports: requests queue here and one writer per process stores everything queued so far in
/// one transaction and one round trip (PostgreSQL) while the next batch gathers, then completes each request. Under
/// load a batch holds tens to hundreds of reports, so the per-report cost of commits and round trips nearly vanishes;
/// alone, a report waits for nothing. A batch that fails is retried report by report, so one bad row fails only itself.
/// </summary>
public sealed class IntakeWriter : IAsyncDisposable
{
    public const int MaxBatch = 500;
    private const int TrackingAttempts = 5;

    private readonly Channel<PendingIntake> _queue = Channel.CreateUnbounded<PendingIntake>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IIntakeBatchStore _store;
    private readonly ILogger<IntakeWriter> _log;
    private readonly Task _loop;

    public IntakeWriter(IIntakeBatchStore store, IEntityType caseType, ILogger<IntakeWriter> log)
    {
        _store = store;
        CaseType = caseType;
        _log = log;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>The EF metadata of a case, for audit summaries that read like <see cref="Hosting.Security.AuditInterceptor"/>'s.</summary>
    public IEntityType CaseType { get; }

    /// <summary>The data layer's batch store for the database, writing audit summaries as <see cref="AuditInterceptor"/> does.</summary>
    public static IIntakeBatchStore StoreFor(Hosting.Database database) =>
        IntakeBatchStores.For(database.Provider, database.ConnectionString, AuditInterceptor.CreatedSummary);

    /// <summary>Queues the report; the task ends when it is committed (or was not written: key or number taken).</summary>
    public Task<IntakeOutcome> SubmitAsync(PendingIntake report)
    {
        if (!_queue.Writer.TryWrite(report)) throw new InvalidOperationException("the intake writer has stopped");
        return report.Done.Task;
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingIntake>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var report)) batch.Add(report);
            try
            {
                await WriteAsync(batch);
            }
            catch (Exception e)
            {
                // Never leave a request hanging, whatever went wrong.
                foreach (var r in batch) r.Done.TrySetException(e);
            }
        }
    }

    private async Task WriteAsync(List<PendingIntake> batch)
    {
        for (var attempt = 1; batch.Count > 0; attempt++)
        {
            // Rows are matched to their new ids by tracking number: it must be unique inside the batch.
            var numbers = new HashSet<string>(StringComparer.Ordinal);
            foreach (var r in batch)
                while (!numbers.Add(r.Case.TrackingNo)) r.Case.TrackingNo = CaseEngine.NewTrackingNo(r.Case.ReportedAt);
            IReadOnlyList<IntakeOutcome> outcomes;
            try
            {
                outcomes = await _store.WriteAsync(batch, CancellationToken.None);
            }
            catch (Exception e) when (batch.Count > 1)
            {
                _log.LogWarning(e, "Intake batch of {Count} failed; writing its reports one by one", batch.Count);
                foreach (var report in batch) await WriteAsync([report]);
                return;
            }
            catch (Exception e)
            {
                batch[0].Done.TrySetException(e);
                return;
            }
            var again = new List<PendingIntake>();
            for (var i = 0; i < batch.Count; i++)
            {
                var report = batch[i];
                var outcome = outcomes[i];
                if (outcome.Kind == IntakeOutcomeKind.Created) report.Case.Id = outcome.Id;
                if (outcome.Kind != IntakeOutcomeKind.TrackingTaken || attempt >= TrackingAttempts) report.Done.TrySetResult(outcome);
                else
                {
                    // Random tracking numbers collide a few times a day at city volume: draw another.
                    report.Case.TrackingNo = CaseEngine.NewTrackingNo(report.Case.ReportedAt);
                    again.Add(report);
                }
            }
            batch = again;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
        await _store.DisposeAsync();
    }
}
