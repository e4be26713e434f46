using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Domain.Areas;
using GridGov.Domain.Cases;
using GridGov.Web.Features.Open311;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Residents;

public sealed record PublicStep(DateTime At, string Note);

/// <summary>
/// A case as anyone may see it: no reporter, phone, account or staff name; numbers typed into text masked; for a
/// sensitive category (e.g. 矛盾纠纷) the point is its grid's centre and there is no address or description.
/// </summary>
public sealed record PublicCase(
    string TrackingNo, string ServiceCode, string ServiceName, string Status, string StatusLabel,
    DateTime ReportedAt, DateTime? ClosedAt, DateTime? ExpectedAt, double? Lon, double? Lat, bool Blurred,
    string? Place, string? Address, string? Description, string? Agency, int? Rating, IReadOnlyList<PublicStep> Steps);

/// <summary>
/// Builds <see cref="PublicCase"/> views with the same rules as the Open311 public view (<see cref="RequestViews"/>):
/// the resident's tracking page, their history and the public map all go through here.
/// </summary>
public sealed class PublicCases(GridGovDb db, RequestViews views, Categories.CategoryCache categoryCache)
{
    /// <summary>The codes of the public minor categories (from the category cache), the only ones ever published.</summary>
    public async Task<List<string>> PublicCodesAsync(CancellationToken ct) =>
        (await categoryCache.AllAsync(ct)).Values.Where(k => k.IsPublic && k.ParentCode != null).Select(k => k.Code).ToList();

    /// <summary>One published case with its public timeline, by tracking number; null when none may be shown.</summary>
    public async Task<PublicCase?> FindAsync(string trackingNo, CancellationToken ct)
    {
        var codes = await PublicCodesAsync(ct);
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.TrackingNo == trackingNo && codes.Contains(x.CategoryCode), ct);
        return c is null ? null : (await BuildAsync([c], withSteps: true, ct))[0];
    }

    public static string StatusLabel(CaseStatus s) => s switch
    {
        CaseStatus.Reported => "待受理",
        CaseStatus.Closed => "已办结",
        CaseStatus.Rejected => "不予受理",
        CaseStatus.Merged => "已合并",
        CaseStatus.Suspended => "暂缓办理",
        _ => "处理中",
    };

    /// <summary>Views of the cases; with steps (the public timeline) when asked, for one case's page.</summary>
    public async Task<List<PublicCase>> BuildAsync(IReadOnlyList<Case> cases, bool withSteps, CancellationToken ct)
    {
        if (cases.Count == 0) return [];
        var categories = await categoryCache.AllAsync(ct);
        var blurred = cases.Where(c => categories[c.CategoryCode].IsSensitive).Select(c => RequestViews.BlurArea(c.AreaCode)).Distinct().ToList();
        var centroids = await RequestViews.CentroidsAsync(db, blurred, ct);
        // The place people know: the community (or the blurred grid), by name.
        var places = cases.Select(c => AreaCode.Truncate(c.AreaCode, AreaCode.CommunityLength) ?? c.AreaCode)
            .Concat(cases.Select(RequestViews.AgencyArea).OfType<string>()).Concat(blurred).Distinct().ToList();
        var names = await db.Areas.AsNoTracking().Where(a => places.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Name, ct);
        var departmentCodes = cases.Select(c => RequestViews.DepartmentOf(c, categories[c.CategoryCode])).OfType<string>().Distinct().ToList();
        var departments = await db.Departments.AsNoTracking().Where(d => departmentCodes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        var steps = new Dictionary<long, List<PublicStep>>();
        if (withSteps)
        {
            var ids = cases.Select(c => c.Id).ToList();
            var byCase = cases.ToDictionary(c => c.Id);
            foreach (var h in await db.CaseHistory.AsNoTracking().Where(h => ids.Contains(h.CaseId)).OrderBy(h => h.Id)
                         .Select(h => new { h.CaseId, h.At, h.Action, h.Note }).ToListAsync(ct))
                if (RequestViews.PublicNote(byCase[h.CaseId], h.Action, h.Note) is { } note)
                    (steps.TryGetValue(h.CaseId, out var list) ? list : steps[h.CaseId] = []).Add(new PublicStep(h.At, note));
        }

        return cases.Select(c =>
        {
            var category = categories[c.CategoryCode];
            var (description, _) = RequestText.Split(c.Description);
            double? lon = Math.Round(c.Lon, 5), lat = Math.Round(c.Lat, 5);
            var place = names.GetValueOrDefault(AreaCode.Truncate(c.AreaCode, AreaCode.CommunityLength) ?? c.AreaCode);
            string? address = RequestText.MaskNumbers(c.AddressText);
            if (category.IsSensitive)
            {
                var grid = RequestViews.BlurArea(c.AreaCode);
                (lon, lat) = centroids.GetValueOrDefault(grid) is { } p ? (Math.Round(p.Lon, 5), Math.Round(p.Lat, 5)) : ((double?)null, (double?)null);
                place = names.GetValueOrDefault(grid) ?? place;
                address = null;
                description = null;
            }
            var department = RequestViews.DepartmentOf(c, category);
            var agency = department is not null ? departments.GetValueOrDefault(department)
                : RequestViews.AgencyArea(c) is { } level ? names.GetValueOrDefault(level) : null;
            return new PublicCase(c.TrackingNo, category.Code, category.Name, RequestViews.Status(c.Status), StatusLabel(c.Status),
                c.ReportedAt, c.ClosedAt, views.Expected(c, category), lon, lat, category.IsSensitive, place, address,
                RequestText.MaskNumbers(description), agency, c.Rating, steps.GetValueOrDefault(c.Id) ?? []);
        }).ToList();
    }
}
