using System.Security.Cryptography;
using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Domain.Areas;
using GridGov.Domain.People;
using GridGov.Domain.Security;
using GridGov.Web.Hosting;
using GridGov.Web.Hosting.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace GridGov.Web.Features.People.Import;

/// <summary>
/// Staged import of residents' sheets (XLSX or CSV) into a community, grid or micro-grid of the caller: upload (answers
/// at once with the batch), poll the batch for its stage and progress, read the preview (counts, errors by row), commit.
/// Another area's batch is a 404.
/// </summary>
public static class ImportEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapPeopleImport(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/people/imports").WithTags("People import");
        g.MapPost("/", Upload).RequirePermission(Permission.RegistryWrite).Accepts<object>(Xlsx, "text/csv", "application/octet-stream")
            .WithSummary("Upload a residents' sheet (XLSX, or CSV in UTF-8 or GB18030) as the request body for an area of yours; answers 202 with the batch");
        g.MapGet("/", List).RequirePermission(Permission.RegistryWrite).WithSummary("Import batches in an area of yours, newest first");
        g.MapGet("/{id:long}", Get).RequirePermission(Permission.RegistryWrite).WithSummary("A batch: its stage, progress and the preview's counts");
        g.MapGet("/{id:long}/rows", Rows).RequirePermission(Permission.RegistryWrite)
            .WithSummary("A batch's rows by outcome (error, new, update, unchanged, review), in row order, paged; numbers masked");
        g.MapPost("/{id:long}/commit", Commit).RequirePermission(Permission.RegistryWrite)
            .WithSummary("Write a previewed batch into the registry (its valid rows; possible duplicates go to the review queue); answers 202");
    }

    private static async Task<IResult> Upload(HttpContext http, string? area, string? name, GridGovDb db, Caller caller, ImportQueue queue,
        TimeProvider time, CancellationToken ct)
    {
        if (http.Request.ContentLength > ImportLimits.MaxBytes) return Problems.TooLarge(ImportLimits.MaxBytes);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = ImportLimits.MaxBytes;
        var areas = caller.Areas(Permission.RegistryWrite);
        var code = area ?? (areas.Count == 1 ? areas[0] : null);
        if (code is null) return Problems.Invalid("area", "area is required: the community, grid or micro-grid of yours the sheet is for.");
        if (!AreaCode.IsWellFormed(code) || !caller.Covers(Permission.RegistryWrite, code) || !await db.Areas.AnyAsync(a => a.Code == code, ct))
            return Problems.NotFound($"No area {code} in yours.");
        if (AreaCode.KindOf(code) is not { } kind || kind < AreaKind.Community)
            return Problems.Invalid("area", "area must be a community, grid or micro-grid (请选择社区、网格或微网格).");

        using var body = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await http.Request.Body.ReadAsync(buffer, ct)) > 0)
        {
            if (body.Length + read > ImportLimits.MaxBytes) return Problems.TooLarge(ImportLimits.MaxBytes); // chunked, without a length
            body.Write(buffer, 0, read);
        }
        if (body.Length == 0) return Problems.Invalid("file", "请上传 Excel（.xlsx）或 CSV 文件作为请求内容 (send the file as the request body).");
        var file = body.ToArray();

        // The header is checked now, so a sheet without a required column is refused at once with one clear message.
        string format;
        try
        {
            (format, var rows) = SheetReader.Open(file);
            var header = rows.FirstOrDefault(r => !r.IsBlank);
            if (header is null) return Problems.Invalid("file", "文件是空的：第一行应为表头（姓名、身份证号、人口类型、楼栋、单元、房号、与户主关系 …）");
            if (ImportColumns.Map(header.Cells).Problem() is { } problem) return Problems.Invalid("file", problem);
        }
        catch (SheetException e)
        {
            return Problems.Invalid("file", e.Message);
        }
        catch (Exception e) when (SheetReader.Unreadable(e))
        {
            return Problems.Invalid("file", SheetReader.UnreadableMessage);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var batch = new PeopleImport
        {
            AreaCode = code, DistrictCode = code[..AreaCode.DistrictLength], FileName = FileName(http.Request, name, format), Format = format,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(file)), Bytes = file.Length, Stage = ImportStage.Queued,
            CreatedByUserId = caller.UserId, CreatedByName = caller.Name, CreatedAt = now, UpdatedAt = now,
        };
        db.PeopleImports.Add(batch); // audited as the upload (who, which file, which area)
        await db.SaveChangesAsync(ct);
        queue.Enqueue(new StageJob(batch.Id, file));
        return Results.Accepted($"/api/people/imports/{batch.Id}", ImportViews.ToDto(batch, now));
    }

    private static string FileName(HttpRequest request, string? name, string format)
    {
        var given = name;
        if (given is null && ContentDispositionHeaderValue.TryParse(request.Headers.ContentDisposition.ToString(), out var cd))
            given = (cd.FileNameStar.HasValue ? cd.FileNameStar.Value : cd.FileName.Value)?.Trim('"');
        given = Path.GetFileName(given ?? "");
        given = new string(given.Where(c => !char.IsControl(c)).ToArray());
        if (given.Length == 0) given = format.StartsWith("csv", StringComparison.Ordinal) ? "residents.csv" : "residents.xlsx";
        return given.Length > 200 ? given[..200] : given;
    }

    private static async Task<IResult> List(string? area, GridGovDb db, Caller caller, TimeProvider time, CancellationToken ct)
    {
        var areas = area is null ? caller.Areas(Permission.RegistryWrite) : AreaCode.IsWellFormed(area) ? caller.Within(Permission.RegistryWrite, area) : [];
        if (areas.Count == 0) return Problems.NotFound($"No area {area} in yours.");
        var rows = await db.PeopleImports.AsNoTracking().WithinAny(b => b.AreaCode, areas).OrderByDescending(b => b.Id).Take(100).ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        return Results.Ok(rows.Select(b => ImportViews.ToDto(b, now)).ToList());
    }

    internal static async Task<PeopleImport?> FindAsync(long id, GridGovDb db, Caller caller, CancellationToken ct)
    {
        var batch = await db.PeopleImports.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        return batch is not null && caller.Covers(Permission.RegistryWrite, batch.AreaCode) ? batch : null;
    }

    private static async Task<IResult> Get(long id, GridGovDb db, Caller caller, TimeProvider time, CancellationToken ct) =>
        await FindAsync(id, db, caller, ct) is { } batch
            ? Results.Ok(ImportViews.ToDto(batch, time.GetUtcNow().UtcDateTime))
            : Problems.NotFound($"No import batch {id} in your area.");

    private static async Task<IResult> Rows(long id, string? outcome, int? page, int? pageSize, GridGovDb db, Caller caller, CancellationToken ct)
    {
        if (await FindAsync(id, db, caller, ct) is null) return Problems.NotFound($"No import batch {id} in your area.");
        var wanted = Enum.GetValues<ImportOutcome>().Where(o => o.Wire() == (outcome ?? "error")).Cast<ImportOutcome?>().FirstOrDefault();
        if (wanted is null) return Problems.Invalid("outcome", "outcome is one of error, new, update, unchanged, review.");
        var size = pageSize ?? 100;
        var number = page ?? 1;
        if (size is < 1 or > 500) return Problems.Invalid("pageSize", "pageSize is from 1 to 500.");
        if (number < 1) return Problems.Invalid("page", "page starts at 1.");
        var query = db.PeopleImportRows.AsNoTracking().Where(r => r.BatchId == id && r.Outcome == wanted);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(r => r.RowNumber).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return Results.Ok(new ImportRowPage(number, size, total, rows.Select(ImportViews.ToDto).ToList()));
    }

    private static async Task<IResult> Commit(long id, GridGovDb db, Caller caller, ImportQueue queue, TimeProvider time, CancellationToken ct)
    {
        if (await FindAsync(id, db, caller, ct) is not { } batch) return Problems.NotFound($"No import batch {id} in your area.");
        var now = time.GetUtcNow().UtcDateTime;
        // Claimed once: a second commit (or one racing it) finds the batch no longer ready.
        var claimed = await db.PeopleImports.Where(b => b.Id == id && b.Stage == ImportStage.Ready).ExecuteUpdateAsync(s => s
            .SetProperty(b => b.Stage, ImportStage.Committing)
            .SetProperty(b => b.CommittedByUserId, caller.UserId)
            .SetProperty(b => b.CommittedByName, caller.Name)
            .SetProperty(b => b.UpdatedAt, now), ct);
        if (claimed == 0)
            return Problems.Conflict($"批次当前为「{batch.Stage.Chinese()}」，只有待确认导入的批次可以导入 (batch {id} is {batch.Stage.Wire()}, not ready).");
        queue.Enqueue(new CommitJob(id, caller.UserId, caller.Name, caller.Ip));
        var after = await db.PeopleImports.AsNoTracking().FirstAsync(b => b.Id == id, ct);
        return Results.Accepted($"/api/people/imports/{id}", ImportViews.ToDto(after, now));
    }
}
