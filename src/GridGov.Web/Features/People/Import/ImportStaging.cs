using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Data.People;
using GridGov.Domain.People;
using GridGov.Web.Hosting.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.People.Import;

/// <summary>
/// The stages before the preview, run by the worker: read the header (a missing required column fails the batch with
/// one message naming it), read and check every row (<see cref="ImportRowParser"/>: row, column, reason, value), then
/// match the rows against the registry in chunks (<see cref="ImportMatcher"/>) and stage them. The batch then waits,
/// <see cref="ImportStage.Ready"/>, for someone to look at the preview and commit it.
/// </summary>
public sealed class ImportStaging(GridGovDb db, PersonalData pii, PeopleLookup lookup, PeopleOptions options, TimeProvider time,
    ILogger<ImportStaging> log)
{
    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime.AddHours(8));

    public async Task RunAsync(long batchId, byte[] file, CancellationToken ct)
    {
        var batch = await db.PeopleImports.AsNoTracking().FirstAsync(b => b.Id == batchId, ct);
        Npgsql.NpgsqlConnection? writer = null;
        var writing = Task.CompletedTask;
        try
        {
            await ProgressAsync(batchId, ImportStage.Parsing, 0, 0, ct);
            var (_, sheet) = SheetReader.Open(file);
            using var rows = sheet.GetEnumerator();
            SheetRow? headerRow = null;
            while (rows.MoveNext()) if (!rows.Current.IsBlank) { headerRow = rows.Current; break; }
            if (headerRow is null) throw new SheetException("文件是空的：第一行应为表头（姓名、身份证号、人口类型、楼栋、单元、房号、与户主关系 …）");
            var header = ImportColumns.Map(headerRow.Cells);
            if (header.Problem() is { } problem) throw new SheetException(problem);
            var columns = header.Index.Keys.Aggregate(0, (bits, c) => bits | (1 << (int)c));
            await db.PeopleImports.Where(b => b.Id == batchId).ExecuteUpdateAsync(s => s.SetProperty(b => b.Columns, columns), ct);

            await ProgressAsync(batchId, ImportStage.Validating, 0, 0, ct);
            var timings = new ImportTimings();
            var parsed = await timings.TimeAsync("read+check", ValidateAsync(batchId, rows, header, ct));

            await ProgressAsync(batchId, ImportStage.Matching, 0, parsed.Count, ct);
            var matcher = new ImportMatcher(db, pii, batch, header, await lookup.HasherAsync(ct), Today) { Timings = timings };
            await timings.TimeAsync("houses", matcher.LoadHousesAsync(parsed, ct));
            var counts = new Dictionary<ImportOutcome, int>();
            // PostgreSQL: a chunk's rows are encrypted and copied in (on a connection of their own) while the next chunk is matched.
            writer = await PeopleImportStore.OpenStagingWriterAsync(db, ct);
            var written = 0;
            for (var at = 0; at < parsed.Count; at += ImportLimits.Chunk)
            {
                var chunk = parsed.GetRange(at, Math.Min(ImportLimits.Chunk, parsed.Count - at));
                var staged = await matcher.MatchAsync(chunk, ct);
                var numbers = matcher.TakeStagedNumbers();
                foreach (var r in staged) counts[r.Outcome] = counts.GetValueOrDefault(r.Outcome) + 1;
                await timings.TimeAsync("encrypt + stage rows (waiting)", writing);
                if (written > 0) await timings.TimeAsync("progress", ProgressAsync(batchId, ImportStage.Matching, written, parsed.Count, ct));
                if (writer is null)
                {
                    // SQLite: one connection, one thing at a time.
                    var started = System.Diagnostics.Stopwatch.GetTimestamp();
                    matcher.ProtectStaged(numbers);
                    timings.Add("encrypt", started);
                    await timings.TimeAsync("stage rows", PeopleImportStore.WriteRowsAsync(db, staged, ct));
                }
                else
                {
                    // The chunk's numbers are encrypted and its rows copied in while the next chunk is matched.
                    var copy = writer;
                    writing = Task.Run(async () =>
                    {
                        matcher.ProtectStaged(numbers);
                        await PeopleImportStore.CopyRowsAsync(copy, staged, ct);
                    }, ct);
                }
                written = at + chunk.Count;
            }
            await timings.TimeAsync("encrypt + stage rows (waiting)", writing);
            log.LogInformation("people import {Batch} staged {Rows} rows in {Timings}", batchId, parsed.Count, timings);
            await db.PeopleImports.Where(b => b.Id == batchId).ExecuteUpdateAsync(s => s
                .SetProperty(b => b.Stage, ImportStage.Ready)
                .SetProperty(b => b.RowsDone, parsed.Count) // the last chunk's progress (the loop writes the one before)
                .SetProperty(b => b.NewRows, counts.GetValueOrDefault(ImportOutcome.New))
                .SetProperty(b => b.UpdateRows, counts.GetValueOrDefault(ImportOutcome.Update))
                .SetProperty(b => b.UnchangedRows, counts.GetValueOrDefault(ImportOutcome.Unchanged))
                .SetProperty(b => b.ReviewRows, counts.GetValueOrDefault(ImportOutcome.Review))
                .SetProperty(b => b.ErrorRows, counts.GetValueOrDefault(ImportOutcome.Error))
                .SetProperty(b => b.UpdatedAt, time.GetUtcNow().UtcDateTime), ct);
        }
        catch (SheetException e)
        {
            await SettleAsync(writing);
            await FailAsync(batchId, e.Message, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogError(e, "staging people import {Batch} failed", batchId);
            // A copy still running on the writer's connection ends before the batch's rows are deleted.
            await SettleAsync(writing);
            await FailAsync(batchId, "处理文件时出错，未导入任何数据；请稍后重试，或联系管理员", ct);
        }
        finally
        {
            if (writer is not null) await writer.DisposeAsync();
        }
    }

    /// <summary>Every row read and checked on its own; a second row with an ID number already in the file is an error.</summary>
    private async Task<List<ImportedRow>> ValidateAsync(long batchId, IEnumerator<SheetRow> rows, ImportHeader header, CancellationToken ct)
    {
        var parsed = new List<ImportedRow>();
        var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var tags = options.Tags.ToHashSet(StringComparer.Ordinal);
        var today = Today;
        while (rows.MoveNext())
        {
            var sheetRow = rows.Current;
            if (sheetRow.IsBlank) continue;
            if (parsed.Count == ImportLimits.MaxRows)
                throw new SheetException($"文件超过 {ImportLimits.MaxRows:N0} 行：请按社区或网格分成几个文件导入");
            var row = ImportRowParser.Parse(sheetRow.Number, c => header.Index.TryGetValue(c, out var i) ? sheetRow[i] : null, today, tags);
            if (row.Resident?.IdNumber is { } id && !firstRowOf.TryAdd(id.Value, row.RowNumber))
                row = row with
                {
                    Resident = null,
                    CheckCharacter = null,
                    Errors = [new(ImportColumn.IdNumber, $"身份证号：与第 {firstRowOf[id.Value]} 行相同（同一人在表中只能出现一次）", ImportRowParser.Mask(ImportColumn.IdNumber, id.Value))],
                };
            parsed.Add(row);
            if (parsed.Count % 20_000 == 0) await ProgressAsync(batchId, ImportStage.Validating, parsed.Count, 0, ct);
        }
        return parsed;
    }

    /// <summary>Waits for a copy still running (its failure is the batch's failure, already being recorded).</summary>
    private async Task SettleAsync(Task writing)
    {
        try
        {
            await writing;
        }
        catch (Exception e)
        {
            log.LogDebug(e, "staging copy ended with the batch's failure");
        }
    }

    private Task ProgressAsync(long batchId, ImportStage stage, int done, int total, CancellationToken ct) =>
        db.PeopleImports.Where(b => b.Id == batchId).ExecuteUpdateAsync(s => s
            .SetProperty(b => b.Stage, stage)
            .SetProperty(b => b.RowsDone, done)
            .SetProperty(b => b.RowsTotal, total)
            .SetProperty(b => b.UpdatedAt, time.GetUtcNow().UtcDateTime), ct);

    private async Task FailAsync(long batchId, string reason, CancellationToken ct)
    {
        // Staged rows of a failed batch are of no use; the batch row keeps the reason.
        await db.PeopleImportRows.Where(r => r.BatchId == batchId).ExecuteDeleteAsync(ct);
        await db.PeopleImports.Where(b => b.Id == batchId).ExecuteUpdateAsync(s => s
            .SetProperty(b => b.Stage, ImportStage.Failed)
            .SetProperty(b => b.Failure, reason)
            .SetProperty(b => b.UpdatedAt, time.GetUtcNow().UtcDateTime), ct);
    }
}
