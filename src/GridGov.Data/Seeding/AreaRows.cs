using GridGov.Data.Entities;
using GridGov.Domain.Areas;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace GridGov.Data.Seeding;

/// <summary>Converts between domain drafts and stored rows (boundary as WKB plus its bounding box).</summary>
public static class AreaRows
{
    private static readonly WKBReader Reader = new();

    public static Area ToRow(AreaDraft d, DateTime now)
    {
        var env = d.Boundary?.EnvelopeInternal;
        return new Area
        {
            Code = d.Code,
            Kind = d.Kind,
            Name = d.Name,
            ParentCode = d.ParentCode,
            DistrictCode = AreaCode.DistrictOf(d.Code),
            Boundary = d.Boundary is null ? null : new WKBWriter().Write(d.Boundary),
            MinLon = env?.MinX, MinLat = env?.MinY, MaxLon = env?.MaxX, MaxLat = env?.MaxY,
            Synthetic = d.Synthetic,
            DedicatedType = d.DedicatedType,
            UpdatedAt = now,
        };
    }

    public static Geometry? Shape(byte[]? wkb)
    {
        if (wkb is null) return null;
        var g = Reader.Read(wkb);
        g.SRID = 4326;
        return g;
    }

    public static AreaDraft ToDraft(Area a) =>
        new(a.Code, a.Kind, a.Name, a.ParentCode, Shape(a.Boundary), a.Synthetic, a.DedicatedType);
}
