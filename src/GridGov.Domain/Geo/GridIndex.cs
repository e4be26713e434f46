using GridGov.Domain.Areas;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace GridGov.Domain.Geo;

/// <summary>One area's boundary as handed to the index.</summary>
public sealed record IndexedArea(string Code, AreaKind Kind, Geometry Boundary);

/// <summary>
/// In-memory routing index: STR-trees of prepared polygons for micro-grids, general grids, dedicated grids and
/// communities. Immutable once built, so readers need no locks; a rebuild makes a new instance that is swapped in.
/// </summary>
public sealed class GridIndex
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    private readonly STRtree<Entry> _micro = new();
    private readonly STRtree<Entry> _general = new();
    private readonly STRtree<Entry> _dedicated = new();
    private readonly STRtree<Entry> _community = new();

    public string CityCode { get; }
    public double FallbackDistanceMeters { get; }
    public int Count { get; }
    public DateTimeOffset BuiltAt { get; } = DateTimeOffset.UtcNow;

    private sealed record Entry(string Code, IPreparedGeometry Prepared, Geometry Geometry);

    public GridIndex(string cityCode, IEnumerable<IndexedArea> areas, double fallbackDistanceMeters = 2000)
    {
        CityCode = cityCode;
        FallbackDistanceMeters = fallbackDistanceMeters;
        var count = 0;
        foreach (var area in areas)
        {
            var tree = area.Kind switch
            {
                AreaKind.MicroGrid => _micro,
                AreaKind.GeneralGrid => _general,
                AreaKind.DedicatedGrid => _dedicated,
                AreaKind.Community => _community,
                _ => null,
            };
            if (tree is null || area.Boundary.IsEmpty) continue;
            tree.Insert(area.Boundary.EnvelopeInternal,
                new Entry(area.Code, PreparedGeometryFactory.Prepare(area.Boundary), area.Boundary));
            count++;
        }
        // Build now rather than on the first query, so the first request does not pay for it.
        _micro.Build(); _general.Build(); _dedicated.Build(); _community.Build();
        Count = count;
    }

    public static GridIndex Empty(string cityCode) => new(cityCode, []);

    public LocateResult Locate(double lon, double lat)
    {
        var point = Factory.CreatePoint(new Coordinate(lon, lat));
        var env = point.EnvelopeInternal;

        var dedicated = new List<string>(0);
        foreach (var e in _dedicated.Query(env))
            if (e.Prepared.Covers(point)) dedicated.Add(e.Code);
        if (dedicated.Count > 1) dedicated.Sort(StringComparer.Ordinal);

        var micro = FirstCovering(_micro, point);
        if (micro is not null) return FromCode(LocateMatch.MicroGrid, micro, dedicated, null);
        var general = FirstCovering(_general, point);
        if (general is not null) return FromCode(LocateMatch.GeneralGrid, general, dedicated, null);
        var community = FirstCovering(_community, point);
        if (community is not null) return FromCode(LocateMatch.Community, community, dedicated, null);

        var (nearest, distance) = NearestCommunity(lon, lat);
        return nearest is null
            ? new LocateResult(LocateMatch.Unassigned, null, null, null, null, null, CityCode, dedicated, distance)
            : FromCode(LocateMatch.NearestCommunity, nearest, dedicated, distance);
    }

    private static string? FirstCovering(STRtree<Entry> tree, Point point)
    {
        string? best = null;
        foreach (var e in tree.Query(point.EnvelopeInternal))
        {
            // Covers, not Contains: a point on a shared edge still routes; ties go to the lowest code.
            if (e.Prepared.Covers(point) && (best is null || string.CompareOrdinal(e.Code, best) < 0)) best = e.Code;
        }
        return best;
    }

    private (string? Code, double? Meters) NearestCommunity(double lon, double lat)
    {
        var radius = FallbackDistanceMeters;
        var search = new Envelope(
            lon - GeoMath.MetersToLonDegrees(radius, lat), lon + GeoMath.MetersToLonDegrees(radius, lat),
            lat - GeoMath.MetersToLatDegrees(radius), lat + GeoMath.MetersToLatDegrees(radius));
        var point = Factory.CreatePoint(new Coordinate(lon, lat));
        string? best = null;
        double bestMeters = double.MaxValue;
        foreach (var e in _community.Query(search))
        {
            var nearest = NetTopologySuite.Operation.Distance.DistanceOp.NearestPoints(e.Geometry, point)[0];
            var meters = GeoMath.HaversineMeters(lon, lat, nearest.X, nearest.Y);
            if (meters < bestMeters || (meters == bestMeters && string.CompareOrdinal(e.Code, best) < 0))
            {
                best = e.Code;
                bestMeters = meters;
            }
        }
        return best is not null && bestMeters <= radius ? (best, bestMeters) : (null, null);
    }

    private LocateResult FromCode(LocateMatch match, string code, IReadOnlyList<string> dedicated, double? distance) =>
        new(match,
            code.Length == AreaCode.MicroGridLength ? code : null,
            AreaCode.Truncate(code, AreaCode.GridLength),
            AreaCode.Truncate(code, AreaCode.CommunityLength),
            AreaCode.Truncate(code, AreaCode.StreetLength),
            AreaCode.Truncate(code, AreaCode.DistrictLength),
            CityCode,
            dedicated,
            distance);
}
