using GridGov.Domain.Areas;
using GridGov.Domain.Geo;
using NetTopologySuite.Geometries;

namespace GridGov.Domain.Demo;

/// <summary>
/// Draws synthetic boundaries for a real division tree: a convex city outline around the real centre, then each
/// level cut into convex cells, so areas nest and tile exactly. The names and codes of districts, streets and
/// communities are the real ones; every boundary, grid and grid name is synthetic and flagged so.
/// </summary>
public static class SyntheticCity
{
    public static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    /// <summary>Chengdu's centre (Tianfu Square) and roughly its extent, in WGS-84 degrees.</summary>
    public static readonly Coordinate ChengduCentre = new(104.0657, 30.6595);

    private static readonly (string Type, string Label)[] DedicatedTypes =
        [("school", "学校"), ("hospital", "医院"), ("market", "市场"), ("park", "公园"), ("enterprise", "企业")];

    /// <summary>
    /// Yields every area: the divisions first (city, districts, streets, communities), then grids community by
    /// community. Deterministic for a given seed. <paramref name="progress"/> receives communities done.
    /// </summary>
    public static IEnumerable<AreaDraft> Generate(
        IReadOnlyList<Division> divisions, CityScale scale, int seed = 5101, Action<int>? progress = null)
    {
        var city = divisions.Single(d => d.Kind == AreaKind.City);
        var children = divisions.Where(d => d.ParentCode is not null).ToLookup(d => d.ParentCode!);
        var rng = new Random(seed);

        var cityShape = CityOutline(ChengduCentre, 0.95, 0.68);
        yield return new AreaDraft(city.Code, AreaKind.City, city.Name, null, cityShape, true);

        // Divisions: depth-first so that a parent's shape is known before its children are cut from it.
        var communities = new List<(Division Community, Polygon Shape)>();
        var stack = new Stack<(Division Area, Polygon Shape)>();
        stack.Push((city, cityShape));
        while (stack.Count > 0)
        {
            var (area, shape) = stack.Pop();
            var kids = children[area.Code].OrderBy(k => k.Code, StringComparer.Ordinal).ToList();
            if (kids.Count == 0) continue;
            var cells = ConvexPartition.Split(shape, kids.Count, rng, centreFirst: area.Kind == AreaKind.City);
            for (var i = kids.Count - 1; i >= 0; i--)
            {
                var kid = kids[i];
                yield return new AreaDraft(kid.Code, kid.Kind, kid.Name, area.Code, cells[i], true);
                if (kid.Kind == AreaKind.Community) communities.Add((kid, cells[i]));
                else stack.Push((kid, cells[i]));
            }
        }

        communities.Sort((a, b) => string.CompareOrdinal(a.Community.Code, b.Community.Code));
        var generalPerCommunity = Spread(scale.GeneralGrids, communities.Count, 79);
        var dedicatedPerCommunity = Spread(scale.DedicatedGrids, communities.Count, 20);
        var microPerGrid = Spread(scale.MicroGrids, generalPerCommunity.Sum(), 99);
        var gridIndex = 0;
        for (var c = 0; c < communities.Count; c++)
        {
            var (community, shape) = communities[c];
            var grids = ConvexPartition.Split(shape, generalPerCommunity[c], rng);
            for (var g = 0; g < grids.Count; g++)
            {
                var gridCode = AreaCode.Child(community.Code, g + 1);
                var gridName = $"{DivisionNames.Short(community.Name)}第{g + 1}网格";
                yield return new AreaDraft(gridCode, AreaKind.GeneralGrid, gridName, community.Code, grids[g], true);
                var micros = ConvexPartition.Split(grids[g], microPerGrid[gridIndex++], rng);
                for (var m = 0; m < micros.Count; m++)
                    yield return new AreaDraft(AreaCode.Child(gridCode, m + 1), AreaKind.MicroGrid,
                        $"{gridName}第{m + 1}微网格", gridCode, micros[m], true);
            }
            var placed = new List<Polygon>();
            for (var d = 0; d < dedicatedPerCommunity[c]; d++)
            {
                var square = DedicatedSite(shape, placed, rng);
                if (square is null) break; // community too small for another site
                placed.Add(square);
                var (type, label) = DedicatedTypes[(c + d) % DedicatedTypes.Length];
                yield return new AreaDraft(AreaCode.Child(community.Code, AreaCode.FirstDedicatedSequence + d),
                    AreaKind.DedicatedGrid, $"{DivisionNames.Short(community.Name)}{label}专属网格{d + 1}", community.Code, square, true, type);
            }
            progress?.Invoke(c + 1);
        }
    }

    /// <summary>Splits <paramref name="total"/> into <paramref name="buckets"/> near-equal parts, each at most max.</summary>
    public static int[] Spread(int total, int buckets, int max)
    {
        var result = new int[buckets];
        if (buckets == 0) return result;
        for (var i = 0; i < buckets; i++)
            result[i] = Math.Min(max, total / buckets + (i < total % buckets ? 1 : 0));
        return result;
    }

    /// <summary>An irregular convex octagon: not the real outline, but of Chengdu's size and position.</summary>
    public static Polygon CityOutline(Coordinate centre, double halfWidthDeg, double halfHeightDeg)
    {
        double[] radii = [1.0, 0.93, 0.97, 0.9, 1.0, 0.95, 0.92, 0.98];
        var ring = new Coordinate[radii.Length + 1];
        for (var i = 0; i < radii.Length; i++)
        {
            var a = 2 * Math.PI * i / radii.Length + Math.PI / 8;
            ring[i] = new Coordinate(
                Math.Round(centre.X + radii[i] * halfWidthDeg * Math.Cos(a), 6),
                Math.Round(centre.Y + radii[i] * halfHeightDeg * Math.Sin(a), 6));
        }
        ring[^1] = ring[0].Copy();
        return Factory.CreatePolygon(ring);
    }

    /// <summary>A small square (a school's or market's compound) inside the community, clear of the others.</summary>
    private static Polygon? DedicatedSite(Polygon community, List<Polygon> placed, Random rng)
    {
        var lat = community.Centroid.Y;
        for (var attempt = 0; attempt < 40; attempt++)
        {
            var sideMeters = 120 + rng.NextDouble() * 180 / (1 + attempt / 10);
            var dx = GeoMath.MetersToLonDegrees(sideMeters / 2, lat);
            var dy = GeoMath.MetersToLatDegrees(sideMeters / 2);
            var centre = ConvexPartition.SampleInside(community, 1, rng)[0];
            var square = (Polygon)Factory.ToGeometry(new Envelope(centre.X - dx, centre.X + dx, centre.Y - dy, centre.Y + dy));
            if (community.Contains(square) && placed.All(p => !p.Intersects(square))) return square;
        }
        return null;
    }
}
