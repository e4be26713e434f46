using System.Diagnostics;
using GridGov.Domain.Areas;
using GridGov.Domain.Demo;
using GridGov.Domain.Geo;
using GridGov.Testing;
using NetTopologySuite.IO;
using Npgsql;

namespace GridGov.Bench;

/// <summary>
/// Index build time and memory on the full-scale set, single-core locate throughput, and the same points through
/// PostGIS ST_Contains with a GiST index, one query per point over loopback, in the same run.
/// </summary>
public static class LocateBench
{
    public static async Task RunAsync(bool withPostGis, bool indexOnly)
    {
        var areas = FullCity.Generate(CityScale.Full);
        var routable = areas.Where(a => a.Kind is AreaKind.Community or AreaKind.GeneralGrid or AreaKind.MicroGrid or AreaKind.DedicatedGrid)
            .Select(a => new IndexedArea(a.Code, a.Kind, a.Boundary!)).ToList();

        // Build time (best of 3), then the managed memory the index holds: heap with it alive minus heap without it.
        GridIndex? index = null;
        var builds = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            index = new GridIndex("5101", routable);
            builds.Add(clock.Elapsed.TotalSeconds);
        }
        var heldBytes = MeasureHeldBytes(routable);
        Console.WriteLine($"index build: {index!.Count:N0} polygons in {builds.Min():0.00} s (best of 3; runs {string.Join(", ", builds.Select(b => b.ToString("0.00")))} s)");
        Console.WriteLine($"index memory: {heldBytes / 1024.0 / 1024:0} MiB held by the index itself (the source geometries are shared with the loader); process working set {Environment.WorkingSet / 1024 / 1024} MiB, GC heap {GC.GetTotalMemory(false) / 1024 / 1024} MiB");
        if (indexOnly) return;

        var cityShape = areas.Single(a => a.Kind == AreaKind.City).Boundary!;
        var cityRings = new PolygonRings(cityShape);
        // The real outline fills under half of its bounding box (the synthetic octagon filled about 80%).
        var all = RandomPointsInCity(areas, 2_600_000, 42);
        var points = all.Where(p => cityRings.Contains(p.X, p.Y)).Take(1_000_000).ToArray();
        var outside = all.Where(p => !cityRings.Contains(p.X, p.Y)).Take(20_000).ToArray();
        // Warm up, then measure on one thread (one core).
        for (var i = 0; i < 50_000; i++) index.Locate(points[i].X, points[i].Y);
        var sw = Stopwatch.StartNew();
        var inside = 0;
        foreach (var (x, y) in points)
            if (index.Locate(x, y).Match == LocateMatch.MicroGrid) inside++;
        var perSecond = points.Length / sw.Elapsed.TotalSeconds;
        Console.WriteLine($"locate: {points.Length:N0} random points inside the city in {sw.Elapsed.TotalSeconds:0.00} s on one thread = {perSecond:N0} lookups/s ({inside * 100.0 / points.Length:0.0}% inside a micro-grid)");
        var fallback = Stopwatch.StartNew();
        var flagged = 0;
        foreach (var (x, y) in outside)
            if (index.Locate(x, y).Flagged) flagged++;
        Console.WriteLine($"locate outside every grid (nearest-community fallback): {outside.Length / fallback.Elapsed.TotalSeconds:N0} lookups/s ({flagged:N0}/{outside.Length:N0} flagged)");

        if (!withPostGis) return;
        using var server = PostgresServer.Start();
        if (!server.HasPostGis) { Console.WriteLine("PostGIS unavailable: install postgresql-15-postgis-3"); return; }
        var cs = await server.CreateDatabaseAsync("bench_postgis");
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await Exec(conn, "CREATE EXTENSION IF NOT EXISTS postgis; CREATE TABLE micro (code text PRIMARY KEY, geom geometry(Polygon, 4326) NOT NULL)");
        var load = Stopwatch.StartNew();
        var writer = new WKBWriter();
        await using (var copy = await conn.BeginBinaryImportAsync("COPY micro (code, geom) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var a in areas.Where(a => a.Kind == AreaKind.MicroGrid))
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(a.Code);
                await copy.WriteAsync(writer.Write(a.Boundary!), NpgsqlTypes.NpgsqlDbType.Bytea);
            }
            await copy.CompleteAsync();
        }
        await Exec(conn, "CREATE INDEX micro_geom ON micro USING gist (geom); ANALYZE micro");
        Console.WriteLine($"postgis: loaded {areas.Count(a => a.Kind == AreaKind.MicroGrid):N0} micro-grids and built GiST in {load.Elapsed.TotalSeconds:0.0} s");

        const int sample = 20_000;
        await using var cmd = new NpgsqlCommand("SELECT code FROM micro WHERE ST_Contains(geom, ST_SetSRID(ST_MakePoint(@x, @y), 4326)) LIMIT 1", conn);
        var px = new NpgsqlParameter<double> { ParameterName = "x" };
        var py = new NpgsqlParameter<double> { ParameterName = "y" };
        cmd.Parameters.Add(px);
        cmd.Parameters.Add(py);
        await cmd.PrepareAsync();
        for (var i = 0; i < 1000; i++) { px.TypedValue = points[i].X; py.TypedValue = points[i].Y; await cmd.ExecuteScalarAsync(); }
        var mismatches = 0;
        var pg = Stopwatch.StartNew();
        var pgCodes = new string?[sample];
        for (var i = 0; i < sample; i++)
        {
            px.TypedValue = points[i].X; py.TypedValue = points[i].Y;
            pgCodes[i] = (string?)await cmd.ExecuteScalarAsync();
        }
        var pgPerSecond = sample / pg.Elapsed.TotalSeconds;
        var ours = Stopwatch.StartNew();
        var ourCodes = new string?[sample];
        for (var i = 0; i < sample; i++) ourCodes[i] = index.Locate(points[i].X, points[i].Y).MicroGrid;
        var oursPerSecond = sample / ours.Elapsed.TotalSeconds;
        for (var i = 0; i < sample; i++) if (pgCodes[i] != ourCodes[i]) mismatches++;
        Console.WriteLine($"postgis ST_Contains + GiST, one query per point over loopback: {pgPerSecond:N0} lookups/s; in-process index on the same {sample:N0} points: {oursPerSecond:N0} lookups/s; ratio {oursPerSecond / pgPerSecond:N0}x; disagreements {mismatches} (points on shared edges)");
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static long MeasureHeldBytes(List<IndexedArea> routable)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var built = new GridIndex("5101", routable);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(built);
        return after - before;
    }

    private static async Task Exec(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 600 };
        await cmd.ExecuteNonQueryAsync();
    }

    private static (double X, double Y)[] RandomPointsInCity(List<AreaDraft> areas, int n, int seed)
    {
        var city = areas.Single(a => a.Kind == AreaKind.City).Boundary!.EnvelopeInternal;
        var rng = new Random(seed);
        var points = new (double, double)[n];
        for (var i = 0; i < n; i++)
            points[i] = (city.MinX + rng.NextDouble() * city.Width, city.MinY + rng.NextDouble() * city.Height);
        return points;
    }

}
