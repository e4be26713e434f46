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
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Cases;

/// <summary>
/// The filtered case list as CSV or XLSX, streamed in id order (at most 100,000 rows). Same visibility and filters
/// as the list; reporter phone numbers never appear, not even masked, and numbers typed into the address are masked.
/// </summary>
public static class CaseExport
{
    public const int MaxRows = 100_000;

    private static readonly string[] Header =
        ["案件编号", "类别", "状态", "来源", "区域编码", "地址", "经度", "纬度", "上报时间(北京时间)", "处置时限", "结案时间", "时限状态", "返工次数", "评价"];

    public static async Task<IResult> WriteAsync(HttpContext http, GridGovDb db, CaseAccess access, Caller caller, CaseClock clock, bool csv, CancellationToken ct)
    {
        var (filter, errors) = CaseFilter.Parse(http.Request, caller);
        if (filter is null) return Problems.Invalid(errors);
        var now = clock.Now;
        var rows = filter.Apply(access.Visible(db.Cases.AsNoTracking()), caller, now).OrderByDescending(c => c.Id).Take(MaxRows);
        var names = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, ct);
        var stamp = now.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        static string China(DateTime? utc) => utc is null ? "" : utc.Value.AddHours(8).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

        IEnumerable<string[]> Lines(IEnumerable<Data.Entities.Case> cases) => cases.Select(c => new[]
        {
            c.TrackingNo, $"{c.CategoryCode} {names.GetValueOrDefault(c.CategoryCode)}", c.Status.Chinese(), c.Source, c.AreaCode,
            PersonalNumbers.MaskInText(c.AddressText) ?? "", c.Lon.ToString("0.000000", CultureInfo.InvariantCulture), c.Lat.ToString("0.000000", CultureInfo.InvariantCulture),
            China(c.ReportedAt), China(c.ResolveDueAt), China(c.ClosedAt), ColourLabel(CaseClock.Colour(c, now)),
            c.ReworkCount.ToString(CultureInfo.InvariantCulture), c.Rating?.ToString(CultureInfo.InvariantCulture) ?? "",
        });

        if (csv)
        {
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"cases-{stamp}.csv\"";
            await using var writer = new StreamWriter(http.Response.Body, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            await using var out_ = CsvWriter.Create(writer, new CsvWriterOptions(), leaveOpen: true);
            await out_.WriteRecordAsync(Header, ct);
            await foreach (var chunk in rows.AsAsyncEnumerable().Chunk(1000).WithCancellation(ct))
                foreach (var line in Lines(chunk))
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
            var sheetPart = book.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            sheetPart.Worksheet = new Worksheet(data);
            data.AppendChild(Row(Header));
            await foreach (var chunk in rows.AsAsyncEnumerable().Chunk(1000).WithCancellation(ct))
                foreach (var line in Lines(chunk)) data.AppendChild(Row(line));
            book.Workbook.AppendChild(new Sheets(new Sheet { Id = book.GetIdOfPart(sheetPart), SheetId = 1, Name = "案件" }));
            book.Workbook.Save();
        }
        return Results.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"cases-{stamp}.xlsx");
    }

    private static Row Row(IEnumerable<string> cells)
    {
        var row = new Row();
        foreach (var c in cells)
            row.AppendChild(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(c)) });
        return row;
    }

    private static string ColourLabel(string colour) => colour switch
    {
        "green" => "正常", "yellow" => "临期", "red" => "超期", "late" => "超期办结", "done" => "按期办结", _ => "",
    };
}
