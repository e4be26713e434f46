using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using System.Xml;

namespace GridGov.Web.Features.Open311;

/// <summary>The two output formats of GeoReport v2, chosen by the resource's extension (/services.xml, /services.json).</summary>
public enum Open311Format { Xml, Json }

/// <summary>
/// One response tree, written as XML or as JSON. GeoReport v2 defines XML and derives JSON from it by the Spark
/// convention (https://wiki.open311.org/GeoReport_v2#JSON_Support, https://wiki.open311.org/JSON_and_XML_Conversion):
/// the root element disappears, an element holding a repeated child (services/service, values/value) becomes an
/// array, a leaf becomes a scalar. So each response is built once as nodes and written either way.
/// </summary>
public abstract record O311Node(string Name);

/// <summary>A leaf: string, bool, integer, double or null (empty element in XML, null in JSON).</summary>
public sealed record O311Leaf(string Name, object? Value) : O311Node(Name);

/// <summary>An element with named children: an object in JSON.</summary>
public sealed record O311Object(string Name, IReadOnlyList<O311Node> Fields) : O311Node(Name);

/// <summary>An element holding repeated children (each carries its own element name): an array in JSON.</summary>
public sealed record O311List(string Name, IReadOnlyList<O311Node> Items) : O311Node(Name);

/// <summary>A GeoReport v2 response (or error) in the requested format, UTF-8 with the spec's content types.</summary>
public sealed class Open311Response(int status, Open311Format format, O311Node root, TimeSpan? retryAfter = null)
    : IResult, IStatusCodeHttpResult
{
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = false,
        // Chinese stays readable; HTML-sensitive characters are still escaped, as in the rest of the API.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public int? StatusCode => status;
    public Open311Format Format => format;
    public O311Node Root => root;

    public async Task ExecuteAsync(HttpContext http)
    {
        var bytes = format == Open311Format.Json ? Json(root) : Xml(root);
        http.Response.StatusCode = status;
        // https://wiki.open311.org/GeoReport_v2#Format_Support: "text/xml; charset=utf-8", "application/json; charset=utf-8".
        http.Response.ContentType = format == Open311Format.Json ? "application/json; charset=utf-8" : "text/xml; charset=utf-8";
        http.Response.ContentLength = bytes.Length;
        if (retryAfter is { } wait) http.Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        await http.Response.Body.WriteAsync(bytes, http.RequestAborted);
    }

    public static byte[] Json(O311Node root)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, JsonOptions)) WriteJson(w, root);
        return ms.ToArray();
    }

    private static void WriteJson(Utf8JsonWriter w, O311Node node)
    {
        switch (node)
        {
            case O311List list:
                w.WriteStartArray();
                foreach (var item in list.Items) WriteJson(w, item);
                w.WriteEndArray();
                break;
            case O311Object obj:
                w.WriteStartObject();
                foreach (var f in obj.Fields)
                {
                    w.WritePropertyName(f.Name);
                    WriteJson(w, f);
                }
                w.WriteEndObject();
                break;
            case O311Leaf leaf:
                switch (leaf.Value)
                {
                    case null: w.WriteNullValue(); break;
                    case bool b: w.WriteBooleanValue(b); break;
                    case int i: w.WriteNumberValue(i); break;
                    case long l: w.WriteNumberValue(l); break;
                    case double d: w.WriteNumberValue(d); break;
                    case decimal m: w.WriteNumberValue(m); break;
                    default: w.WriteRawValue(JsonString(Clean(Convert.ToString(leaf.Value, CultureInfo.InvariantCulture)!)), skipInputValidation: true); break;
                }
                break;
        }
    }

    /// <summary>
    /// A JSON string literal that escapes what must be escaped and, like the rest of the API, the HTML-sensitive
    /// characters (&lt; &gt; &amp; ') and JavaScript's line separators, but leaves '+' alone, so a time reads
    /// "2026-05-04T10:15:30+08:00" rather than "…\u002B08:00" (the built-in encoders escape '+').
    /// </summary>
    public static string JsonString(string s)
    {
        var sb = new StringBuilder(s.Length + 2).Append('"');
        foreach (var ch in s)
        {
            switch (ch)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '<' or '>' or '&' or '\'' or '`' or '\u2028' or '\u2029':
                case < ' ':
                    sb.Append("\\u").Append(((int)ch).ToString("X4", CultureInfo.InvariantCulture));
                    break;
                default: sb.Append(ch); break;
            }
        }
        return sb.Append('"').ToString();
    }

    public static byte[] Xml(O311Node root)
    {
        using var ms = new MemoryStream();
        // "the root element must be preceded with the XML declaration including the encoding="UTF-8" attribute"
        // (https://wiki.open311.org/GeoReport_v2#Encoding); no namespace, as the spec's examples.
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = false };
        using (var w = XmlWriter.Create(ms, settings))
        {
            w.WriteStartDocument();
            WriteXml(w, root);
            w.WriteEndDocument();
        }
        return ms.ToArray();
    }

    private static void WriteXml(XmlWriter w, O311Node node)
    {
        w.WriteStartElement(node.Name);
        switch (node)
        {
            case O311List list:
                foreach (var item in list.Items) WriteXml(w, item);
                break;
            case O311Object obj:
                foreach (var f in obj.Fields) WriteXml(w, f);
                break;
            case O311Leaf { Value: not null } leaf:
                w.WriteString(leaf.Value switch
                {
                    bool b => b ? "true" : "false",
                    double d => d.ToString("R", CultureInfo.InvariantCulture),
                    _ => Clean(Convert.ToString(leaf.Value, CultureInfo.InvariantCulture)!),
                });
                break;
        }
        w.WriteEndElement();
    }

    /// <summary>Drops characters XML 1.0 cannot carry (control characters), so one odd description cannot break a list.</summary>
    private static string Clean(string s)
    {
        foreach (var ch in s)
            if (!XmlConvert.IsXmlChar(ch) && !char.IsSurrogate(ch)) return new string(s.Where(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c)).ToArray());
        return s;
    }
}

/// <summary>Builders for the spec's responses and its error list.</summary>
public static class O311
{
    public static O311Leaf Leaf(string name, object? value) => new(name, value);

    public static O311Object Obj(string name, params O311Node[] fields) => new(name, fields);

    /// <summary>
    /// Errors: an array of code and description, root errors/error, with HTTP 404 for what does not exist, 403 for a
    /// missing or wrong api_key, 400 for anything else (https://wiki.open311.org/GeoReport_v2#Errors). The code in
    /// the body is the HTTP status here.
    /// </summary>
    public static Open311Response Errors(int status, Open311Format format, params string[] descriptions) =>
        new(status, format, new O311List("errors", descriptions.Select(d => Obj("error", Leaf("code", status), Leaf("description", d))).ToList<O311Node>()));

    public static Open311Response Errors(int status, Open311Format format, IEnumerable<string> descriptions) => Errors(status, format, descriptions.ToArray());

    public static Open311Response TooMany(Open311Format format) =>
        new(429, format, new O311List("errors", [Obj("error", Leaf("code", 429), Leaf("description", "Too many requests: slow down and try again in a minute."))]),
            TimeSpan.FromSeconds(60));

    /// <summary>The extension of the resource: xml or json (case-insensitive); null for anything else.</summary>
    public static Open311Format? ParseFormat(string? extension) => extension?.ToLowerInvariant() switch
    {
        "xml" => Open311Format.Xml,
        "json" => Open311Format.Json,
        _ => null,
    };

    public static Open311Response BadFormat(string? extension) =>
        Errors(400, Open311Format.Xml, $"Unknown format '{extension}': append .xml or .json to the resource, e.g. /open311/v2/services.json.");
}
