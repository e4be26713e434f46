using System.Globalization;
using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Domain.Cases;
using GridGov.Domain.Geo;
using GridGov.Web.Features.Open311;
using GridGov.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Residents;

/// <summary>The public map's filters: a box (WGS-84), a service or group, open/closed, how many days of closures.</summary>
public sealed record MapFilter(double MinLon, double MinLat, double MaxLon, double MaxLat, string? Service, string Status, int Days, int Limit);

/// <summary>
/// What the public map shows: open cases and cases closed in the last days, of public categories only, newest first,
/// at most <see cref="MaxLimit"/>. A sensitive case is placed (and filtered by the box) at its grid's centre, so
/// zooming in on a house never reveals more than the grid.
/// </summary>
public sealed class PublicMapQuery(GridGovDb db, PublicCases publicCases, Categories.CategoryCache categoryCache, TimeProvider time)
{
    public const int MaxLimit = 2000;
    public const int MaxDays = 90;

    // Sensitive cases are fetched from a box widened by more than a grid's size, then kept by their blurred point.
    private const double GridMarginDegrees = 0.05;

    public static (MapFilter? Filter, Dictionary<string, string[]> Errors) Parse(string? bbox, string? service, string? status, int? days, int? limit, string city)
    {
        var errors = new Dictionary<string, string[]>();
        // Default box: all of Chengdu's synthetic city and more.
        double[] box = [102.9, 30.0, 105.0, 31.5];
        if (bbox is not null)
        {
            var parts = bbox.Split(',');
            var parsed = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : (double?)null).ToList();
            if (parts.Length != 4 || parsed.Any(v => v is null)) errors["bbox"] = ["bbox is minLon,minLat,maxLon,maxLat in decimal degrees (WGS-84)."];
            else
            {
                box = parsed.Select(v => v!.Value).ToArray();
                if (box[0] >= box[2] || box[1] >= box[3] || box[0] < -180 || box[2] > 180 || box[1] < -90 || box[3] > 90)
                    errors["bbox"] = ["bbox needs minLon < maxLon and minLat < maxLat, inside ±180/±90."];
            }
        }
        if (service is not null && (service.Length is not (2 or 4) || !service.All(char.IsAsciiDigit)))
            errors["service"] = ["service is a 2-digit group or a 4-digit service code."];
        var s = status ?? "all";
        if (s is not ("open" or "closed" or "all")) errors["status"] = ["status is open, closed or all."];
        if (days is < 1 or > MaxDays) errors["days"] = [$"days is 1 to {MaxDays}."];
        if (limit is < 1 or > MaxLimit) errors["limit"] = [$"limit is 1 to {MaxLimit}."];
        return errors.Count > 0 ? (null, errors) : (new MapFilter(box[0], box[1], box[2], box[3], service, s, days ?? 30, limit ?? 1000), errors);
    }

    public async Task<(List<PublicCase> Items, bool Truncated)> RunAsync(MapFilter f, CancellationToken ct)
    {
        var since = time.GetUtcNow().UtcDateTime.AddDays(-f.Days);
        // The public categories as an explicit list, so each query is a range scan of (category_code, lat) per code.
        var published = (await categoryCache.AllAsync(ct)).Values
            .Where(k => k.IsPublic && k.ParentCode != null && (f.Service == null || k.Code.StartsWith(f.Service, StringComparison.Ordinal))).ToList();
        var plain = published.Where(k => !k.IsSensitive).Select(k => k.Code).ToList();
        var sensitive = published.Where(k => k.IsSensitive).Select(k => k.Code).ToList();
        var m = GridMarginDegrees;
        var closed = RequestViews.ClosedStatuses;
        var (rowFrom, rowTo) = (GeoMath.LatRow(f.MinLat), GeoMath.LatRow(f.MaxLat));
        var (wideFrom, wideTo) = (GeoMath.LatRow(f.MinLat - m), GeoMath.LatRow(f.MaxLat + m));
        // One query, two sargable branches (exact box for plain categories, widened box for sensitive ones), so the
        // planner can walk the newest ids for a big box or range-scan (category_code, lat_row) for a small one.
        var q = db.Cases.AsNoTracking().Where(c =>
            (plain.Contains(c.CategoryCode) && c.LatRow >= rowFrom && c.LatRow <= rowTo
             && c.Lat >= f.MinLat && c.Lat <= f.MaxLat && c.Lon >= f.MinLon && c.Lon <= f.MaxLon)
            || (sensitive.Contains(c.CategoryCode) && c.LatRow >= wideFrom && c.LatRow <= wideTo
                && c.Lat >= f.MinLat - m && c.Lat <= f.MaxLat + m && c.Lon >= f.MinLon - m && c.Lon <= f.MaxLon + m));
        q = f.Status switch
        {
            "open" => q.Where(c => !closed.Contains(c.Status)),
            "closed" => q.Where(c => c.Status == CaseStatus.Closed && c.ClosedAt >= since),
            _ => q.Where(c => !closed.Contains(c.Status) || (c.Status == CaseStatus.Closed && c.ClosedAt >= since)),
        };
        // A point routing could not place (flagged) is shown to no one in public until a person has placed it.
        q = q.Where(c => !c.LocationFlagged);
        var rows = await q.OrderByDescending(c => c.Id).Take(f.Limit + 1).ToListAsync(ct);
        var views = await publicCases.BuildAsync(rows, withSteps: false, ct);
        var inside = views.Where(v => v.Lon >= f.MinLon && v.Lon <= f.MaxLon && v.Lat >= f.MinLat && v.Lat <= f.MaxLat).ToList();
        return (inside.Take(f.Limit).ToList(), inside.Count > f.Limit || rows.Count > f.Limit);
    }

    /// <summary>GeoJSON FeatureCollection (RFC 7946) of the map's cases; descriptions shortened for the popups.</summary>
    public static object ToGeoJson(IReadOnlyList<PublicCase> items, bool truncated) => new
    {
        type = "FeatureCollection",
        truncated,
        features = items.Where(i => i.Lon is not null).Select(i => new
        {
            type = "Feature",
            geometry = new { type = "Point", coordinates = new[] { i.Lon!.Value, i.Lat!.Value } },
            properties = new
            {
                trackingNo = i.TrackingNo, service = i.ServiceCode, serviceName = i.ServiceName, status = i.Status, statusLabel = i.StatusLabel,
                reportedAt = i.ReportedAt, closedAt = i.ClosedAt, blurred = i.Blurred, place = i.Place,
                description = i.Description is { Length: > 80 } d ? d[..80] + "…" : i.Description,
            },
        }),
    };
}
