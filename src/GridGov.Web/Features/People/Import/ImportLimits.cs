namespace GridGov.Web.Features.People.Import;

/// <summary>How large a residents' sheet may be: a district's register fits (about 200,000 rows in 15 MB of XLSX).</summary>
public static class ImportLimits
{
    public const long MaxBytes = 20L * 1024 * 1024;
    public const int MaxRows = 300_000;

    /// <summary>Rows matched and written per round trip (IN lists, COPY batches, progress updates).</summary>
    public const int Chunk = 1_000;

    /// <summary>Rows an export writes at most.</summary>
    public const int MaxExportRows = 300_000;

    /// <summary>A batch not moved on for this long was interrupted (the node stopped): shown as failed.</summary>
    public static readonly TimeSpan Stalled = TimeSpan.FromMinutes(10);
}

/// <summary>A file that cannot be read as a sheet, with the reason in Chinese.</summary>
public sealed class SheetException(string message) : Exception(message);
