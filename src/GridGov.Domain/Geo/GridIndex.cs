using GridGov.Domain.Areas;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace GridGov.Domain.Geo;

/// <summary>One area's boundary as handed to the index.</summary>
public sealed record IndexedArea(string Code, AreaKind Kind, Geometry Boundary);

/// <summary>
/// In-memory routing index. Containment uses bucket grids of flattened polygons (micro-grids, general grids,
/// dedicated grids, communities); the nearest-community fallback uses an STR-tree of the community polygons.
/// Immutable once built, so readers need no locks; a rebuild makes a new instance that is swapped in.
/// </summary>
public sealed class GridIndex
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);
    private static readonly IReadOnlyList<string> NoDedicated = [];

    private readonly BucketGrid<string> _micro;
    private readonly BucketGrid<string> _general;
    private readonly BucketGrid<string> _dedicated;
    private readonly BucketGrid<string> _community;
    private readonly STRtree<(string Code, Geometry Shape)> _communityTree = new();

    public string CityCode { get; }
    public double FallbackDistanceMeters { get; }
    public int Count { get; }

    /// <summary>The bounding box of every indexed area (null when empty): what "inside the city" means for a sanity check.</summary>
    public Envelope? Extent { get; }
    public DateTimeOffset BuiltAt { get; } = DateTimeOffset.UtcNow;

    public GridIndex(string cityCode, IEnumerable<IndexedArea> areas, double fallbackDistanceMeters = 2000)
    {
        CityCode = cityCode;
        FallbackDistanceMeters = fallbackDistanceMeters;
        var extent = new Envelope();
        var byKind = new Dictionary<AreaKind, List<(string, PolygonRings)>>
        {
            [AreaKind.MicroGrid] = [], [AreaKind.GeneralGrid] = [], [AreaKind.DedicatedGrid] = [], [AreaKind.Community] = [],
        };
        foreach (var area in areas)
        {
            if (area.Boundary.IsEmpty || !byKind.TryGetValue(area.Kind, out var list)) continue;
            list.Add((area.Code, new PolygonRings(area.Boundary)));
            extent.ExpandToInclude(area.Boundary.EnvelopeInternal);
            if (area.Kind == AreaKind.Community) _communityTree.Insert(area.Boundary.EnvelopeInternal, (area.Code, area.Boundary));
        }
        _micro = new BucketGrid<string>(byKind[AreaKind.MicroGrid]);
        _general = new BucketGrid<string>(byKind[AreaKind.GeneralGrid]);
        _dedicated = new BucketGrid<string>(byKind[AreaKind.DedicatedGrid]);
        _community = new BucketGrid<string>(byKind[AreaKind.Community]);
        _communityTree.Build();
        Count = byKind.Values.Sum(l => l.Count);
        Extent = extent.IsNull ? null : extent;
    }

    /// <summary>
    /// How far (metres, great-circle) the point lies outside the city's bounding box: 0 inside it or when the index is
    /// empty. A report hundreds of kilometres away is a mistake (swapped or wrong coordinates), not a case of ours.
    /// </summary>
    public double MetersOutside(double lon, double lat)
    {
        if (Extent is not { } e) return 0;
        var nearLon = Math.Clamp(lon, e.MinX, e.MaxX);
        var nearLat = Math.Clamp(lat, e.MinY, e.MaxY);
        return nearLon == lon && nearLat == lat ? 0 : GeoMath.HaversineMeters(lon, lat, nearLon, nearLat);
    }

    public static GridIndex Empty(string cityCode) => new(cityCode, []);

    public LocateResult Locate(double lon, double lat)
    {
        var dedicated = Dedicated(lon, lat);
        // Ties (a point on an edge counted by two overlapping imports) go to the lowest code, deterministically.
        var micro = _micro.First(lon, lat, StringComparer.Ordinal);
        if (micro is not null) return FromCode(LocateMatch.MicroGrid, micro, dedicated, null);
        var general = _general.First(lon, lat, StringComparer.Ordinal);
        if (general is not null) return FromCode(LocateMatch.GeneralGrid, general, dedicated, null);
        var community = _community.First(lon, lat, StringComparer.Ordinal);
        if (community is not null) return FromCode(LocateMatch.Community, community, dedicated, null);

        var (nearest, distance) = NearestCommunity(lon, lat);
        return nearest is null
            ? new LocateResult(LocateMatch.Unassigned, null, null, null, null, null, CityCode, dedicated, distance)
            : FromCode(LocateMatch.NearestCommunity, nearest, dedicated, distance);
    }

    private IReadOnlyList<string> Dedicated(double lon, double lat)
    {
        List<string>? found = null;
        _dedicated.Containing(lon, lat, ref found, static (string code, ref List<string>? acc) => (acc ??= []).Add(code));
        if (found is null) return NoDedicated;
        found.Sort(StringComparer.Ordinal);
        return found;
    }

    private (string? Code, double? Meters) NearestCommunity(double lon, double lat)
    {
        var radius = FallbackDistanceMeters;
        var search = new Envelope(
            lon - GeoMath.MetersToLonDegrees(radius, lat), lon + GeoMath.MetersToLonDegrees(radius, lat),
            lat - GeoMath.MetersToLatDegrees(radius), lat + GeoMath.MetersToLatDegrees(radius));
        var point = Factory.CreatePoint(new Coordinate(lon, lat));
        string? best = null;
        var bestMeters = double.MaxValue;
        foreach (var (code, shape) in _communityTree.Query(search))
        {
            var nearest = NetTopologySuite.Operation.Distance.DistanceOp.NearestPoints(shape, point)[0];
            var meters = GeoMath.HaversineMeters(lon, lat, nearest.X, nearest.Y);
            if (meters < bestMeters || (meters == bestMeters && string.CompareOrdinal(code, best) < 0))
            {
                best = code;
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
