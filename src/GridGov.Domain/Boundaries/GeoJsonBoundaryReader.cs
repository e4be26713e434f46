using System.Text.Json;
using GridGov.Domain.Areas;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace GridGov.Domain.Boundaries;

/// <summary>
/// Reads a GeoJSON FeatureCollection of boundaries (properties: code, name, kind, parent). Written by hand rather
/// than with a GeoJSON library so that every problem (an open ring, a bad number, a self-intersection) is reported
/// with the feature's index and a reason instead of stopping at the first exception.
/// </summary>
public static class GeoJsonBoundaryReader
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    public static (List<BoundaryFeature> Features, List<BoundaryProblem> Problems) Read(ReadOnlyMemory<byte> json)
    {
        var features = new List<BoundaryFeature>();
        var problems = new List<BoundaryProblem>();
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            problems.Add(new BoundaryProblem(null, null, $"not valid JSON: {e.Message}"));
            return (features, problems);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Str(root, "type") != "FeatureCollection")
            {
                problems.Add(new BoundaryProblem(null, null, "the document must be a GeoJSON object with \"type\": \"FeatureCollection\""));
                return (features, problems);
            }
            if (!root.TryGetProperty("features", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                problems.Add(new BoundaryProblem(null, null, "\"features\" must be an array"));
                return (features, problems);
            }
            var index = 0;
            foreach (var f in list.EnumerateArray())
            {
                var before = problems.Count;
                var feature = ReadFeature(index, f, problems);
                if (feature is not null && problems.Count == before) features.Add(feature);
                index++;
            }
            if (index == 0) problems.Add(new BoundaryProblem(null, null, "the FeatureCollection has no features"));
        }
        return (features, problems);
    }

    private static BoundaryFeature? ReadFeature(int index, JsonElement f, List<BoundaryProblem> problems)
    {
        void Add(string? code, string reason) => problems.Add(new BoundaryProblem(index, code, reason));
        if (f.ValueKind != JsonValueKind.Object || Str(f, "type") != "Feature")
        {
            Add(null, "each element of \"features\" must be an object with \"type\": \"Feature\"");
            return null;
        }
        if (!f.TryGetProperty("properties", out var props) || props.ValueKind != JsonValueKind.Object)
        {
            Add(null, "\"properties\" with code, name, kind and parent is required");
            return null;
        }
        var code = Str(props, "code");
        var name = Str(props, "name");
        var kindText = Str(props, "kind");
        var parent = Str(props, "parent");
        if (string.IsNullOrWhiteSpace(code)) Add(null, "properties.code is required");
        if (string.IsNullOrWhiteSpace(name)) Add(code, "properties.name is required");
        else if (name.Length > 100) Add(code, "properties.name is longer than 100 characters");
        AreaKind kind = default;
        if (!AreaKinds.TryParseWire(kindText, out kind))
            Add(code, $"properties.kind '{kindText}' is not one of district, street, community, grid, micro, dedicated");
        else if (kind == AreaKind.City)
            Add(code, "the city outline is not imported as a boundary feature");
        else if (code is not null)
        {
            var codeProblem = AreaCode.Problem(code, kind, string.IsNullOrEmpty(parent) ? null : parent);
            if (codeProblem is not null) Add(code, codeProblem);
            else if (string.IsNullOrEmpty(parent)) Add(code, $"properties.parent is required (expected '{AreaCode.ParentOf(code)}')");
        }
        var geometry = f.TryGetProperty("geometry", out var g) ? ReadGeometry(g, out var geomProblem) : null;
        if (geometry is null) Add(code, geomProblemOrMissing(g));
        else
        {
            var validity = new IsValidOp(geometry).ValidationError;
            if (validity is not null)
                Add(code, $"invalid polygon: {validity.Message} at ({validity.Coordinate?.X:0.######}, {validity.Coordinate?.Y:0.######})");
        }
        string geomProblemOrMissing(JsonElement el) =>
            el.ValueKind == JsonValueKind.Undefined ? "geometry is required" : ReadGeometryProblem(el);

        if (code is null || name is null || geometry is null) return null;
        var synthetic = props.TryGetProperty("synthetic", out var s) && s.ValueKind == JsonValueKind.True;
        return new BoundaryFeature(index, code, name.Trim(), kind, parent, geometry, synthetic, Str(props, "dedicated_type"));
    }

    private static string ReadGeometryProblem(JsonElement g)
    {
        ReadGeometry(g, out var problem);
        return problem ?? "geometry is invalid";
    }

    private static Geometry? ReadGeometry(JsonElement g, out string? problem)
    {
        problem = null;
        if (g.ValueKind != JsonValueKind.Object) { problem = "geometry must be a Polygon or MultiPolygon object"; return null; }
        var type = Str(g, "type");
        if (!g.TryGetProperty("coordinates", out var coords) || coords.ValueKind != JsonValueKind.Array)
        {
            problem = "geometry.coordinates must be an array";
            return null;
        }
        switch (type)
        {
            case "Polygon":
                return ReadPolygon(coords, "", out problem);
            case "MultiPolygon":
                var polygons = new List<Polygon>();
                var i = 0;
                foreach (var p in coords.EnumerateArray())
                {
                    var poly = ReadPolygon(p, $"polygon {i}, ", out problem);
                    if (poly is null) return null;
                    polygons.Add(poly);
                    i++;
                }
                if (polygons.Count == 0) { problem = "MultiPolygon has no polygons"; return null; }
                return Factory.CreateMultiPolygon(polygons.ToArray());
            default:
                problem = $"geometry type '{type}' is not supported: use Polygon or MultiPolygon";
                return null;
        }
    }

    private static Polygon? ReadPolygon(JsonElement rings, string where, out string? problem)
    {
        problem = null;
        if (rings.ValueKind != JsonValueKind.Array || rings.GetArrayLength() == 0)
        {
            problem = $"{where}a polygon needs at least one ring";
            return null;
        }
        var built = new List<LinearRing>();
        var r = 0;
        foreach (var ring in rings.EnumerateArray())
        {
            var label = $"{where}ring {r}";
            if (ring.ValueKind != JsonValueKind.Array) { problem = $"{label} must be an array of positions"; return null; }
            var pts = new List<Coordinate>(ring.GetArrayLength());
            var k = 0;
            foreach (var pos in ring.EnumerateArray())
            {
                if (pos.ValueKind != JsonValueKind.Array || pos.GetArrayLength() < 2
                    || pos[0].ValueKind != JsonValueKind.Number || pos[1].ValueKind != JsonValueKind.Number)
                {
                    problem = $"{label} position {k} must be [longitude, latitude]";
                    return null;
                }
                var lon = pos[0].GetDouble();
                var lat = pos[1].GetDouble();
                if (lon is < -180 or > 180 || lat is < -90 or > 90)
                {
                    problem = $"{label} position {k} ({lon}, {lat}) is out of range for WGS-84 longitude/latitude";
                    return null;
                }
                pts.Add(new Coordinate(lon, lat));
                k++;
            }
            if (pts.Count < 4) { problem = $"{label} has {pts.Count} positions; a closed ring needs at least 4"; return null; }
            if (!pts[0].Equals2D(pts[^1]))
            {
                problem = $"{label} is not closed: the first position ({pts[0].X}, {pts[0].Y}) must equal the last ({pts[^1].X}, {pts[^1].Y})";
                return null;
            }
            built.Add(Factory.CreateLinearRing(pts.ToArray()));
            r++;
        }
        return Factory.CreatePolygon(built[0], built.Skip(1).ToArray());
    }

    private static string? Str(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
