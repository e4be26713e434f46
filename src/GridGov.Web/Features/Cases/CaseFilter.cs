using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Domain.Areas;
using GridGov.Domain.Cases;
using GridGov.Domain.Security;
using GridGov.Web.Hosting.Security;

namespace GridGov.Web.Features.Cases;

/// <summary>The filters shared by the case list and its exports, parsed once with field-level errors.</summary>
public sealed record CaseFilter(
    string? Area, IReadOnlyList<CaseStatus>? Statuses, string? Category, long? Assignee, string? Department,
    string? Colour, string? Source, DateTime? From, DateTime? To)
{
    public static (CaseFilter? Filter, Dictionary<string, string[]> Errors) Parse(HttpRequest request, Caller caller)
    {
        var query = request.Query;
        // An empty box of the list's form means "any": only a value given is checked.
        string? Opt(string key) => query[key].ToString().Trim() is { Length: > 0 } v ? v : null;
        var errors = new Dictionary<string, string[]>();
        string? area = Opt("area");
        if (area is not null && !AreaCode.IsWellFormed(area)) errors["area"] = ["area is an area code."];
        List<CaseStatus>? statuses = null;
        if (Opt("status") is { } s)
        {
            statuses = [];
            foreach (var part in s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                if (CaseNames.ParseStatus(part) is { } st) statuses.Add(st);
                else errors["status"] = [$"'{part}' is not a status: {string.Join(", ", Enum.GetValues<CaseStatus>().Select(x => x.Wire()))}."];
        }
        string? category = Opt("category");
        if (category is not null && (category.Length is not (2 or 4) || !category.All(char.IsAsciiDigit))) errors["category"] = ["category is a 2-digit major or 4-digit minor code."];
        long? assignee = null;
        if (Opt("assignee") is { } a)
        {
            if (a == "me") assignee = caller.UserId;
            else if (long.TryParse(a, out var id)) assignee = id;
            else errors["assignee"] = ["assignee is a user id or 'me'."];
        }
        string? colour = Opt("colour");
        if (colour is not (null or "green" or "yellow" or "red")) errors["colour"] = ["colour is green, yellow or red."];
        string? source = Opt("source");
        if (source is not null && !CaseMapping.Sources.Contains(source)) errors["source"] = [$"source is one of {string.Join(", ", CaseMapping.Sources)}."];
        DateTime? from = null, to = null;
        if (Opt("from") is { } f)
        {
            if (DateTimeOffset.TryParse(f, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var v)) from = v.UtcDateTime;
            else errors["from"] = ["from is an ISO-8601 date or time."];
        }
        if (Opt("to") is { } t)
        {
            if (DateTimeOffset.TryParse(t, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var v)) to = v.UtcDateTime;
            else errors["to"] = ["to is an ISO-8601 date or time."];
        }
        if (from > to) errors["to"] = ["to is before from."];
        return errors.Count > 0 ? (null, errors)
            : (new CaseFilter(area, statuses, category, assignee, Opt("department"), colour, source, from, to), errors);
    }

    public IQueryable<Case> Apply(IQueryable<Case> cases, Caller caller, DateTime now)
    {
        if (Area is not null) cases = cases.WithinAny(c => c.AreaCode, [Area]);
        if (Statuses is { Count: > 0 }) cases = cases.Where(c => Statuses.Contains(c.Status));
        if (Category is { Length: 4 }) cases = cases.Where(c => c.CategoryCode == Category);
        else if (Category is { Length: 2 }) cases = cases.WithinAny(c => c.CategoryCode, [Category]);
        if (Assignee is not null) cases = cases.Where(c => c.AssigneeUserId == Assignee);
        if (Department is not null) cases = cases.Where(c => c.AssigneeDepartment == Department);
        if (Source is not null) cases = cases.Where(c => c.Source == Source);
        if (From is not null) cases = cases.Where(c => c.ReportedAt >= From);
        if (To is not null) cases = cases.Where(c => c.ReportedAt < To);
        var open = CaseStateMachine.ClockRunning;
        cases = Colour switch
        {
            "red" => cases.Where(c => open.Contains(c.Status) && c.ResolveDueAt < now),
            "yellow" => cases.Where(c => open.Contains(c.Status) && c.YellowAt <= now && c.ResolveDueAt >= now),
            "green" => cases.Where(c => open.Contains(c.Status) && c.YellowAt > now),
            _ => cases,
        };
        return cases;
    }
}
