using System.Globalization;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GridGov.Data;
using GridGov.Domain.Cases;
using GridGov.Domain.Security;
using GridGov.Web.Hosting;
using GridGov.Web.Hosting.Security;
using GridGov.Web.Ui;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Cases;

/// <summary>
/// The filtered case list as CSV or XLSX, streamed in id order (at most 100,000 rows). Same visibility and filters
/// as the list; reporter phone numbers never appear, not even masked, and numbers typed into the address are masked.
/// </summary>
public static class CaseExport
{
    public const int MaxRows = 100_000;

    // Names for people first; the codes last, for analysts who join the export with other tables.
    private static readonly string[] Header =
        ["案件编号", "类别", "状态", "来源", "所在区域", "地址", "经度", "纬度", "上报时间(北京时间)", "处置时限", "结案时间", "时限状态", "返工次数", "评价", "类别编码", "区域编码"];

    /// <summary>How each column is typed in the spreadsheet (the CSV has text only).</summary>
    private enum Kind { Text, Number, Time }

    private static readonly Kind[] Kinds =
        [Kind.Text, Kind.Text, Kind.Text, Kind.Text, Kind.Text, Kind.Text, Kind.Number, Kind.Number, Kind.Time, Kind.Time, Kind.Time, Kind.Text, Kind.Number, Kind.Number, Kind.Text, Kind.Text];

    public static async Task<IResult> WriteAsync(HttpContext http, GridGovDb db, CaseAccess access, Caller caller, CaseClock clock, bool csv, CancellationToken ct)
    {
        var (filter, errors) = CaseFilter.Parse(http.Request, caller);
        if (filter is null) return Problems.Invalid(errors);
        var now = clock.Now;
        var query = filter.Apply(access.Visible(db.Cases.AsNoTracking()), caller, now);
        // Pages of 1,000 by id (newest first), each read to the end before its area names are looked up: PostgreSQL runs
        // one command per connection at a time, so the names cannot be read while a streaming query is open.
        async IAsyncEnumerable<Data.Entities.Case[]> Pages()
        {
            long? before = null;
            for (var taken = 0; taken < MaxRows;)
            {
                var page = await (before is { } b ? query.Where(c => c.Id < b) : query)
                    .OrderByDescending(c => c.Id).Take(Math.Min(1000, MaxRows - taken)).ToArrayAsync(ct);
                if (page.Length == 0) yield break;
                yield return page;
                taken += page.Length;
                before = page[^1].Id;
            }
        }
        var names = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, ct);
        var stamp = now.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        static string China(DateTime? utc) => utc is null ? "" : utc.Value.AddHours(8).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

        async Task<List<string[]>> Lines(Data.Entities.Case[] cases)
        {
            var areas = await AreaLabels.NamesAsync(db, cases.Select(c => c.AreaCode), ct);
            return cases.Select(c => new[]
            {
                c.TrackingNo, names.GetValueOrDefault(c.CategoryCode, c.CategoryCode), c.Status.Chinese(), UiText.SourceLabel(c.Source), areas[c.AreaCode],
                PersonalNumbers.MaskInText(c.AddressText) ?? "", c.Lon.ToString("0.000000", CultureInfo.InvariantCulture), c.Lat.ToString("0.000000", CultureInfo.InvariantCulture),
                China(c.ReportedAt), China(c.ResolveDueAt), China(c.ClosedAt), ColourLabel(CaseClock.Colour(c, now)),
                c.ReworkCount.ToString(CultureInfo.InvariantCulture), c.Rating?.ToString(CultureInfo.InvariantCulture) ?? "", c.CategoryCode, c.AreaCode,
            }).ToList();
        }

        if (csv)
        {
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"cases-{stamp}.csv\"";
            await using var writer = new StreamWriter(http.Response.Body, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            await using var out_ = CsvWriter.Create(writer, new CsvWriterOptions(), leaveOpen: true);
            await out_.WriteRecordAsync(Header, ct);
            await foreach (var chunk in Pages())
                foreach (var line in await Lines(chunk))
                    await out_.WriteRecordAsync(line, ct);
            await out_.FlushAsync(ct);
            return Results.Empty;
        }

        // OpenXML needs a seekable stream: build in memory (bounded by MaxRows), then send.
        using var buffer = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var book = doc.AddWorkbookPart();
            book.Workbook = new Workbook();
            book.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheetPart = book.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            sheetPart.Worksheet = new Worksheet(data);
            data.AppendChild(Row(Header, header: true));
            await foreach (var chunk in Pages())
                foreach (var line in await Lines(chunk)) data.AppendChild(Row(line, header: false));
            book.Workbook.AppendChild(new Sheets(new Sheet { Id = book.GetIdOfPart(sheetPart), SheetId = 1, Name = "案件" }));
            book.Workbook.Save();
        }
        return Results.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"cases-{stamp}.xlsx");
    }

    private static Row Row(string[] cells, bool header)
    {
        var row = new Row();
        for (var i = 0; i < cells.Length; i++)
        {
            var text = cells[i];
            var kind = header || text.Length == 0 ? Kind.Text : Kinds[i];
            row.AppendChild(kind switch
            {
                Kind.Number => new Cell { DataType = CellValues.Number, CellValue = new CellValue(text) },
                // A time is a spreadsheet date (days since 1900) shown as yyyy-mm-dd hh:mm: it sorts and filters as a time.
                Kind.Time => new Cell
                {
                    StyleIndex = TimeStyle,
                    CellValue = new CellValue(DateTime.ParseExact(text, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture).ToOADate().ToString(CultureInfo.InvariantCulture)),
                },
                _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) },
            });
        }
        return row;
    }

    private const uint TimeStyle = 1;

    /// <summary>Two cell formats: the default, and a date-time one (custom number format 164) for the time columns.</summary>
    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd hh:mm" }) { Count = 1 },
        new Fonts(new Font()) { Count = 1 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true }) { Count = 2 });

    private static string ColourLabel(string colour) => colour switch
    {
        "green" => "正常", "yellow" => "临期", "red" => "超期", "late" => "超期办结", "done" => "按期办结", _ => "",
    };
}
