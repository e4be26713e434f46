using System.Text;

namespace GridGov.Web.Features.People.Import;

/// <summary>
/// CSV as Excel saves it: UTF-8 (with or without a byte-order mark) or, from a Chinese Excel's "CSV (逗号分隔)",
/// GB18030 (a superset of GBK). A file that is not valid UTF-8 is read as GB18030. Comma- or tab-separated (found from
/// the header), quotes as RFC 4180.
/// </summary>
public static class CsvSheet
{
    static CsvSheet() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static (string Encoding, string Text) Decode(byte[] file)
    {
        if (file.Length >= 3 && file[0] == 0xEF && file[1] == 0xBB && file[2] == 0xBF) return ("utf8", StrictUtf8.GetString(file, 3, file.Length - 3));
        if (file.Length >= 2 && file[0] == 0xFF && file[1] == 0xFE) return ("utf16", Encoding.Unicode.GetString(file, 2, file.Length - 2));
        try
        {
            return ("utf8", StrictUtf8.GetString(file));
        }
        catch (DecoderFallbackException)
        {
            return ("gb18030", Encoding.GetEncoding("GB18030").GetString(file));
        }
    }

    public static IEnumerable<SheetRow> Rows(string text)
    {
        var firstLine = text.AsSpan(0, Math.Max(0, text.IndexOfAny(['\r', '\n']) is var n and >= 0 ? n : text.Length));
        var separator = firstLine.Count('\t') > firstLine.Count(',') ? '\t' : ',';
        var cells = new List<string?>();
        var cell = new StringBuilder();
        var row = 1;
        var quoted = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i += 2; continue; }
                    quoted = false;
                }
                else cell.Append(c);
                i++;
                continue;
            }
            if (c == '"' && cell.Length == 0) quoted = true;
            else if (c == separator) { cells.Add(cell.ToString()); cell.Clear(); }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                cells.Add(cell.ToString());
                cell.Clear();
                yield return new SheetRow(row++, [.. cells]);
                cells.Clear();
            }
            else cell.Append(c);
            i++;
        }
        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            yield return new SheetRow(row, [.. cells]);
        }
    }
}
