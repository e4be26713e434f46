using GridGov.Data;
using GridGov.Domain.Geo;
using GridGov.Web.Features.Cases;
using GridGov.Web.Features.Locate;
using GridGov.Web.Features.Open311;
using GridGov.Web.Hosting;
using GridGov.Web.Hosting.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Residents;

/// <summary>A resident's report: a public service, what and where (a map pin, or an address), the service's questions, photos.</summary>
public sealed record ResidentReport(
    string? ServiceCode, string? Description, double? Lon, double? Lat, string? Crs, string? AddressText,
    Dictionary<string, List<string>>? Attributes, IReadOnlyList<Guid>? PhotoIds, string? IdempotencyKey);

/// <summary>What the resident keeps: the tracking number, and when the service promises to be done.</summary>
public sealed record ReportFiled(long Id, string TrackingNo, DateTime? ExpectedAt, string Notice, bool Replayed);

/// <summary>The outcome: filed, or field errors (serviceCode, description, location, attributes.{code}, photoIds…).</summary>
public sealed record ReportOutcome(ReportFiled? Filed, Dictionary<string, string[]> Errors);

/// <summary>
/// The resident channel's report, on top of the one case engine every channel uses (<see cref="CaseEngine"/>): the public
/// service list and its questions (the Open311 service definitions), the address as an alternative to a pin, and
/// the resident's own number attached (encrypted) so the handler can call back, with an audited unmask.
/// </summary>
public sealed class ResidentReports(
    GridGovDb db, Categories.CategoryCache categories, CaseEngine engine, ServiceCatalog catalog, GridGovOptions options, Caller caller, PersonalData pii, CaseClock clock)
{
    public const string ClientName = "居民网页端";

    public async Task<ReportOutcome> FileAsync(ResidentReport r, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var service = r.ServiceCode is { Length: 4 } code
            && await categories.FindAsync(code, ct) is { IsPublic: true, Active: true, ParentCode: not null } found ? found : null;
        if (service is null) errors["serviceCode"] = ["请选择服务类别 (choose a service)"];

        var answers = new List<AttributeAnswer>();
        if (service is not null)
        {
            var definitions = catalog.For(service.Code).Attributes;
            var given = r.Attributes ?? [];
            foreach (var d in definitions.Where(d => d.Variable && d.Required && (!given.TryGetValue(d.Code, out var v) || v.All(string.IsNullOrWhiteSpace))))
                errors[$"attributes.{d.Code}"] = [$"请填写「{d.Label ?? d.Description ?? d.Code}」 (required)"];
            var problems = new List<string>();
            var valid = AttributeAnswers.Validate(service.Code, definitions,
                given.Where(g => !errors.ContainsKey($"attributes.{g.Key}")).ToDictionary(g => g.Key, g => g.Value.ToList()), problems);
            foreach (var p in problems.Where(p => !p.Contains(" is required", StringComparison.Ordinal)))
                errors[$"attributes.{AttributeCodeOf(p)}"] = [p];
            answers.AddRange(valid);
        }

        var description = r.Description?.Trim();
        if (description is { Length: > CaseEngine.MaxDescription }) errors["description"] = [$"描述最多 {CaseEngine.MaxDescription} 字 (at most {CaseEngine.MaxDescription} characters)"];
        if (string.IsNullOrEmpty(description) && answers.Count == 0) errors["description"] = ["请描述问题 (describe the problem)"];
        var address = r.AddressText?.Trim();
        if (address is { Length: > 200 }) errors["addressText"] = ["地址最多 200 字 (at most 200 characters)"];

        double lon = 0, lat = 0;
        string? locatedBy = null;
        var crs = r.Crs;
        if (r.Lon is { } x && r.Lat is { } y)
        {
            (lon, lat) = (x, y);
            if (CoordinateCheck.Check(lon, lat) is { } problem) errors["location"] = [$"位置无效 (invalid location): {problem.Message}"];
        }
        else if (!string.IsNullOrEmpty(address) && !errors.ContainsKey("addressText"))
        {
            var area = await AddressLocator.MatchNameAsync(db, address, options.City, ct);
            if (area is not null && AddressLocator.RepresentativePoint(area) is { } point)
            {
                (lon, lat, crs) = (point.Lon, point.Lat, "wgs84");
                locatedBy = $"按地址文字匹配到 {area.Name}（{area.Code}）的代表点，位置为近似";
            }
            else errors["location"] = ["未能从地址识别所在社区，请在地图上选点，或在地址中写明社区名称（如：水井坊社区） (pin it on the map or name the community)"];
        }
        else errors["location"] = ["请在地图上选点，或填写地址 (pin the place on the map or type the address)"];
        if (errors.Count > 0) return new ReportOutcome(null, errors);

        var text = answers.Count == 0 && locatedBy is null
            ? description!
            : RequestText.Compose(description, ClientName, null, locatedBy, answers, RequestText.ResidentMarker);
        if (text.Length > CaseEngine.MaxDescription)
            return new ReportOutcome(null, new() { ["description"] = [$"描述和附加信息合计最多 {CaseEngine.MaxDescription} 字 (too long together)"] });

        var me = await db.Users.AsNoTracking().Where(u => u.Id == caller.UserId).Select(u => new { u.DisplayName, u.PhoneCipher }).FirstAsync(ct);
        var actor = caller.Actor with { Channel = "resident" };
        var result = await engine.ReportAsync(actor, new NewCase(service!.Code, text, lon, lat, crs, address, "resident", me.DisplayName,
            pii.Reveal(me.PhoneCipher), string.IsNullOrWhiteSpace(r.IdempotencyKey) ? null : r.IdempotencyKey.Trim(), false, r.PhotoIds), ct);
        switch (result)
        {
            case CaseOutcome.Created or CaseOutcome.Replayed:
                var filed = result.Summary!;
                var expected = filed.ResolveDueAt ?? clock.Deadline(filed.ReportedAt, service.ResolveHours ?? 72, service.WorkingHours);
                return new ReportOutcome(new ReportFiled(filed.Id, filed.TrackingNo, expected, RequestViews.ServiceNotice(service), result is CaseOutcome.Replayed), []);
            case CaseOutcome.Invalid invalid:
                return new ReportOutcome(null, invalid.Errors.GroupBy(e => e.Key switch
                {
                    "categoryCode" => "serviceCode",
                    "lon" or "lat" or "crs" => "location",
                    _ => e.Key,
                }).ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray()));
            case CaseOutcome.KeyReused:
                return new ReportOutcome(null, new() { ["idempotencyKey"] = ["这次提交与之前的一次提交使用了同一编号但内容不同，请刷新页面后重新提交 (the form was already used for another report; reload and submit again)"] });
            default:
                return new ReportOutcome(null, new() { [""] = ["提交失败，请稍后重试 (could not be filed; try again)"] });
        }
    }

    private static string AttributeCodeOf(string problem)
    {
        var start = problem.IndexOf('[', StringComparison.Ordinal);
        var end = problem.IndexOf(']', StringComparison.Ordinal);
        return start >= 0 && end > start ? problem[(start + 1)..end] : "";
    }
}
