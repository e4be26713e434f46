using System.Data.Common;
using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Data.People;
using GridGov.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.People.Import;

/// <summary>
/// Writes a previewed batch (claimed by the commit call: Ready → Committing) into the registry in ONE transaction:
/// the set-based statements of <see cref="PeopleImportStore.CommitAsync"/>, one audit entry for the whole batch with
/// its counts (not one per row), and the batch marked committed. If anything fails nothing is written and the batch
/// says why.
/// </summary>
public sealed class ImportCommit(GridGovDb db, TimeProvider time, ILogger<ImportCommit> log)
{
    public async Task RunAsync(CommitJob job, CancellationToken ct)
    {
        var batch = await db.PeopleImports.AsNoTracking().FirstAsync(b => b.Id == job.BatchId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now.AddHours(8));
        var phone = (batch.Columns & (1 << (int)ImportColumn.Phone)) != 0;
        var tags = (batch.Columns & (1 << (int)ImportColumn.Tags)) != 0;
        try
        {
            var timings = new ImportTimings();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var counts = await PeopleImportStore.CommitAsync(db, batch.Id, batch.AreaCode, phone, tags, today, now, ct, timings.Add);
            db.AuditLog.Add(new AuditEntry
            {
                At = now,
                UserId = job.UserId,
                UserName = job.UserName,
                Action = "import",
                EntityType = nameof(PeopleImport),
                EntityId = batch.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                AreaCode = batch.AreaCode,
                DistrictCode = batch.DistrictCode,
                Summary = $"{batch.FileName} ({batch.Format}, {batch.RowsTotal} rows): {counts.Created} new, {counts.Updated} updated, "
                    + $"{batch.UnchangedRows} unchanged, {counts.Reviews} to review, {batch.ErrorRows} with errors (not imported); "
                    + $"{counts.Linked} moved in, {counts.Relinked} relations changed",
                Ip = job.Ip,
            });
            await db.SaveChangesAsync(ct);
            await db.PeopleImports.Where(b => b.Id == batch.Id).ExecuteUpdateAsync(s => s
                .SetProperty(b => b.Stage, ImportStage.Committed)
                .SetProperty(b => b.CommittedAt, now)
                .SetProperty(b => b.RowsDone, batch.RowsTotal)
                .SetProperty(b => b.UpdatedAt, now), ct);
            await timings.TimeAsync("commit: COMMIT", tx.CommitAsync(ct));
            log.LogInformation("people import {Batch} committed in {Timings}", batch.Id, timings);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            db.ChangeTracker.Clear();
            var unique = e is DbException db1 && IsUniqueViolation(db1) || e.InnerException is DbException db2 && IsUniqueViolation(db2);
            if (!unique) log.LogError(e, "committing people import {Batch} failed", batch.Id);
            var reason = unique
                ? "预览之后登记簿已有变化（有人已用本表中的身份证号登记），未导入任何数据；请重新上传本文件再导入"
                : "导入时出错，未导入任何数据；请稍后重试，或联系管理员";
            await db.PeopleImports.Where(b => b.Id == batch.Id).ExecuteUpdateAsync(s => s
                .SetProperty(b => b.Stage, ImportStage.Failed)
                .SetProperty(b => b.Failure, reason)
                .SetProperty(b => b.UpdatedAt, time.GetUtcNow().UtcDateTime), CancellationToken.None);
        }
    }

    private static bool IsUniqueViolation(DbException e) =>
        e is Npgsql.PostgresException { SqlState: "23505" } || e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 };
}
