using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Data.Seeding;
using GridGov.Domain.Areas;
using GridGov.Domain.Cases;
using GridGov.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Open311;

/// <summary>
/// Cases as GeoReport v2 service requests (https://wiki.open311.org/GeoReport_v2#GET_Service_Requests), in one of two
/// views. Only cases of public categories are ever shown, and never any personal data: no reporter name, phone,
/// account or staff names; mobile and ID-card numbers typed into descriptions are masked.
/// <list type="bullet">
/// <item>Public view (no api_key, or a case outside the key's area): a sensitive category's location is blurred to
/// its grid (lat/long = the grid's centroid, address = the grid's name, address_id = the grid's code) and its
/// description and media_url are left out.</item>
/// <item>Key view (a case inside the key's area): the exact point, address and description for every public category.</item>
/// </list>
/// status: open or closed (rejected and merged cases are closed). status_notes: the latest public note of the case
/// history, composed from the step and its coded reason, never from staff's free text (written for colleagues, it
/// may name people). expected_datetime: the resolve deadline; before registration, the deadline registration now
/// would set (the category's limit from the report, on the working calendar, as <see cref="CaseClock.Start"/>).
/// </summary>
public sealed class RequestViews(GridGovDb db, CaseClock clock)
{
    public static readonly CaseStatus[] ClosedStatuses = [CaseStatus.Closed, CaseStatus.Rejected, CaseStatus.Merged];

    public static string Status(CaseStatus s) => ClosedStatuses.Contains(s) ? "closed" : "open";

    public async Task<List<O311Node>> BuildAsync(IReadOnlyList<Case> cases, KeyHolder? key, CancellationToken ct)
    {
        if (cases.Count == 0) return [];
        var ids = cases.Select(c => c.Id).ToList();
        var history = (await db.CaseHistory.AsNoTracking().Where(h => ids.Contains(h.CaseId))
                .Select(h => new HistoryRow(h.CaseId, h.Id, h.At, h.Action, h.Note)).ToListAsync(ct))
            .GroupBy(h => h.CaseId).ToDictionary(g => g.Key, g => g.OrderBy(h => h.Id).ToList());
        var codes = cases.Select(c => c.CategoryCode).Distinct().ToList();
        var categories = await db.Categories.AsNoTracking().Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, ct);

        var full = cases.ToDictionary(c => c.Id, c => key is not null && AreaCode.IsWithin(c.AreaCode, key.AreaCode));
        var blurred = cases.Where(c => !full[c.Id] && categories[c.CategoryCode].IsSensitive).Select(c => BlurArea(c.AreaCode)).Distinct().ToList();
        var agencyAreas = cases.Select(c => AgencyArea(c)).OfType<string>().Distinct().ToList();
        var areaNames = await db.Areas.AsNoTracking().Where(a => agencyAreas.Contains(a.Code) || blurred.Contains(a.Code))
            .Select(a => new { a.Code, a.Name }).ToDictionaryAsync(a => a.Code, a => a.Name, ct);
        var centroids = await CentroidsAsync(db, blurred, ct);
        var departmentCodes = cases.Select(c => DepartmentOf(c, categories[c.CategoryCode])).OfType<string>().Distinct().ToList();
        var departments = await db.Departments.AsNoTracking().Where(d => departmentCodes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, ct);

        var nodes = new List<O311Node>(cases.Count);
        foreach (var c in cases)
        {
            var category = categories[c.CategoryCode];
            var rows = history.GetValueOrDefault(c.Id) ?? [];
            var (description, media) = RequestText.Split(c.Description);
            double? lat = Math.Round(c.Lat, 6), lon = Math.Round(c.Lon, 6);
            string? address = c.AddressText, addressId = c.AreaCode;
            if (!full[c.Id] && category.IsSensitive)
            {
                var grid = BlurArea(c.AreaCode);
                var centre = centroids.GetValueOrDefault(grid);
                (lon, lat) = centre is { } p ? (Math.Round(p.Lon, 6), Math.Round(p.Lat, 6)) : ((double?)null, (double?)null);
                address = areaNames.GetValueOrDefault(grid);
                addressId = grid;
                description = null;
                media = null;
            }
            var department = DepartmentOf(c, category);
            var agency = department is not null ? departments.GetValueOrDefault(department) : AgencyArea(c) is { } level ? areaNames.GetValueOrDefault(level) : null;
            var lastAt = rows.Count > 0 ? rows.Max(r => r.At) : c.ReportedAt;
            // "For requests with status=closed, this will be the date the request was closed."
            var updated = ClosedStatuses.Contains(c.Status) ? c.ClosedAt ?? lastAt : lastAt;
            nodes.Add(O311.Obj("request",
                O311.Leaf("service_request_id", c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                O311.Leaf("status", Status(c.Status)),
                O311.Leaf("status_notes", StatusNote(c, rows)),
                O311.Leaf("service_name", category.Name),
                O311.Leaf("service_code", category.Code),
                O311.Leaf("description", RequestText.MaskNumbers(description)),
                O311.Leaf("agency_responsible", agency),
                O311.Leaf("service_notice", ServiceNotice(category)),
                O311.Leaf("requested_datetime", W3cTime.Format(c.ReportedAt)),
                O311.Leaf("updated_datetime", W3cTime.Format(updated)),
                O311.Leaf("expected_datetime", W3cTime.Format(Expected(c, category))),
                O311.Leaf("address", RequestText.MaskNumbers(address)),
                O311.Leaf("address_id", addressId),
                O311.Leaf("zipcode", null),
                O311.Leaf("lat", lat),
                O311.Leaf("long", lon),
                O311.Leaf("media_url", media)));
        }
        return nodes;
    }

    private sealed record HistoryRow(long CaseId, long Id, DateTime At, string Action, string? Note);

    /// <summary>The centre of each area's boundary (null for an area without one): where a blurred case is shown.</summary>
    public static async Task<Dictionary<string, (double Lon, double Lat)?>> CentroidsAsync(GridGovDb db, IReadOnlyCollection<string> codes, CancellationToken ct)
    {
        var centroids = new Dictionary<string, (double Lon, double Lat)?>();
        foreach (var row in await db.Areas.AsNoTracking().Where(a => codes.Contains(a.Code)).Select(a => new { a.Code, a.Boundary }).ToListAsync(ct))
            centroids[row.Code] = AreaRows.Shape(row.Boundary) is { IsEmpty: false } shape ? (shape.Centroid.X, shape.Centroid.Y) : null;
        return centroids;
    }

    /// <summary>The grid a sensitive case is blurred to: its general grid, or its own area when routed above grid level.</summary>
    public static string BlurArea(string area) => AreaCode.Truncate(area, AreaCode.GridLength) ?? area;

    /// <summary>The department code that handles (or, before dispatch, would handle) the case, if a department.</summary>
    public static string? DepartmentOf(Case c, Category category) =>
        c.AssigneeDepartment ?? (c.HandlerLevel == HandlerLevel.Department && category.DepartmentKind is { } kind && c.DistrictCode.Length > 0
            ? $"{c.DistrictCode}-{kind}" : null);

    /// <summary>The area whose name stands for the handling level (micro-grid … district), when no department handles it.</summary>
    public static string? AgencyArea(Case c) =>
        c.HandlerLevel == HandlerLevel.Department ? null : c.HandlerLevel.LevelArea(c.AreaCode);

    public DateTime? Expected(Case c, Category category)
    {
        if (c.Status is CaseStatus.Rejected or CaseStatus.Merged) return null;
        if (c.ResolveDueAt is { } due) return due;
        if (c.Status != CaseStatus.Reported) return null;
        // Not registered yet: the deadline registration would set, counted from the report.
        return clock.Deadline(c.ReportedAt, category.ResolveHours ?? 72, category.WorkingHours);
    }

    /// <summary>What the service promises, from the category's limits: e.g. "24 个工作小时内响应，72 个工作小时内办结（工作日 9:00–12:00、13:30–17:30 计时）".</summary>
    public static string ServiceNotice(Category c)
    {
        var unit = c.WorkingHours ? "个工作小时" : "小时";
        var text = $"{Hours(c.ResponseHours ?? 24)} {unit}内响应，{Hours(c.ResolveHours ?? 72)} {unit}内办结";
        return c.WorkingHours ? text + "（按工作日 9:00–12:00、13:30–17:30 计时）" : text;
    }

    private static string Hours(double h) => h.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The latest public note: each step that the public may know of, in fixed words; internal steps say nothing.</summary>
    private static string? StatusNote(Case c, List<HistoryRow> rows)
    {
        string? note = null;
        foreach (var r in rows)
            note = PublicNote(c, r) ?? note;
        return note;
    }

    private static string? PublicNote(Case c, HistoryRow r) => PublicNote(c, r.Action, r.Note);

    /// <summary>What the public may read of one history step (null: an internal step).</summary>
    public static string? PublicNote(Case c, string action, string? stepNote) => PublicSteps.Note(CaseNames.ParseAction(action), stepNote, c.MergedIntoId);
}
