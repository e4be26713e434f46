using System.Text.Json;

namespace GridGov.Domain.Geo;

/// <summary>
/// Decodes ECharts map JSON: a GeoJSON FeatureCollection that, when <c>"UTF8Encoding": true</c>, stores each ring
/// as a string plus an <c>encodeOffsets</c> pair. Mirrors ECharts' own <c>decode</c>/<c>decodePolygon</c>
/// (apache/echarts src/coord/geo/parseGeoJson.ts): two characters per position; each char code minus 64 is a
/// ZigZag-coded delta, <c>(v &gt;&gt; 1) ^ -(v &amp; 1)</c>, from the previous position (the first from the offsets);
/// the running sums are in 1/<c>UTF8Scale</c> degree (1024 when absent). Uncompressed GeoJSON coordinates are read
/// as they are. Like ECharts, a feature whose geometry is null (mapshaper writes those) is skipped; anything else
/// malformed is a FormatException naming the feature.
/// </summary>
public static class EChartsGeoDecoder
{
    private const int DefaultScale = 1024;

    /// <param name="json">The FeatureCollection (see <see cref="EChartsMapScript.Extract"/> for a .js map file).</param>
    /// <param name="cellCentres">
    /// ECharts' encoder quantizes with <c>Math.ceil(value * 1024)</c> (src/util/mapData/rawData/encode.js), so a
    /// decoded value is the top edge of a cell that held the true one: on average half a cell (≈ 0.0005°, ≈ 50 m)
    /// too far north and east. True returns the cell's centre instead; false returns exactly what ECharts draws.
    /// </param>
    public static IReadOnlyList<EChartsFeature> Decode(string json, bool cellCentres = false)
    {
        using var doc = Parse(json);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("features", out var features)
            || features.ValueKind != JsonValueKind.Array)
            throw new FormatException("not a FeatureCollection: no \"features\" array");
        var encoded = root.TryGetProperty("UTF8Encoding", out var flag) && flag.ValueKind == JsonValueKind.True;
        var scale = root.TryGetProperty("UTF8Scale", out var s) && s.ValueKind == JsonValueKind.Number
            ? s.GetDouble() : DefaultScale;
        var shift = encoded && cellCentres ? 0.5 : 0.0;

        var result = new List<EChartsFeature>();
        var index = 0;
        foreach (var f in features.EnumerateArray())
        {
            try
            {
                if (ReadFeature(f, encoded, scale, shift) is { } feature) result.Add(feature);
            }
            catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException
                                          or IndexOutOfRangeException or FormatException)
            {
                throw new FormatException($"feature {index}: {e.Message}", e);
            }
            index++;
        }
        return result;
    }

    private static JsonDocument Parse(string json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"not valid JSON: {e.Message}", e);
        }
    }

    private static EChartsFeature? ReadFeature(JsonElement f, bool encoded, double scale, double shift)
    {
        var geometry = f.GetProperty("geometry");
        if (geometry.ValueKind == JsonValueKind.Null) return null;
        var properties = f.GetProperty("properties");
        var name = properties.GetProperty("name").GetString() ?? throw new FormatException("no name");
        var id = f.TryGetProperty("id", out var idValue) ? Text(idValue)
            : properties.TryGetProperty("adcode", out var adcode) ? Text(adcode) : null;

        var type = geometry.GetProperty("type").GetString();
        var coordinates = geometry.GetProperty("coordinates");
        geometry.TryGetProperty("encodeOffsets", out var offsets);
        var polygons = new List<IReadOnlyList<LonLat[]>>();
        switch (type)
        {
            case "Polygon":
                polygons.Add(ReadPolygon(coordinates, offsets, encoded, scale, shift));
                break;
            case "MultiPolygon":
                var c = 0;
                foreach (var polygon in coordinates.EnumerateArray())
                    polygons.Add(ReadPolygon(polygon, encoded ? offsets[c++] : default, encoded, scale, shift));
                break;
            default:
                throw new FormatException($"{name}: geometry type {type} is not Polygon or MultiPolygon");
        }
        return new EChartsFeature(name, id, polygons);
    }

    private static List<LonLat[]> ReadPolygon(JsonElement rings, JsonElement offsets, bool encoded, double scale, double shift)
    {
        var result = new List<LonLat[]>();
        foreach (var ring in rings.EnumerateArray())
        {
            var points = encoded ? DecodeRing(ring.GetString() ?? "", offsets[result.Count], scale, shift) : PlainRing(ring);
            if (points.Length < 4 || points[0] != points[^1])
                throw new FormatException($"ring {result.Count} is not closed or has fewer than 4 positions");
            result.Add(points);
        }
        if (result.Count == 0) throw new FormatException("a polygon without rings");
        return result;
    }

    /// <summary>ECharts' decodePolygon: delta + ZigZag per character pair, in 1/scale degree.</summary>
    private static LonLat[] DecodeRing(string text, JsonElement offset, double scale, double shift)
    {
        if (text.Length % 2 != 0) throw new FormatException("an encoded ring has an odd number of characters");
        long x = offset[0].GetInt64(), y = offset[1].GetInt64();
        var points = new LonLat[text.Length / 2];
        for (var i = 0; i < text.Length; i += 2)
        {
            x += ZigZag(text[i] - 64);
            y += ZigZag(text[i + 1] - 64);
            points[i / 2] = new LonLat((x - shift) / scale, (y - shift) / scale);
        }
        return points;
    }

    private static int ZigZag(int v) => (v >> 1) ^ -(v & 1);

    private static LonLat[] PlainRing(JsonElement ring) =>
        ring.EnumerateArray().Select(p => new LonLat(p[0].GetDouble(), p[1].GetDouble())).ToArray();

    private static string? Text(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.GetRawText(),
        _ => null,
    };
}
