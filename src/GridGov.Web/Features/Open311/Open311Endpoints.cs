using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Data.Seeding;
using GridGov.Domain.Areas;
using GridGov.Domain.Cases;
using GridGov.Domain.Geo;
using GridGov.Domain.Security;
using GridGov.Web.Features.Cases;
using GridGov.Web.Hosting;
using GridGov.Web.Hosting.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Open311;

/// <summary>
/// Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2, frozen spec) under /open311/v2, with service
/// discovery (https://wiki.open311.org/Service_Discovery) at /open311/discovery.{xml|json}. The format is the
/// resource's extension; XML and JSON carry the same tree (see <see cref="Open311Response"/>). jurisdiction_id is
/// optional (one jurisdiction per endpoint, as the spec allows) and, when sent, must be the city code (5101).
/// Reading needs no key (public view); filing needs an api_key (see <see cref="ApiKeys"/>), and goes through the
/// same <see cref="CaseIntake"/> as every other channel, as the key's API client account, source "open311".
/// </summary>
public static partial class Open311Endpoints
{
    public const string Specification = "http://wiki.open311.org/GeoReport_v2";
    public const string Source = "open311";

    /// <summary>"Default query limit is a span of 90 days or first 1000 requests returned, whichever is smallest."</summary>
    public const int MaxRequests = 1000;
    public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(90);

    public const int MaxIdempotencyKey = 64;

    public static void MapOpen311(this IEndpointRouteBuilder app)
    {
        _ = app.ServiceProvider.GetRequiredService<ServiceCatalog>(); // a broken attributes file stops start-up, not the first request
        ApiKeys.MapApiKeys(app);
        var g = app.MapGroup("/open311").WithTags("Open311");
        g.MapGet("/discovery.{format}", Discovery).WithSummary("Service discovery (xml or json)");
        g.MapGet("/v2/discovery.{format}", Discovery).ExcludeFromDescription();
        g.MapGet("/v2/services.{format}", Services).WithSummary("GeoReport v2: GET Service List (the public categories)");
        g.MapGet("/v2/services/{code}.{format}", Definition).WithSummary("GeoReport v2: GET Service Definition (attributes)");
        g.MapPost("/v2/requests.{format}", Post).WithSummary("GeoReport v2: POST Service Request (form-encoded, api_key required)");
        g.MapGet("/v2/requests.{format}", List).WithSummary("GeoReport v2: GET Service Requests (90 days / 1000 requests by default)");
        g.MapGet("/v2/requests/{id}.{format}", One).WithSummary("GeoReport v2: GET Service Request");
        g.MapGet("/v2/tokens/{token}.{format}", Token).WithSummary("GeoReport v2: GET service_request_id from a token (the tracking number)");
        g.Map("/{**rest}", Unknown).ExcludeFromDescription();
    }

    // ---- shared checks ----

    /// <summary>The arguments every method checks first: the format, jurisdiction_id, the api_key and the rate limit.</summary>
    private sealed record Prelude(Open311Format Format, KeyHolder? Key, Open311Response? Refusal);

    private static async Task<Prelude> Start(HttpContext http, string extension, string? jurisdiction, string? apiKey, bool keyRequired, string method)
    {
        if (O311.ParseFormat(extension) is not { } format) return new(Open311Format.Xml, null, O311.BadFormat(extension));
        var options = http.RequestServices.GetRequiredService<GridGovOptions>();
        if (!string.IsNullOrWhiteSpace(jurisdiction) && jurisdiction.Trim() != options.City)
            return new(format, null, O311.Errors(404, format, $"jurisdiction_id '{Short(jurisdiction)}' was not found: this endpoint serves {options.City} only."));
        var throttle = http.RequestServices.GetRequiredService<Open311Throttle>();
        KeyHolder? key = null;
        if (!string.IsNullOrWhiteSpace(apiKey))
        {
            key = await http.RequestServices.GetRequiredService<ApiKeys>().ResolveAsync(apiKey, http.RequestAborted);
            if (key is null)
                // Wrong keys count against the address, so guessing keys is rate-limited too.
                return new(format, null, throttle.Admit(http, null)
                    ? O311.Errors(403, format, $"Invalid api_key received -- can't proceed with {method}.")
                    : O311.TooMany(format));
        }
        else if (keyRequired)
            return new(format, null, throttle.Admit(http, null)
                ? O311.Errors(403, format, $"Missing api_key -- can't proceed with {method}. Keys are issued by the city or district administrators.")
                : O311.TooMany(format));
        if (!throttle.Admit(http, key)) return new(format, key, O311.TooMany(format));
        return new(format, key, null);
    }

    private static string? Query(HttpRequest r, string name) => r.Query.TryGetValue(name, out var v) ? v.ToString() : null;

    /// <summary>A parameter that "can be declared multiple times, comma delimited": every non-empty item.</summary>
    private static List<string> Items(HttpRequest r, string name) =>
        r.Query.TryGetValue(name, out var v)
            ? v.SelectMany(x => (x ?? "").Split(',')).Select(x => x.Trim()).Where(x => x.Length > 0).ToList()
            : [];

    private static string Short(string s) => s.Length <= 40 ? s : s[..40] + "…";

    private static Open311Response Ok(Open311Format format, O311Node root) => new(200, format, root);

    /// <summary>Minor categories offered to the public, in code order.</summary>
    private static Task<List<Category>> PublicServices(GridGovDb db, CancellationToken ct) =>
        db.Categories.AsNoTracking().Where(c => c.ParentCode != null && c.IsPublic && c.Active).OrderBy(c => c.Code).ToListAsync(ct);

    /// <summary>Categories whose cases the public may see (public ones, also those no longer taking reports).</summary>
    private static Task<List<string>> PublicCodes(GridGovDb db, CancellationToken ct) =>
        db.Categories.AsNoTracking().Where(c => c.ParentCode != null && c.IsPublic).Select(c => c.Code).ToListAsync(ct);

    // ---- discovery ----

    private static async Task<IResult> Discovery(string format, HttpContext http, GridGovDb db, GridGovOptions options,
        ServiceCatalog catalog, IHostEnvironment env, CancellationToken ct)
    {
        var p = await Start(http, format, Query(http.Request, "jurisdiction_id"), null, false, "discovery");
        if (p.Refusal is not null) return p.Refusal;
        var categoriesChanged = await db.Categories.AsNoTracking().MaxAsync(c => (DateTime?)c.UpdatedAt, ct) ?? DateTime.UnixEpoch;
        var changeset = W3cTime.Format(new[] { categoriesChanged, catalog.ChangedAt }.Max());
        var city = await db.Areas.AsNoTracking().Where(a => a.Code == options.City).Select(a => a.Name).FirstOrDefaultAsync(ct) ?? options.City;
        var r = http.Request;
        // Fields of https://wiki.open311.org/Service_Discovery ("All fields are required").
        return Ok(p.Format, O311.Obj("discovery",
            O311.Leaf("changeset", changeset),
            O311.Leaf("contact", $"{city}（{options.City}）网格化服务管理中心 — GridGov; jurisdiction_id {options.City}"),
            O311.Leaf("key_service", "API keys are issued by the city or district administrators (POST /api/open311/keys) for an API client account and an area. 密钥由市、区网格化服务管理中心管理员签发。"),
            new O311List("endpoints",
            [
                O311.Obj("endpoint",
                    O311.Leaf("specification", Specification),
                    O311.Leaf("url", $"{r.Scheme}://{r.Host}{r.PathBase}/open311/v2"),
                    O311.Leaf("changeset", changeset),
                    O311.Leaf("type", env.IsProduction() ? "production" : "test"),
                    new O311List("formats", [O311.Leaf("format", "text/xml"), O311.Leaf("format", "application/json")])),
            ])));
    }

    // ---- services ----

    private static async Task<IResult> Services(string format, HttpContext http, GridGovDb db, ServiceCatalog catalog, CancellationToken ct)
    {
        var p = await Start(http, format, Query(http.Request, "jurisdiction_id"), Query(http.Request, "api_key"), false, "services");
        if (p.Refusal is not null) return p.Refusal;
        var services = await PublicServices(db, ct);
        var majors = await db.Categories.AsNoTracking().Where(c => c.ParentCode == null).ToDictionaryAsync(c => c.Code, c => c.Name, ct);
        return Ok(p.Format, new O311List("services", services.Select(c =>
        {
            var extras = catalog.For(c.Code);
            var keywords = extras.Keywords.Concat(c.NameEn is null ? [] : [c.NameEn]).Distinct();
            return (O311Node)O311.Obj("service",
                O311.Leaf("service_code", c.Code),
                O311.Leaf("service_name", c.Name),
                O311.Leaf("description", ServiceDescription(c, extras)),
                O311.Leaf("metadata", extras.Attributes.Count > 0),
                O311.Leaf("type", "realtime"),
                O311.Leaf("keywords", string.Join(", ", keywords)),
                O311.Leaf("group", majors.GetValueOrDefault(c.ParentCode!)));
        }).ToList()));
    }

    private static string ServiceDescription(Category c, ServiceExtras extras) =>
        (extras.Description ?? (c.NameEn is null ? $"{c.Name}。" : $"{c.Name}（{c.NameEn}）。")) + $"办理时限：{RequestViews.ServiceNotice(c)}。";

    private static async Task<IResult> Definition(string code, string format, HttpContext http, GridGovDb db, ServiceCatalog catalog, CancellationToken ct)
    {
        var p = await Start(http, format, Query(http.Request, "jurisdiction_id"), Query(http.Request, "api_key"), false, "service definition");
        if (p.Refusal is not null) return p.Refusal;
        var service = await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code && c.ParentCode != null && c.IsPublic && c.Active, ct);
        if (service is null) return O311.Errors(404, p.Format, $"service_code '{Short(code)}' was not found (see GET /open311/v2/services.{format.ToLowerInvariant()}).");
        return Ok(p.Format, O311.Obj("service_definition",
            O311.Leaf("service_code", service.Code),
            new O311List("attributes", catalog.For(service.Code).Attributes.Select(a =>
            {
                var fields = new List<O311Node>
                {
                    O311.Leaf("variable", a.Variable),
                    O311.Leaf("code", a.Code),
                    O311.Leaf("datatype", a.Datatype),
                    O311.Leaf("required", a.Required),
                    O311.Leaf("datatype_description", a.DatatypeDescription),
                    O311.Leaf("order", a.Order),
                    O311.Leaf("description", a.Description),
                };
                if (a.IsList) fields.Add(new O311List("values", a.Values.Select(v => (O311Node)O311.Obj("value", O311.Leaf("key", v.Key), O311.Leaf("name", v.Name))).ToList()));
                return (O311Node)new O311Object("attribute", fields);
            }).ToList())));
    }

    // ---- POST requests ----

    [GeneratedRegex(@"<\s*/?\s*[A-Za-z!?][^>]*>")]
    private static partial Regex Html();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();

    private static async Task<IResult> Post(string format, HttpContext http, GridGovDb db, ServiceCatalog catalog, GridIndexHolder index,
        CaseEngine engine, CaseClock clock, CancellationToken ct)
    {
        if (O311.ParseFormat(format) is not { } fmt) return O311.BadFormat(format);
        // "POST Service Request: Content-Type: application/x-www-form-urlencoded; charset=utf-8"
        if (!http.Request.HasFormContentType)
            return O311.Errors(400, fmt, "Send the request as a form: Content-Type: application/x-www-form-urlencoded; charset=utf-8.");
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return O311.Errors(e is BadHttpRequestException { StatusCode: 413 } ? 413 : 400, fmt, "The form could not be read: it is malformed or too large.");
        }
        string? F(string name) => form.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;

        var p = await Start(http, format, F("jurisdiction_id") ?? Query(http.Request, "jurisdiction_id"),
            F("api_key") ?? Query(http.Request, "api_key"), true, "create_request");
        if (p.Refusal is not null) return p.Refusal;
        var key = p.Key!;

        var code = F("service_code");
        if (code is null) return O311.Errors(400, fmt, "service_code was not provided (see GET /open311/v2/services.xml).");
        var service = await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code && c.ParentCode != null && c.IsPublic && c.Active, ct);
        if (service is null) return O311.Errors(404, fmt, $"service_code '{Short(code)}' was not found (see GET /open311/v2/services.xml).");

        var errors = new List<string>();
        var answers = AttributeAnswers.Validate(service.Code, catalog.For(service.Code).Attributes, AttributeAnswers.Collect(form, errors), errors);

        var description = F("description");
        if (description is { Length: > CaseEngine.MaxDescription })
            errors.Add($"description is at most {CaseEngine.MaxDescription} characters here (the spec allows up to 4,000; our case record holds {CaseEngine.MaxDescription}).");
        else if (description is not null && Html().IsMatch(description))
            errors.Add("description may contain line breaks, but not HTML or code.");
        var media = F("media_url");
        if (media is not null && (media.Length > 500 || !Uri.TryCreate(media, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            errors.Add("media_url must be an absolute http or https URL of at most 500 characters.");

        var (reporterName, phone) = Contact(F, errors);

        // Location: "One of lat & long or address_string or address_id".
        var located = await Locate(F, db, key, errors, ct);

        var idempotency = http.Request.Headers["Idempotency-Key"].ToString().Trim();
        if (idempotency.Length > MaxIdempotencyKey) errors.Add($"The Idempotency-Key header is at most {MaxIdempotencyKey} characters.");
        if (errors.Count > 0) return O311.Errors(400, fmt, errors);

        var (lon, lat, locatedBy, addressText) = located!.Value;
        // The key files only inside its area (checked on the routed point, as the intake will route it).
        var routed = index.Current.Locate(lon, lat);
        if (!AreaCode.IsWithin(routed.RoutedTo, key.AreaCode))
            return O311.Errors(400, fmt, $"The location is outside the area of this api_key ({key.AreaCode}): it may only file requests there.");

        var text = RequestText.Compose(description, key.KeyName, media, locatedBy, answers);
        if (text.Length > CaseEngine.MaxDescription)
            return O311.Errors(400, fmt, $"description and attribute answers together are {text.Length} characters; at most {CaseEngine.MaxDescription}.");

        // File as the key's API client account, with exactly the key's area: the engine, its audit entries and the
        // case's reporter all see that account, whoever signed the request.
        var actor = new Actor(key.UserId, key.UserName, [new Grant(0, AppRole.ApiClient, key.AreaCode, null)], "open311",
            http.Connection.RemoteIpAddress?.ToString());
        var result = await engine.ReportAsync(actor, new NewCase(service.Code, text, lon, lat, "wgs84", addressText, Source, reporterName, phone,
            idempotency.Length > 0 ? idempotency : null), ct);
        switch (result)
        {
            case CaseOutcome.Created or CaseOutcome.Replayed:
                var filed = result.Summary!;
                var expected = filed.ResolveDueAt ?? clock.Deadline(filed.ReportedAt, service.ResolveHours ?? 72, service.WorkingHours);
                var notice = $"受理编号 {filed.TrackingNo}（可用 GET /open311/v2/tokens/{filed.TrackingNo}.xml 查询）。{RequestViews.ServiceNotice(service)}，预计 {W3cTime.Format(expected)} 前办结。";
                return Ok(fmt, new O311List("service_requests",
                [
                    O311.Obj("request",
                        O311.Leaf("service_request_id", filed.Id.ToString(CultureInfo.InvariantCulture)),
                        O311.Leaf("service_notice", notice),
                        O311.Leaf("account_id", F("account_id"))),
                ]));
            case CaseOutcome.Invalid invalid:
                return O311.Errors(400, fmt, Translate(invalid.Errors));
            case CaseOutcome.KeyReused reused:
                return O311.Errors(422, fmt, $"Idempotency-Key: '{reused.Key}' was already used for a different request ({reused.First.TrackingNo}); use a new key for a new request.");
            case CaseOutcome.NotFound missing:
                return O311.Errors(404, fmt, missing.Detail);
            default:
                return O311.Errors(400, fmt, CaseOutcomeText.Of(result) is { Length: > 0 } why ? why : "The request could not be filed.");
        }
    }

    /// <summary>The intake's field names in the words of the Open311 form.</summary>
    private static IEnumerable<string> Translate(IReadOnlyDictionary<string, string[]> errors) => errors.SelectMany(e =>
    {
        var field = e.Key switch
        {
            "categoryCode" => "service_code",
            "lon" => "long",
            "lat" => "lat",
            "addressText" => "address_string",
            "reporterName" => "first_name/last_name",
            "reporterPhone" => "phone",
            "idempotencyKey" => "Idempotency-Key",
            _ => e.Key,
        };
        return e.Value.Select(m => $"{field}: {m}");
    });

    private static (string? Name, string? Phone) Contact(Func<string, string?> f, List<string> errors)
    {
        var first = f("first_name");
        var last = f("last_name");
        foreach (var (field, value) in new[] { ("first_name", first), ("last_name", last) })
            if (value is { Length: > 25 } || value?.IndexOfAny(['\r', '\n']) >= 0) errors.Add($"{field} is one line of at most 25 characters.");
        // Chinese names are family name first, without a space.
        string? name = (first, last) switch
        {
            (null, null) => null,
            ({ } a, null) => a,
            (null, { } b) => b,
            ({ } a, { } b) when (a + b).Any(ch => ch >= '\u3400' && ch <= '\u9fff') => b + a,
            ({ } a, { } b) => $"{a} {b}",
        };
        var phone = f("phone");
        if (phone is not null)
        {
            if (PersonalNumbers.NormalizeMobile(phone) is { } digits) phone = digits;
            else errors.Add("phone must be a mainland mobile number (11 digits, e.g. 13800138000; +86 allowed): we call or text back on it.");
        }
        if (f("email") is { } email && (email.Length > 100 || !Email().IsMatch(email))) errors.Add("email must be an e-mail address of at most 100 characters.");
        foreach (var field in new[] { "device_id", "account_id" })
            if (f(field) is { Length: > 100 }) errors.Add($"{field} is at most 100 characters.");
        return (name, phone);
    }

    /// <summary>
    /// lat & long (WGS-84) first; else address_id, a code of our area tree (a community or grid); else
    /// address_string, matched against the names of the communities and grids of the key's area (the most specific
    /// name contained in the text wins). An address gives that area's representative point, noted as approximate.
    /// </summary>
    private static async Task<(double Lon, double Lat, string? LocatedBy, string? AddressText)?> Locate(
        Func<string, string?> f, GridGovDb db, KeyHolder key, List<string> errors, CancellationToken ct)
    {
        var (latText, longText) = (f("lat"), f("long"));
        var addressString = f("address_string");
        var addressId = f("address_id");
        if (latText is not null || longText is not null)
        {
            if (latText is null || longText is null)
            {
                errors.Add("lat and long must both be sent.");
                return null;
            }
            if (!double.TryParse(latText, NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                || !double.TryParse(longText, NumberStyles.Float, CultureInfo.InvariantCulture, out var lon))
            {
                errors.Add("lat and long must be decimal degrees (WGS-84), e.g. lat=30.6574&long=104.0832.");
                return null;
            }
            if (CoordinateCheck.Check(lon, lat) is { } problem)
            {
                errors.Add($"{(problem.Field == "lon" ? "long" : problem.Field)}: {problem.Message} {problem.Hint}".Trim());
                return null;
            }
            return (lon, lat, null, addressString);
        }
        Area? area = null;
        string? how = null;
        if (addressId is not null)
        {
            area = AreaCode.IsWellFormed(addressId) && addressId.Length >= AreaCode.CommunityLength
                ? await db.Areas.AsNoTracking().FirstOrDefaultAsync(a => a.Code == addressId, ct) : null;
            if (area is null)
            {
                errors.Add($"address_id '{Short(addressId)}' is not a known community or grid code (12 to 16 digits, e.g. 510104017001).");
                return null;
            }
            how = $"按 address_id 定位到 {area.Name}（{area.Code}）的代表点，位置为近似";
        }
        else if (addressString is not null)
        {
            area = await GridGov.Web.Features.Locate.AddressLocator.MatchNameAsync(db, addressString, key.AreaCode, ct);
            if (area is null)
            {
                errors.Add("address_string names no community or grid of this api_key's area, so it cannot be located: send lat & long, or address_id, or include the community's name (e.g. 水井坊社区).");
                return null;
            }
            how = $"按地址文字匹配到 {area.Name}（{area.Code}）的代表点，位置为近似";
        }
        else
        {
            errors.Add("A location is required: lat & long, or address_string, or address_id.");
            return null;
        }
        if (GridGov.Web.Features.Locate.AddressLocator.RepresentativePoint(area) is not { } point)
        {
            errors.Add($"{area.Code} has no boundary to place the request on: send lat & long.");
            return null;
        }
        return (point.Lon, point.Lat, how, addressString ?? area.Name);
    }

    // ---- GET requests ----

    private static async Task<IResult> List(string format, HttpContext http, GridGovDb db, RequestViews views, CaseClock clock, CancellationToken ct)
    {
        var r = http.Request;
        var p = await Start(http, format, Query(r, "jurisdiction_id"), Query(r, "api_key"), false, "get_requests");
        if (p.Refusal is not null) return p.Refusal;
        var publicCodes = await PublicCodes(db, ct);
        // Flagged points (routing could not place them) stay out of public lists until a person has placed them.
        var q = db.Cases.AsNoTracking().Where(c => publicCodes.Contains(c.CategoryCode) && !c.LocationFlagged);
        var errors = new List<string>();
        var idItems = Items(r, "service_request_id");
        if (idItems.Count > 0)
        {
            // "This overrides all other arguments."
            var ids = new List<long>();
            foreach (var item in idItems)
                if (long.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0) ids.Add(id);
                else errors.Add($"service_request_id '{Short(item)}' is not a request id (comma-separated numbers).");
            if (ids.Count > MaxRequests) errors.Add($"At most {MaxRequests} service_request_id values at once.");
            if (errors.Count > 0) return O311.Errors(400, p.Format, errors);
            q = q.Where(c => ids.Contains(c.Id));
        }
        else
        {
            var codes = Items(r, "service_code");
            var unknown = codes.Where(c => !publicCodes.Contains(c)).ToList();
            if (unknown.Count > 0) errors.Add($"service_code '{Short(unknown[0])}' is not a service (see GET /open311/v2/services.xml).");
            var statuses = Items(r, "status").Select(s => s.ToLowerInvariant()).Distinct().ToList();
            if (statuses.Any(s => s is not ("open" or "closed"))) errors.Add("status is open or closed (several: status=open,closed).");
            var start = Date(r, "start_date", errors);
            var end = Date(r, "end_date", errors);
            if (errors.Count > 0) return O311.Errors(400, p.Format, errors);
            var now = clock.Now;
            // "When not specified, the range defaults to most recent 90 days"; a range "may not span more than 90 days".
            var (from, to) = (start, end) switch
            {
                ({ } s, { } e) => (s, e),
                ({ } s, null) => (s, s + MaxSpan),
                (null, { } e) => (e - MaxSpan, e),
                _ => (now - MaxSpan, now),
            };
            if (to < from) return O311.Errors(400, p.Format, "end_date is before start_date.");
            if (to - from > MaxSpan) return O311.Errors(400, p.Format, "start_date and end_date may not span more than 90 days.");
            q = q.Where(c => c.ReportedAt >= from && c.ReportedAt <= to);
            if (codes.Count > 0) q = q.Where(c => codes.Contains(c.CategoryCode));
            if (statuses.Count == 1)
            {
                var closed = RequestViews.ClosedStatuses;
                q = statuses[0] == "closed" ? q.Where(c => closed.Contains(c.Status)) : q.Where(c => !closed.Contains(c.Status));
            }
        }
        var cases = await q.OrderByDescending(c => c.ReportedAt).ThenByDescending(c => c.Id).Take(MaxRequests).ToListAsync(ct);
        return Ok(p.Format, new O311List("service_requests", await views.BuildAsync(cases, p.Key, ct)));
    }

    private static DateTime? Date(HttpRequest r, string name, List<string> errors)
    {
        var text = Query(r, name);
        if (string.IsNullOrWhiteSpace(text)) return null;
        var at = W3cTime.Parse(text, requireZone: true, out var problem);
        if (at is null) errors.Add($"{name} '{Short(text)}' {problem}.");
        return at?.UtcDateTime;
    }

    private static async Task<IResult> One(string id, string format, HttpContext http, GridGovDb db, RequestViews views, CancellationToken ct)
    {
        var p = await Start(http, format, Query(http.Request, "jurisdiction_id"), Query(http.Request, "api_key"), false, "get_request");
        if (p.Refusal is not null) return p.Refusal;
        var publicCodes = await PublicCodes(db, ct);
        var found = long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var caseId)
            ? await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId && publicCodes.Contains(c.CategoryCode), ct) : null;
        if (found is null) return O311.Errors(404, p.Format, $"service_request_id '{Short(id)}' was not found.");
        return Ok(p.Format, new O311List("service_requests", await views.BuildAsync([found], p.Key, ct)));
    }

    /// <summary>
    /// Our services are realtime (POST answers with the service_request_id), so no request waits on a token; the
    /// token resource resolves the tracking number (受理编号) a reporter is given on every channel to the request id.
    /// </summary>
    private static async Task<IResult> Token(string token, string format, HttpContext http, GridGovDb db, CancellationToken ct)
    {
        var p = await Start(http, format, Query(http.Request, "jurisdiction_id"), Query(http.Request, "api_key"), false, "get_token");
        if (p.Refusal is not null) return p.Refusal;
        var publicCodes = await PublicCodes(db, ct);
        var id = token.Length <= 20
            ? await db.Cases.AsNoTracking().Where(c => c.TrackingNo == token && publicCodes.Contains(c.CategoryCode)).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct)
            : null;
        if (id is null) return O311.Errors(404, p.Format, $"token '{Short(token)}' was not found.");
        return Ok(p.Format, new O311List("service_requests",
        [
            O311.Obj("request", O311.Leaf("service_request_id", id.Value.ToString(CultureInfo.InvariantCulture)), O311.Leaf("token", token)),
        ]));
    }

    [GeneratedRegex(@"^/open311/(v2/)?(discovery|services|requests|tokens)(/[^/]+)?\.[A-Za-z0-9]+$")]
    private static partial Regex KnownResource();

    /// <summary>Everything else under /open311 answers in the spec's error format too.</summary>
    private static IResult Unknown(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        var format = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? Open311Format.Json : Open311Format.Xml;
        return KnownResource().IsMatch(path)
            ? O311.Errors(400, format, $"The URL request is invalid: {http.Request.Method} is not a method of {path}.")
            : O311.Errors(404, format, $"No Open311 resource at {path}: see /open311/discovery.xml (resources end in .xml or .json).");
    }
}
