using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using GridGov.Web.Hosting;

namespace GridGov.Web.Features.Open311;

/// <summary>One option of a singlevaluelist or multivaluelist attribute.</summary>
public sealed record AttributeValue(string Key, string Name);

/// <summary>
/// One attribute of a service definition (https://wiki.open311.org/GeoReport_v2#GET_Service_Definition): the spec's
/// fields, plus Label (a short Chinese name for the case text) and the bounds we enforce (never sent to clients).
/// </summary>
public sealed record AttributeDefinition(
    string Code, bool Variable, string Datatype, bool Required, string? DatatypeDescription, int Order, string? Description,
    IReadOnlyList<AttributeValue> Values, string? Label, decimal? Min, decimal? Max, bool Integer, int? MaxLength)
{
    public static readonly string[] Datatypes = ["string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"];

    public bool IsList => Datatype is "singlevaluelist" or "multivaluelist";
}

public sealed record ServiceExtras(string? Description, IReadOnlyList<string> Keywords, IReadOnlyList<AttributeDefinition> Attributes);

/// <summary>
/// The Open311 extras of our public categories, from data/categories/open311-services.json: descriptions, keywords
/// and service-definition attributes. Loaded once and checked at start-up; a broken file stops the app.
/// </summary>
public sealed partial class ServiceCatalog
{
    public const string FileName = "open311-services.json";

    private readonly IReadOnlyDictionary<string, ServiceExtras> _services;

    public ServiceCatalog(IReadOnlyDictionary<string, ServiceExtras> services) => _services = services;

    public ServiceExtras For(string serviceCode) =>
        _services.TryGetValue(serviceCode, out var s) ? s : new ServiceExtras(null, [], []);

    /// <summary>The file's time, so the discovery changeset moves when definitions change.</summary>
    public DateTime ChangedAt { get; init; }

    public static ServiceCatalog Load(GridGovOptions options, ILogger log)
    {
        var path = Path.Combine(DataPaths.Folder(options, "categories"), FileName);
        if (!File.Exists(path))
        {
            log.LogWarning("{Path} not found: Open311 services have no attributes", path);
            return new ServiceCatalog(new Dictionary<string, ServiceExtras>());
        }
        return Parse(File.ReadAllText(path)).With(File.GetLastWriteTimeUtc(path));
    }

    private ServiceCatalog With(DateTime changedAt) => new(_services) { ChangedAt = changedAt };

    [GeneratedRegex("^[A-Za-z0-9_]{1,40}$")]
    private static partial Regex CodePattern();

    /// <summary>Reads and checks the file; throws with every problem named.</summary>
    public static ServiceCatalog Parse(string json)
    {
        var file = JsonSerializer.Deserialize<FileShape>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip })
                   ?? throw new InvalidOperationException($"{FileName}: empty");
        var problems = new List<string>();
        var services = new Dictionary<string, ServiceExtras>();
        foreach (var (code, s) in file.Services ?? [])
        {
            if (code.Length != 4 || !code.All(char.IsAsciiDigit)) problems.Add($"{code}: a service code is a 4-digit minor category");
            var attributes = new List<AttributeDefinition>();
            foreach (var a in s.Attributes ?? [])
            {
                var where = $"{code}/{a.Code}";
                if (a.Code is null || !CodePattern().IsMatch(a.Code)) problems.Add($"{where}: code must be 1–40 letters, digits or _");
                if (!AttributeDefinition.Datatypes.Contains(a.Datatype)) problems.Add($"{where}: datatype must be one of {string.Join(", ", AttributeDefinition.Datatypes)}");
                var values = (a.Values ?? []).Select(v => new AttributeValue(v.Key ?? "", v.Name ?? "")).ToList();
                var isList = a.Datatype is "singlevaluelist" or "multivaluelist";
                if (isList && values.Count == 0) problems.Add($"{where}: a list needs values");
                if (!isList && values.Count > 0) problems.Add($"{where}: only lists have values");
                if (values.Any(v => v.Key.Length == 0 || v.Name.Length == 0)) problems.Add($"{where}: every value needs a key and a name");
                if (values.Select(v => v.Key).Distinct().Count() != values.Count) problems.Add($"{where}: value keys must be unique");
                if (a.Order is not > 0) problems.Add($"{where}: order must be a positive integer");
                attributes.Add(new AttributeDefinition(a.Code ?? "", a.Variable ?? true, a.Datatype ?? "", a.Required ?? false,
                    a.DatatypeDescription, a.Order ?? 0, a.Description, values, a.Label, a.Min, a.Max, a.Integer ?? false, a.MaxLength));
            }
            if (attributes.Select(a => a.Code).Distinct().Count() != attributes.Count) problems.Add($"{code}: attribute codes must be unique");
            // "Any positive integer not used for other attributes in the same service_code" (the spec on order).
            if (attributes.Select(a => a.Order).Distinct().Count() != attributes.Count) problems.Add($"{code}: attribute orders must be unique");
            services[code] = new ServiceExtras(s.Description, s.Keywords ?? [], attributes.OrderBy(a => a.Order).ToList());
        }
        if (problems.Count > 0) throw new InvalidOperationException($"{FileName}: {string.Join("; ", problems)}");
        return new ServiceCatalog(services);
    }

    private sealed class FileShape
    {
        public Dictionary<string, ServiceShape>? Services { get; set; }
    }

    private sealed class ServiceShape
    {
        public string? Description { get; set; }
        public List<string>? Keywords { get; set; }
        public List<AttributeShape>? Attributes { get; set; }
    }

    private sealed class AttributeShape
    {
        public string? Code { get; set; }
        public bool? Variable { get; set; }
        public string? Datatype { get; set; }
        public bool? Required { get; set; }
        [JsonPropertyName("datatype_description")] public string? DatatypeDescription { get; set; }
        public int? Order { get; set; }
        public string? Description { get; set; }
        public string? Label { get; set; }
        public decimal? Min { get; set; }
        public decimal? Max { get; set; }
        public bool? Integer { get; set; }
        public int? MaxLength { get; set; }
        public List<ValueShape>? Values { get; set; }
    }

    private sealed class ValueShape
    {
        public string? Key { get; set; }
        public string? Name { get; set; }
    }
}
