namespace GridGov.Web.Features.People.Import;

/// <summary>One row of a sheet: its number as the spreadsheet shows it (the header is row 1) and its cells by column.</summary>
public sealed record SheetRow(int Number, string?[] Cells)
{
    public string? this[int column] => column < Cells.Length ? Cells[column] : null;

    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>Reads an uploaded sheet: XLSX (a zip, found by its first bytes) or CSV in UTF-8 or GB18030 (GBK).</summary>
public static class SheetReader
{
    public static (string Format, IEnumerable<SheetRow> Rows) Open(byte[] file)
    {
        if (file.Length >= 4 && file[0] == 'P' && file[1] == 'K' && file[2] == 3 && file[3] == 4) return ("xlsx", XlsxSheet.Rows(file));
        if (file.Length >= 8 && file[0] == 0xD0 && file[1] == 0xCF && file[2] == 0x11 && file[3] == 0xE0)
            throw new SheetException("这是旧版 Excel（.xls）文件：请在 Excel 中另存为 .xlsx 或 CSV 后上传");
        var (encoding, text) = CsvSheet.Decode(file);
        return ("csv-" + encoding, CsvSheet.Rows(text));
    }

    /// <summary>What a damaged or foreign file throws while it is opened or read (a zip that is not a workbook, broken XML).</summary>
    public static bool Unreadable(Exception e) =>
        e is DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or InvalidDataException or IOException or FormatException
            or System.Xml.XmlException or InvalidOperationException or KeyNotFoundException or ArgumentException;

    public const string UnreadableMessage = "文件无法作为 Excel（.xlsx）或 CSV 读取：可能已损坏，或不是表格文件";
}
