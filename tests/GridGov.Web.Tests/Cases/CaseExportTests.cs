using GridGov.Data;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GridGov.Web.Tests.Infrastructure;
using static GridGov.Web.Tests.Cases.CaseTestKit;

namespace GridGov.Web.Tests.Cases;

/// <summary>The spreadsheet a secretary downloads: names people read, numbers as numbers and times as times.</summary>
public sealed class CaseExportTests
{
    [SkippableTheory]
    [BothDatabases]
    public async Task The_xlsx_names_areas_categories_and_sources_and_types_its_numbers_and_times(DatabaseProvider provider)
    {
        await using var app = await GridGovApp.StartAsync(provider);
        var micro = await app.ClientFor("sjf.micro");
        var secretary = await app.ClientFor("sjf.secretary");
        var (lon, lat) = await PointIn(app);
        var reported = await Report(micro, lon, lat, category: "0103");
        var tracking = reported.GetProperty("trackingNo").GetString()!;
        var area = reported.GetProperty("areaCode").GetString()!;

        var response = await secretary.GetAsync("/api/cases/export.xlsx?category=0103");
        using var doc = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var book = doc.WorkbookPart!;
        var rows = book.WorksheetParts.First().Worksheet.Descendants<Row>().ToList();
        string Text(Cell c) => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "";
        var header = rows[0].Elements<Cell>().Select(Text).ToList();
        var row = rows.Skip(1).Select(r => r.Elements<Cell>().ToList()).Single(r => Text(r[0]) == tracking);
        Cell Col(string name) => row[header.IndexOf(name)];

        Assert.Equal("道路不洁", Text(Col("类别")));
        Assert.Equal("网格巡查", Text(Col("来源")));
        Assert.Contains("微网格", Text(Col("所在区域"))); // the micro-grid's name, not its 16 digits
        Assert.Equal(area, Text(Col("区域编码")));
        Assert.Equal("0103", Text(Col("类别编码")));
        // Numbers are numbers: a spreadsheet sums and sorts them.
        Assert.Equal(CellValues.Number, Col("经度").DataType!.Value);
        Assert.Equal(lon, double.Parse(Text(Col("经度")), System.Globalization.CultureInfo.InvariantCulture), 5);
        Assert.Equal(CellValues.Number, Col("返工次数").DataType!.Value);
        // Times are dates in Beijing time with a date-time format.
        var time = Col("上报时间(北京时间)");
        Assert.Null(time.DataType);
        var when = DateTime.FromOADate(double.Parse(time.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(when, DateTime.UtcNow.AddHours(8).AddMinutes(-5), DateTime.UtcNow.AddHours(8).AddMinutes(1));
        var format = book.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)time.StyleIndex!.Value);
        var code = book.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single(n => n.NumberFormatId!.Value == format.NumberFormatId!.Value);
        Assert.Equal("yyyy-mm-dd hh:mm", code.FormatCode!.Value);
        Assert.Equal("", Text(Col("结案时间"))); // an open case: an empty cell, not a zero date

        // The CSV says the same in words.
        var csv = await (await secretary.GetAsync("/api/cases/export.csv?category=0103")).Content.ReadAsStringAsync();
        var line = csv.Split('\n').Single(l => l.StartsWith(tracking, StringComparison.Ordinal));
        Assert.Contains("道路不洁", line);
        Assert.Contains("网格巡查", line);
    }
}
