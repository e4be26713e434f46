using GridGov.Domain.Areas;
using GridGov.Domain.Geo;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.OverlayNG;

namespace GridGov.Domain.Demo;

/// <summary>
/// Draws the demo city on a real division tree and real district outlines. The districts keep their real outlines
/// (not synthetic) and the city is their union; streets, communities, grids and micro-grids are cut inside their own
/// district, level by level with <see cref="AreaPartition"/>, so every level tiles its parent, exclaves included.
/// The names and codes of districts, streets and communities are the real ones; every boundary below a district,
/// every grid and grid name is synthetic and flagged so.
/// </summary>
public static class DemoCity
{
    public static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    private static readonly (string Type, string Label)[] DedicatedTypes =
        [("school", "学校"), ("hospital", "医院"), ("market", "市场"), ("park", "公园"), ("enterprise", "企业")];

    /// <summary>
    /// Yields every area: the divisions first (city, districts, streets, communities), then grids community by
    /// community. Deterministic for a given seed. <paramref name="progress"/> receives communities done.
    /// </summary>
    /// <param name="districtOutlines">The real outline of every district, by code (WGS-84).</param>
    public static IEnumerable<AreaDraft> Generate(
        IReadOnlyList<Division> divisions, IReadOnlyDictionary<string, Geometry> districtOutlines, CityScale scale,
        int seed = 5101, Action<int>? progress = null)
    {
        var city = divisions.Single(d => d.Kind == AreaKind.City);
        var children = divisions.Where(d => d.ParentCode is not null).ToLookup(d => d.ParentCode!);
        var districts = children[city.Code].OrderBy(d => d.Code, StringComparer.Ordinal).ToList();
        var missing = districts.Where(d => !districtOutlines.ContainsKey(d.Code))
            .Select(d => $"{d.Name} ({d.Code})").ToList();
        if (missing.Count > 0) throw new InvalidOperationException($"no outline for {string.Join(", ", missing)}");
        var rng = new Random(seed);

        var cityShape = OverlayNGRobust.Union(districts.Select(d => districtOutlines[d.Code]).ToList());
        yield return new AreaDraft(city.Code, AreaKind.City, city.Name, null, cityShape, Synthetic: false);

        // Divisions: depth-first so that a parent's shape is known before its children are cut from it.
        var communities = new List<(Division Community, Geometry Shape)>();
        var stack = new Stack<(Division Area, Geometry Shape)>();
        foreach (var d in districts)
            yield return new AreaDraft(d.Code, d.Kind, d.Name, city.Code, districtOutlines[d.Code], Synthetic: false);
        foreach (var d in Enumerable.Reverse(districts)) stack.Push((d, districtOutlines[d.Code]));
        while (stack.Count > 0)
        {
            var (area, shape) = stack.Pop();
            var kids = children[area.Code].OrderBy(k => k.Code, StringComparer.Ordinal).ToList();
            if (kids.Count == 0) continue;
            var cells = AreaPartition.Split(shape, kids.Select(k => Density.Weight(k, children)).ToList(), rng);
            for (var i = kids.Count - 1; i >= 0; i--)
            {
                var kid = kids[i];
                yield return new AreaDraft(kid.Code, kid.Kind, kid.Name, area.Code, cells[i], Synthetic: true);
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
            var grids = AreaPartition.Split(shape, generalPerCommunity[c], rng);
            for (var g = 0; g < grids.Count; g++)
            {
                var gridCode = AreaCode.Child(community.Code, g + 1);
                var gridName = $"{DivisionNames.Short(community.Name)}第{g + 1}网格";
                yield return new AreaDraft(gridCode, AreaKind.GeneralGrid, gridName, community.Code, grids[g], true);
                var micros = AreaPartition.Split(grids[g], microPerGrid[gridIndex++], rng);
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
                    AreaKind.DedicatedGrid, $"{DivisionNames.Short(community.Name)}{label}专属网格{d + 1}",
                    community.Code, square, true, type);
            }
            progress?.Invoke(c + 1);
        }
    }

    /// <summary>Splits <paramref name="total"/> into near-equal parts, each at most max.</summary>
    public static int[] Spread(int total, int buckets, int max)
    {
        var result = new int[buckets];
        if (buckets == 0) return result;
        for (var i = 0; i < buckets; i++)
            result[i] = Math.Min(max, total / buckets + (i < total % buckets ? 1 : 0));
        return result;
    }

    /// <summary>A small square (a school's or market's compound) inside the community, clear of the others.</summary>
    private static Polygon? DedicatedSite(Geometry community, List<Polygon> placed, Random rng)
    {
        var lat = community.Centroid.Y;
        for (var attempt = 0; attempt < 40; attempt++)
        {
            var sideMeters = 120 + rng.NextDouble() * 180 / (1 + attempt / 10);
            var dx = GeoMath.MetersToLonDegrees(sideMeters / 2, lat);
            var dy = GeoMath.MetersToLatDegrees(sideMeters / 2);
            var centre = AreaPartition.PointInside(community, rng);
            var square = (Polygon)Factory.ToGeometry(
                new Envelope(centre.X - dx, centre.X + dx, centre.Y - dy, centre.Y + dy));
            if (community.Contains(square) && placed.All(p => !p.Intersects(square))) return square;
        }
        return null;
    }
}
