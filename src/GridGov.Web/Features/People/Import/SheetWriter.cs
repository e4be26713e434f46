using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace GridGov.Web.Features.People.Import;

/// <summary>
/// Writes one sheet of text cells as XLSX, element by element (OpenXmlWriter): an export of 300,000 residents never
/// holds a document tree. Cells are inline strings, so ID numbers and door numbers stay text (no 5.1E+17).
/// </summary>
public static class SheetWriter
{
    public static void Write(Stream output, string sheetName, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var doc = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var book = doc.AddWorkbookPart();
        book.Workbook = new Workbook();
        var sheetPart = book.AddNewPart<WorksheetPart>();
        using (var w = OpenXmlWriter.Create(sheetPart))
        {
            w.WriteStartElement(new Worksheet());
            w.WriteStartElement(new SheetData());
            foreach (var row in rows)
            {
                w.WriteStartElement(new Row());
                foreach (var text in row)
                    w.WriteElement(string.IsNullOrEmpty(text)
                        ? new Cell()
                        : new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) });
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndElement();
        }
        book.Workbook.AppendChild(new Sheets(new Sheet { Id = book.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName }));
        book.Workbook.Save();
    }
}
