using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace GridGov.Web.Features.People.Import;

/// <summary>
/// The first worksheet of an XLSX, read as a stream of elements (OpenXmlReader), never as a document tree: a
/// 200,000-row sheet is read row by row. Shared strings are read once into a list (the sheet's cells point into it).
/// Cells are given as text: numbers as stored (a date cell is its serial number), booleans as 0/1.
/// </summary>
public static class XlsxSheet
{
    public static IEnumerable<SheetRow> Rows(byte[] file)
    {
        SpreadsheetDocument doc;
        try
        {
            doc = SpreadsheetDocument.Open(new MemoryStream(file, writable: false), isEditable: false);
        }
        catch (Exception e) when (SheetReader.Unreadable(e))
        {
            throw new SheetException("文件无法作为 Excel（.xlsx）读取：可能已损坏，或不是 Excel 文件");
        }
        using (doc)
        {
            var book = doc.WorkbookPart ?? throw new SheetException("Excel 文件中没有工作表");
            var first = book.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault()
                ?? throw new SheetException("Excel 文件中没有工作表");
            var part = (WorksheetPart)book.GetPartById(first.Id!.Value!);
            var shared = SharedStrings(book.SharedStringTablePart);
            foreach (var row in Read(part, shared)) yield return row;
        }
    }

    private static List<string> SharedStrings(SharedStringTablePart? part)
    {
        var list = new List<string>();
        if (part is null) return list;
        using var reader = OpenXmlReader.Create(part);
        var text = new StringBuilder();
        var phonetic = 0;
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem))
            {
                if (reader.IsStartElement) text.Clear();
                else list.Add(text.ToString());
            }
            else if (reader.ElementType == typeof(PhoneticRun)) phonetic += reader.IsStartElement ? 1 : -1;
            else if (reader.ElementType == typeof(Text) && reader.IsStartElement && phonetic == 0) text.Append(reader.GetText());
        }
        return list;
    }

    private static IEnumerable<SheetRow> Read(WorksheetPart part, List<string> shared)
    {
        using var reader = OpenXmlReader.Create(part);
        var cells = new List<string?>();
        var rowNumber = 0;
        var column = -1;
        string? type = null;
        var value = new StringBuilder();
        var inCell = false;
        var phonetic = 0;
        while (reader.Read())
        {
            var t = reader.ElementType;
            if (t == typeof(Row))
            {
                if (reader.IsStartElement)
                {
                    cells.Clear();
                    column = -1;
                    rowNumber = Attribute(reader, "r") is { } r && int.TryParse(r, CultureInfo.InvariantCulture, out var n) ? n : rowNumber + 1;
                }
                else yield return new SheetRow(rowNumber, [.. cells]);
            }
            else if (t == typeof(Cell))
            {
                if (reader.IsStartElement)
                {
                    inCell = true;
                    value.Clear();
                    type = Attribute(reader, "t");
                    column = Attribute(reader, "r") is { } reference ? ColumnOf(reference) : column + 1;
                }
                else
                {
                    inCell = false;
                    while (cells.Count <= column) cells.Add(null);
                    cells[column] = CellText(type, value.ToString(), shared);
                }
            }
            else if (t == typeof(PhoneticRun)) phonetic += reader.IsStartElement ? 1 : -1;
            else if (inCell && reader.IsStartElement && phonetic == 0 && (t == typeof(CellValue) || t == typeof(Text)))
                value.Append(reader.GetText());
        }
    }

    private static string? CellText(string? type, string raw, List<string> shared) => type switch
    {
        "s" => int.TryParse(raw, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Count ? shared[i] : null,
        "e" => null, // #N/A, #REF!: an error value is no value
        _ => raw.Length == 0 ? null : raw,
    };

    private static string? Attribute(OpenXmlReader reader, string name)
    {
        foreach (var a in reader.Attributes)
            if (a.LocalName == name) return a.Value;
        return null;
    }

    /// <summary>"C12" → 2.</summary>
    private static int ColumnOf(string reference)
    {
        var n = 0;
        foreach (var ch in reference)
        {
            if (ch is < 'A' or > 'Z') break;
            n = n * 26 + (ch - 'A' + 1);
        }
        return n - 1;
    }
}
