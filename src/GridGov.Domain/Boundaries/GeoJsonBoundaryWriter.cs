using System.Text.Json;
using GridGov.Domain.Areas;
using NetTopologySuite.Geometries;

namespace GridGov.Domain.Boundaries;

/// <summary>Streams areas as a GeoJSON FeatureCollection with the same properties the reader accepts.</summary>
public static class GeoJsonBoundaryWriter
{
    public static void WriteStart(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteStartArray("features");
    }

    public static void WriteEnd(Utf8JsonWriter w)
    {
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteFeature(Utf8JsonWriter w, AreaDraft area)
    {
        if (area.Boundary is null) return;
        w.WriteStartObject();
        w.WriteString("type", "Feature");
        w.WriteStartObject("properties");
        w.WriteString("code", area.Code);
        w.WriteString("name", area.Name);
        w.WriteString("kind", area.Kind.ToWire());
        if (area.ParentCode is null) w.WriteNull("parent"); else w.WriteString("parent", area.ParentCode);
        w.WriteBoolean("synthetic", area.Synthetic);
        if (area.DedicatedType is not null) w.WriteString("dedicated_type", area.DedicatedType);
        w.WriteEndObject();
        w.WritePropertyName("geometry");
        WriteGeometry(w, area.Boundary);
        w.WriteEndObject();
    }

    public static void WriteGeometry(Utf8JsonWriter w, Geometry g)
    {
        w.WriteStartObject();
        switch (g)
        {
            case Polygon p:
                w.WriteString("type", "Polygon");
                w.WritePropertyName("coordinates");
                WritePolygon(w, p);
                break;
            case MultiPolygon mp:
                w.WriteString("type", "MultiPolygon");
                w.WriteStartArray("coordinates");
                for (var i = 0; i < mp.NumGeometries; i++) WritePolygon(w, (Polygon)mp.GetGeometryN(i));
                w.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"boundaries are polygons, not {g.GeometryType}", nameof(g));
        }
        w.WriteEndObject();
    }

    private static void WritePolygon(Utf8JsonWriter w, Polygon p)
    {
        w.WriteStartArray();
        WriteRing(w, p.Shell);
        foreach (var hole in p.Holes) WriteRing(w, hole);
        w.WriteEndArray();
    }

    private static void WriteRing(Utf8JsonWriter w, LineString ring)
    {
        w.WriteStartArray();
        foreach (var c in ring.Coordinates)
        {
            w.WriteStartArray();
            // Full double precision: a rounded copy would no longer tile exactly on re-import.
            w.WriteNumberValue(c.X);
            w.WriteNumberValue(c.Y);
            w.WriteEndArray();
        }
        w.WriteEndArray();
    }
}
