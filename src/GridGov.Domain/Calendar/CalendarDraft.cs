using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GridGov.Domain.Calendar;

/// <summary>One holiday as a form gives it: the first and last day off, and up to a few make-up workdays (text as typed).</summary>
public sealed record HolidayDraft(string? Name, string? From, string? To, IReadOnlyList<string?> Workdays)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(From) && string.IsNullOrWhiteSpace(To)
        && Workdays.All(string.IsNullOrWhiteSpace);
}

/// <summary>What is wrong with a draft: the field, and the holiday row (0-based) or null for the year's own fields.</summary>
public sealed record CalendarDraftError(int? Row, string Field, CalendarDraftProblem Problem);

public enum CalendarDraftProblem { Missing, NotADate, OutOfRange, EndBeforeStart, TooLong, WorkdayIsOff, NoHoliday, TooLongText }

/// <summary>
/// A year's arrangement as an administrator fills it in, row by row (the State Council notice names each holiday with
/// a first and last day off and its make-up workdays). <see cref="Check"/> names every problem by row and field, so a
/// page can show each beside what was typed; a draft without problems becomes a <see cref="CalendarYear"/> and its
/// JSON, the same shape the files in data/calendar have.
/// </summary>
public sealed record CalendarDraft(int? Year, string? Source, bool Provisional, string? Note, IReadOnlyList<HolidayDraft> Holidays)
{
    public const int MaxDaysOff = 15;
    public const int MaxText = 500;

    public IReadOnlyList<CalendarDraftError> Check() => Build().Errors;

    /// <summary>The year, or null with the problems.</summary>
    public (CalendarYear? Year, IReadOnlyList<CalendarDraftError> Errors) Build()
    {
        var errors = new List<CalendarDraftError>();
        if (Year is not (>= 2000 and <= 2100)) errors.Add(new(null, "year", Year is null ? CalendarDraftProblem.Missing : CalendarDraftProblem.OutOfRange));
        if (string.IsNullOrWhiteSpace(Source)) errors.Add(new(null, "source", CalendarDraftProblem.Missing));
        else if (Source.Length > MaxText) errors.Add(new(null, "source", CalendarDraftProblem.TooLongText));
        if (Note is { Length: > MaxText }) errors.Add(new(null, "note", CalendarDraftProblem.TooLongText));
        var year = Year ?? 0;
        var rows = new List<(int Row, string Name, List<DateOnly> Off, List<(DateOnly Day, string Field)> Workdays)>();
        for (var i = 0; i < Holidays.Count; i++)
        {
            var h = Holidays[i];
            if (h.IsEmpty) continue;
            if (string.IsNullOrWhiteSpace(h.Name)) errors.Add(new(i, "name", CalendarDraftProblem.Missing));
            else if (h.Name.Trim().Length > 20) errors.Add(new(i, "name", CalendarDraftProblem.TooLongText));
            var from = Day(h.From, i, "from", year, errors);
            var to = Day(h.To, i, "to", year, errors);
            var rangeOk = false;
            if (from is { } f && to is { } t)
            {
                if (t < f) errors.Add(new(i, "to", CalendarDraftProblem.EndBeforeStart));
                else if (t.DayNumber - f.DayNumber + 1 > MaxDaysOff) errors.Add(new(i, "to", CalendarDraftProblem.TooLong));
                else rangeOk = true;
            }
            var workdays = new List<(DateOnly, string)>();
            for (var w = 0; w < h.Workdays.Count; w++)
            {
                var field = $"workday{w + 1}";
                if (!string.IsNullOrWhiteSpace(h.Workdays[w]) && Day(h.Workdays[w], i, field, year, errors) is { } d) workdays.Add((d, field));
            }
            // Rows with a valid range take part in the cross-row check even if another field is wrong, so that every
            // problem shows at once; Build returns nothing while any error remains.
            if (!rangeOk) continue;
            rows.Add((i, h.Name?.Trim() ?? "", Enumerable.Range(0, to!.Value.DayNumber - from!.Value.DayNumber + 1).Select(from.Value.AddDays).ToList(), workdays));
        }
        // A day cannot be both a day off (of any holiday) and a make-up workday.
        var allOff = rows.SelectMany(r => r.Off).ToHashSet();
        foreach (var r in rows)
            foreach (var (day, field) in r.Workdays.Where(w => allOff.Contains(w.Day)))
                errors.Add(new(r.Row, field, CalendarDraftProblem.WorkdayIsOff));
        var holidays = rows.Select(r => new HolidayArrangement(r.Name, r.Off, r.Workdays.Select(w => w.Day).Distinct().ToList())).ToList();
        if (Holidays.All(h => h.IsEmpty)) errors.Add(new(null, "holidays", CalendarDraftProblem.NoHoliday));
        if (errors.Count > 0) return (null, errors);
        return (new CalendarYear(year, Source!.Trim(), Provisional, string.IsNullOrWhiteSpace(Note) ? null : Note.Trim(), holidays), errors);
    }

    /// <summary>A year as a draft with <paramref name="rows"/> rows (the holidays first, then empty rows to fill).</summary>
    public static CalendarDraft From(CalendarYear year, int rows, int workdaysPerRow) => new(year.Year, year.Source, year.Provisional, year.Note,
        year.Holidays.Select(h => new HolidayDraft(h.Name, Iso(h.Off.Min()), Iso(h.Off.Max()),
                Enumerable.Range(0, Math.Max(workdaysPerRow, h.Workdays.Count)).Select(w => w < h.Workdays.Count ? Iso(h.Workdays[w]) : null).ToList()))
            .Concat(Enumerable.Range(0, Math.Max(0, rows - year.Holidays.Count)).Select(_ => Empty(workdaysPerRow)))
            .ToList());

    public static HolidayDraft Empty(int workdaysPerRow) => new(null, null, null, Enumerable.Repeat<string?>(null, workdaysPerRow).ToList());

    /// <summary>The JSON of a year, in the shape <see cref="CalendarYear.Parse(string)"/> reads.</summary>
    public static string ToJson(CalendarYear year)
    {
        var root = new JsonObject
        {
            ["year"] = year.Year,
            ["source"] = year.Source,
            ["provisional"] = year.Provisional,
        };
        if (year.Note is not null) root["note"] = year.Note;
        root["holidays"] = new JsonArray(year.Holidays.Select(h => (JsonNode)new JsonObject
        {
            ["name"] = h.Name,
            ["off"] = new JsonArray(h.Off.Select(d => (JsonNode)JsonValue.Create(Iso(d))!).ToArray()),
            ["workdays"] = new JsonArray(h.Workdays.Select(d => (JsonNode)JsonValue.Create(Iso(d))!).ToArray()),
        }).ToArray());
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? Day(string? text, int row, string field, int year, List<CalendarDraftError> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) { errors.Add(new(row, field, CalendarDraftProblem.Missing)); return null; }
        if (Parse(text) is not { } d) { errors.Add(new(row, field, CalendarDraftProblem.NotADate)); return null; }
        if (year != 0 && Math.Abs(d.Year - year) > 1) { errors.Add(new(row, field, CalendarDraftProblem.OutOfRange)); return null; }
        return d;
    }

    /// <summary>yyyy-MM-dd (what a date box sends), also with slashes or as 2026年2月15日.</summary>
    private static DateOnly? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim().Replace('/', '-').Replace('年', '-').Replace('月', '-').TrimEnd('日');
        return DateOnly.TryParseExact(t, ["yyyy-M-d", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }
}
