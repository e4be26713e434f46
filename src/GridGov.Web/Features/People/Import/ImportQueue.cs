using System.Threading.Channels;

namespace GridGov.Web.Features.People.Import;

/// <summary>Work for the import worker: stage an uploaded file, or commit a previewed batch.</summary>
public abstract record ImportJob(long BatchId);

/// <summary>Read, check and match an uploaded file (kept in memory until staged: at most <see cref="ImportLimits.MaxBytes"/>).</summary>
public sealed record StageJob(long BatchId, byte[] File) : ImportJob(BatchId);

/// <summary>Write a previewed batch into the registry, as the person who confirmed it.</summary>
public sealed record CommitJob(long BatchId, long? UserId, string UserName, string? Ip) : ImportJob(BatchId);

/// <summary>
/// The node's queue of import work, so an upload or a commit answers at once with the batch id and the client polls
/// the batch for its stage and progress. One worker per node takes one job at a time (the machine has few cores, and
/// the database is the shared resource either way).
/// </summary>
public sealed class ImportQueue
{
    private readonly Channel<ImportJob> _jobs = Channel.CreateUnbounded<ImportJob>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(ImportJob job)
    {
        if (!_jobs.Writer.TryWrite(job)) throw new InvalidOperationException("the import queue is closed");
    }

    public IAsyncEnumerable<ImportJob> ReadAllAsync(CancellationToken ct) => _jobs.Reader.ReadAllAsync(ct);
}

/// <summary>Runs the queued import jobs one after another, each in its own scope (its own database context).</summary>
public sealed class ImportWorker(ImportQueue queue, IServiceScopeFactory scopes, ILogger<ImportWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                switch (job)
                {
                    case StageJob s:
                        await scope.ServiceProvider.GetRequiredService<ImportStaging>().RunAsync(s.BatchId, s.File, stoppingToken);
                        break;
                    case CommitJob c:
                        await scope.ServiceProvider.GetRequiredService<ImportCommit>().RunAsync(c, stoppingToken);
                        break;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Each job marks its own batch failed; this is the last line, so the worker keeps serving the queue.
                log.LogError(e, "people import job for batch {Batch} failed", job.BatchId);
            }
        }
    }
}
