using GridGov.Domain.People;

namespace GridGov.Data.Entities;

/// <summary>
/// One uploaded residents' sheet, staged: its rows are read, checked and matched into <see cref="PeopleImportRow"/>s, shown
/// as a preview, and written to the registry only when someone commits it. Progress is <see cref="RowsDone"/> of
/// <see cref="RowsTotal"/> in the current <see cref="Stage"/>.
/// </summary>
public sealed class PeopleImport : IAreaOwned
{
    public long Id { get; set; }

    /// <summary>The community, grid or micro-grid whose houses the rows name; the caller's area.</summary>
    public required string AreaCode { get; set; }
    public required string DistrictCode { get; set; }
    public required string FileName { get; set; }

    /// <summary>xlsx or csv (and for CSV the encoding found: csv-utf8, csv-gb18030).</summary>
    public required string Format { get; set; }
    public required string Sha256 { get; set; }
    public long Bytes { get; set; }
    public ImportStage Stage { get; set; }
    public int RowsTotal { get; set; }
    public int RowsDone { get; set; }
    public int NewRows { get; set; }
    public int UpdateRows { get; set; }
    public int UnchangedRows { get; set; }
    public int ReviewRows { get; set; }
    public int ErrorRows { get; set; }

    /// <summary>Optional columns the file has (bit per <see cref="ImportColumn"/>): an absent column changes nothing on a record.</summary>
    public int Columns { get; set; }

    /// <summary>Why the batch failed (zh-CN): a header without a required column, an unreadable file, a registry changed since the preview.</summary>
    public string? Failure { get; set; }
    public long? CreatedByUserId { get; set; }
    public required string CreatedByName { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long? CommittedByUserId { get; set; }
    public string? CommittedByName { get; set; }
    public DateTime? CommittedAt { get; set; }

    string? IAreaOwned.OwningArea => AreaCode;
}
