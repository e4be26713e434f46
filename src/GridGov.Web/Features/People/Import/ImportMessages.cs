using System.Text.Json;

namespace GridGov.Web.Features.People.Import;

/// <summary>A batch as the API shows it: stage, progress and, once matched, the preview's counts.</summary>
public sealed record ImportBatchDto(long Id, string AreaCode, string FileName, string Format, long Bytes, string Stage, string StageLabel,
    int RowsDone, int RowsTotal, ImportCountsDto Counts, string? Failure, string CreatedBy, DateTime CreatedAt, DateTime UpdatedAt,
    string? CommittedBy, DateTime? CommittedAt);

public sealed record ImportCountsDto(int New, int Updates, int Unchanged, int Review, int Errors);

/// <summary>One problem of a row: the column as the export names it, the reason in Chinese, the value as typed (numbers masked).</summary>
public sealed record ImportErrorDto(string Column, string Reason, string? Value);

/// <summary>A staged row in the preview: its outcome, the person (numbers masked), the house and its problems.</summary>
public sealed record ImportRowDto(long Id, int Row, string Outcome, string OutcomeLabel, string? Name, string? IdNumber, string? Phone,
    long? HouseId, string? Relation, long? PersonId, string? ReviewReason, IReadOnlyList<ImportErrorDto> Errors);

public sealed record ImportRowPage(int Page, int PageSize, int Total, IReadOnlyList<ImportRowDto> Rows);

/// <summary>A review item: the row as imported and the registered record it may be (both masked).</summary>
public sealed record ReviewDto(long Id, long BatchId, int Row, string Status, string Reason, string ReasonLabel,
    ReviewSide Imported, ReviewSide Registered, long? ResultPersonId, string? ResolvedBy, DateTime? ResolvedAt);

public sealed record ReviewSide(long? PersonId, string? Name, string? IdNumber, DateOnly? BirthDate, string? Phone, string? Address);

internal static class ImportJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
