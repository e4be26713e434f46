using System.Text.Json;
using GridGov.Data.Entities;
using GridGov.Domain.People;

namespace GridGov.Web.Features.People.Import;

/// <summary>Batches and staged rows as the API shows them.</summary>
internal static class ImportViews
{
    public static ImportBatchDto ToDto(PeopleImport b, DateTime now)
    {
        // A batch that stopped moving mid-way was interrupted (its node stopped): nothing of it was committed.
        var stalled = b.Stage is not (ImportStage.Ready or ImportStage.Committed or ImportStage.Failed) && now - b.UpdatedAt > ImportLimits.Stalled;
        var stage = stalled ? ImportStage.Failed : b.Stage;
        return new ImportBatchDto(b.Id, b.AreaCode, b.FileName, b.Format, b.Bytes, stage.Wire(), stage.Chinese(), b.RowsDone, b.RowsTotal,
            new ImportCountsDto(b.NewRows, b.UpdateRows, b.UnchangedRows, b.ReviewRows, b.ErrorRows),
            stalled ? "处理中断（服务曾重启），未导入任何数据；请重新上传" : b.Failure,
            b.CreatedByName, b.CreatedAt, b.UpdatedAt, b.CommittedByName, b.CommittedAt);
    }

    public static ImportRowDto ToDto(PeopleImportRow r) =>
        new(r.Id, r.RowNumber, r.Outcome.Wire(), r.Outcome.Chinese(), r.Name, r.IdNumberMasked ?? r.DocumentMasked, r.PhoneMasked, r.HouseId,
            r.Relation?.Wire(), r.PersonId, r.ReviewReason?.Wire(), Errors(r.Errors));

    public static IReadOnlyList<ImportErrorDto> Errors(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<List<ImportErrorDto>>(json, ImportJson.Options) ?? [];
}
