using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace GridGov.Web.Tests.Open311;

/// <summary>
/// A small checker for GeoReport v2 responses. The JSON shapes encode, field by field, the published JSON schemas
/// of the Open311 project (repository open311/schema-validation, schema/georeport-v2/: services.json, service.json,
/// service-definition.json, requests.json, request.json, and swagger.json's RequestResponse and TokenResponse), in
/// our own words rather than copied: required fields, types, enums, null where the schema allows anyOf [T, null],
/// date-time and uri formats, description ≤ 4000. Errors follow the spec's Errors section and discovery the Service
/// Discovery page (no schema is published for either). Stricter than the schemas in one way: a field the spec does
/// not define is a problem ("do not include foreign tags", https://wiki.open311.org/GeoReport_v2#XML_Support).
/// The XML side checks the declaration, the root and element names, and that the JSON is the Spark-convention
/// mapping of the XML (https://wiki.open311.org/JSON_and_XML_Conversion).
/// </summary>
public static partial class GeoReportSchema
{
    public enum T { String, Boolean, Integer, Number, DateTime, Uri, Array, Object }

    public sealed record Field(string Name, T Type, bool Required = false, bool Nullable = true, string[]? Enum = null, int? MaxLength = null, Shape? Items = null, T? ItemType = null);

    public sealed record Shape(string Name, params Field[] Fields);

    // service.json: required service_code, service_name, metadata, type.
    public static readonly Shape Service = new("service",
        new("service_code", T.String, Required: true, Nullable: false),
        new("service_name", T.String, Required: true, Nullable: false),
        new("description", T.String),
        new("metadata", T.Boolean, Required: true, Nullable: false),
        new("type", T.String, Required: true, Nullable: false, Enum: ["realtime", "batch", "blackbox"]),
        new("keywords", T.String),
        new("group", T.String));

    // service-definition.json: required service_code, attributes; attribute requires variable, code, datatype, required; value requires key, name.
    public static readonly Shape Value = new("value",
        new("key", T.String, Required: true, Nullable: false),
        new("name", T.String, Required: true, Nullable: false));

    public static readonly Shape Attribute = new("attribute",
        new("variable", T.Boolean, Required: true, Nullable: false),
        new("code", T.String, Required: true, Nullable: false),
        new("datatype", T.String, Required: true, Nullable: false, Enum: ["string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"]),
        new("required", T.Boolean, Required: true, Nullable: false),
        new("datatype_description", T.String),
        new("order", T.Integer),
        new("description", T.String),
        new("values", T.Array, Nullable: false, Items: Value));

    public static readonly Shape ServiceDefinition = new("service_definition",
        new("service_code", T.String, Required: true, Nullable: false),
        new("attributes", T.Array, Required: true, Nullable: false, Items: Attribute));

    // request.json: required service_request_id, status, service_code, requested_datetime.
    public static readonly Shape Request = new("request",
        new("service_request_id", T.String, Required: true, Nullable: false),
        new("status", T.String, Required: true, Nullable: false, Enum: ["open", "closed"]),
        new("status_notes", T.String),
        new("service_name", T.String),
        new("service_code", T.String, Required: true, Nullable: false),
        new("description", T.String, MaxLength: 4000),
        new("agency_responsible", T.String),
        new("service_notice", T.String),
        new("requested_datetime", T.DateTime, Required: true, Nullable: false),
        new("updated_datetime", T.DateTime),
        new("expected_datetime", T.DateTime),
        new("address", T.String),
        new("address_id", T.String),
        new("zipcode", T.String),
        new("lat", T.Number),
        new("long", T.Number),
        new("media_url", T.Uri));

    // swagger.json RequestResponse (POST answer): service_request_id or token, service_notice, account_id.
    public static readonly Shape RequestResponse = new("request",
        new("service_request_id", T.String),
        new("token", T.String),
        new("service_notice", T.String),
        new("account_id", T.String));

    // swagger.json TokenResponse.
    public static readonly Shape TokenResponse = new("request",
        new("service_request_id", T.String, Required: true, Nullable: false),
        new("token", T.String, Required: true, Nullable: false));

    // The spec's Errors section: each error has a code and a description.
    public static readonly Shape Error = new("error",
        new("code", T.Integer, Required: true, Nullable: false),
        new("description", T.String, Required: true, Nullable: false));

    // Service Discovery: "All fields are required."
    public static readonly Shape Endpoint = new("endpoint",
        new("specification", T.String, Required: true, Nullable: false),
        new("url", T.Uri, Required: true, Nullable: false),
        new("changeset", T.String, Required: true, Nullable: false),
        new("type", T.String, Required: true, Nullable: false, Enum: ["production", "test"]),
        new("formats", T.Array, Required: true, Nullable: false, ItemType: T.String));

    public static readonly Shape Discovery = new("discovery",
        new("changeset", T.String, Required: true, Nullable: false),
        new("contact", T.String, Required: true, Nullable: false),
        new("key_service", T.String, Required: true, Nullable: false),
        new("endpoints", T.Array, Required: true, Nullable: false, Items: Endpoint));

    /// <summary>A JSON document: an array of <paramref name="item"/> (list resources) or one object.</summary>
    public static List<string> CheckJson(JsonElement root, Shape item, bool array)
    {
        var problems = new List<string>();
        if (array)
        {
            if (root.ValueKind != JsonValueKind.Array) problems.Add($"$: expected an array of {item.Name}, got {root.ValueKind}");
            else
            {
                var i = 0;
                foreach (var e in root.EnumerateArray()) CheckObject(e, item, $"$[{i++}]", problems);
            }
        }
        else CheckObject(root, item, "$", problems);
        return problems;
    }

    private static void CheckObject(JsonElement e, Shape shape, string path, List<string> problems)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path}: expected an object ({shape.Name}), got {e.ValueKind}");
            return;
        }
        var known = shape.Fields.ToDictionary(f => f.Name);
        foreach (var p in e.EnumerateObject())
            if (!known.ContainsKey(p.Name)) problems.Add($"{path}.{p.Name}: not a field of {shape.Name}");
        foreach (var f in shape.Fields)
        {
            if (!e.TryGetProperty(f.Name, out var v))
            {
                if (f.Required) problems.Add($"{path}.{f.Name}: required");
                continue;
            }
            CheckValue(v, f, $"{path}.{f.Name}", problems);
        }
    }

    private static void CheckValue(JsonElement v, Field f, string path, List<string> problems)
    {
        if (v.ValueKind == JsonValueKind.Null)
        {
            if (!f.Nullable) problems.Add($"{path}: may not be null");
            return;
        }
        switch (f.Type)
        {
            case T.String or T.DateTime or T.Uri:
                if (v.ValueKind != JsonValueKind.String) { problems.Add($"{path}: expected a string, got {v.ValueKind}"); return; }
                var s = v.GetString()!;
                if (f.Enum is not null && !f.Enum.Contains(s)) problems.Add($"{path}: '{s}' is not one of {string.Join(", ", f.Enum)}");
                if (f.MaxLength is { } max && s.Length > max) problems.Add($"{path}: longer than {max}");
                if (f.Type == T.DateTime && !DateTimePattern().IsMatch(s)) problems.Add($"{path}: '{s}' is not an RFC 3339 date-time with a timezone");
                if (f.Type == T.Uri && !Uri.TryCreate(s, UriKind.Absolute, out _)) problems.Add($"{path}: '{s}' is not an absolute URI");
                break;
            case T.Boolean:
                if (v.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) problems.Add($"{path}: expected a boolean, got {v.ValueKind}");
                break;
            case T.Integer:
                if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt64(out _)) problems.Add($"{path}: expected an integer, got {v.GetRawText()}");
                break;
            case T.Number:
                if (v.ValueKind != JsonValueKind.Number) problems.Add($"{path}: expected a number, got {v.ValueKind}");
                break;
            case T.Array:
                if (v.ValueKind != JsonValueKind.Array) { problems.Add($"{path}: expected an array, got {v.ValueKind}"); return; }
                var i = 0;
                foreach (var item in v.EnumerateArray())
                {
                    if (f.Items is not null) CheckObject(item, f.Items, $"{path}[{i}]", problems);
                    else if (f.ItemType is { } t) CheckValue(item, new Field("item", t, Nullable: false), $"{path}[{i}]", problems);
                    i++;
                }
                break;
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    public static partial Regex DateTimePattern();

    /// <summary>Elements that hold repeated children (arrays in JSON), with the name of their child.</summary>
    public static readonly Dictionary<string, string> Lists = new()
    {
        ["services"] = "service", ["service_requests"] = "request", ["errors"] = "error", ["attributes"] = "attribute",
        ["values"] = "value", ["endpoints"] = "endpoint", ["formats"] = "format",
    };

    /// <summary>XML checks: declaration with UTF-8, the expected root, list children named as the spec names them.</summary>
    public static List<string> CheckXml(string text, string root)
    {
        var problems = new List<string>();
        if (!XmlDeclaration().IsMatch(text)) problems.Add("no <?xml version=\"1.0\" encoding=\"utf-8\"?> declaration first");
        XDocument doc;
        try
        {
            doc = XDocument.Parse(text);
        }
        catch (System.Xml.XmlException e)
        {
            problems.Add("not well-formed XML: " + e.Message);
            return problems;
        }
        if (doc.Root!.Name.LocalName != root) problems.Add($"root is <{doc.Root.Name.LocalName}>, expected <{root}>");
        if (doc.Root.Name.NamespaceName.Length > 0) problems.Add("the spec's XML has no namespace");
        foreach (var e in doc.Descendants())
            if (Lists.TryGetValue(e.Name.LocalName, out var child))
                foreach (var c in e.Elements().Where(c => c.Name.LocalName != child))
                    problems.Add($"<{e.Name.LocalName}> holds <{c.Name.LocalName}>, expected only <{child}>");
        return problems;
    }

    [GeneratedRegex(@"^<\?xml version=""1\.0"" encoding=""utf-8""\?>", RegexOptions.IgnoreCase)]
    private static partial Regex XmlDeclaration();

    /// <summary>The Spark-convention JSON of an XML document, as plain .NET values (list/dictionary/string/null).</summary>
    public static object? Spark(XElement e, bool isRoot = true)
    {
        if (Lists.ContainsKey(e.Name.LocalName)) return e.Elements().Select(c => Spark(c, false)).ToList();
        if (e.HasElements) return e.Elements().ToDictionary(c => c.Name.LocalName, c => Spark(c, false));
        return e.Value.Length == 0 ? null : e.Value;
    }

    /// <summary>The same values from JSON, scalars as their text, to compare with <see cref="Spark"/>.</summary>
    public static object? Plain(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Array => e.EnumerateArray().Select(Plain).ToList(),
        JsonValueKind.Object => e.EnumerateObject().ToDictionary(p => p.Name, p => Plain(p.Value)),
        JsonValueKind.Null => null,
        JsonValueKind.String => e.GetString()!.Length == 0 ? null : e.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => e.GetRawText(),
    };

    /// <summary>Differences between the XML (by Spark) and the JSON of the same resource.</summary>
    public static List<string> SameData(object? xml, object? json, string path = "$")
    {
        var problems = new List<string>();
        switch (xml, json)
        {
            case (null, null):
                break;
            case (List<object?> a, List<object?> b):
                if (a.Count != b.Count) problems.Add($"{path}: {a.Count} items in XML, {b.Count} in JSON");
                for (var i = 0; i < Math.Min(a.Count, b.Count); i++) problems.AddRange(SameData(a[i], b[i], $"{path}[{i}]"));
                break;
            case (Dictionary<string, object?> a, Dictionary<string, object?> b):
                foreach (var k in a.Keys.Union(b.Keys))
                {
                    if (!a.ContainsKey(k) || !b.ContainsKey(k)) problems.Add($"{path}.{k}: only in {(a.ContainsKey(k) ? "XML" : "JSON")}");
                    else problems.AddRange(SameData(a[k], b[k], $"{path}.{k}"));
                }
                break;
            case (string a, string b):
                var same = a == b || (double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
                                      && double.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var y) && x == y);
                if (!same) problems.Add($"{path}: XML '{a}' vs JSON '{b}'");
                break;
            // An element with no children is an empty list in XML terms only when it is a list element.
            case (List<object?> { Count: 0 }, null) or (null, List<object?> { Count: 0 }):
                break;
            default:
                problems.Add($"{path}: XML {xml?.GetType().Name ?? "null"} vs JSON {json?.GetType().Name ?? "null"}");
                break;
        }
        return problems;
    }
}
