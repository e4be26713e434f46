using System.Globalization;
using System.Text.Json;

namespace GridGov.Domain.Calendar;

/// <summary>
/// One year's public-holiday arrangement, as published by the State Council General Office
/// (国务院办公厅关于…年部分节假日安排的通知), read from a file such as <c>data/calendar/cn-2026.json</c>.
/// </summary>
/// <param name="Year">The year the notice is for. Its dates may spill into the neighbouring years (a 元旦 arrangement
/// can start on 31 December or put a make-up workday in late December).</param>
/// <param name="Source">Where the dates come from (notice title, date, address).</param>
/// <param name="Provisional">True when the file is not the official notice (e.g. statutory days only, before the
/// notice is published): callers should warn.</param>
/// <param name="Note">Free text explaining a provisional file, or null.</param>
/// <param name="Holidays">The holidays in the order of the notice.</param>
public sealed record CalendarYear(
    int Year, string Source, bool Provisional, string? Note, IReadOnlyList<HolidayArrangement> Holidays)
{
    /// <summary>Every day off (放假) of every holiday, in file order, without duplicates.</summary>
    public IEnumerable<DateOnly> OffDays => Holidays.SelectMany(h => h.Off).Distinct();

    /// <summary>Every make-up working day (调休上班), in file order, without duplicates.</summary>
    public IEnumerable<DateOnly> MakeUpWorkdays => Holidays.SelectMany(h => h.Workdays).Distinct();

    /// <summary>
    /// Parses the JSON shape
    /// <c>{"year":2026,"source":"…","provisional":false,"note":"…","holidays":[{"name":"春节","off":["2026-02-15",…],"workdays":["2026-02-14",…]}]}</c>.
    /// <c>provisional</c>, <c>note</c> and <c>workdays</c> are optional; unknown properties are ignored; comments and
    /// trailing commas are allowed. Dates are <c>yyyy-MM-dd</c> and must lie in the year or the one either side of it.
    /// </summary>
    /// <exception cref="FormatException">The text is not valid JSON or not of that shape, or a day is both off and a
    /// make-up workday.</exception>
    public static CalendarYear Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
        }
        catch (JsonException e)
        {
            throw new FormatException($"Calendar year file is not valid JSON: {e.Message}", e);
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new FormatException("Calendar year file must be a JSON object.");

            if (!root.TryGetProperty("year", out var yearEl) || !yearEl.TryGetInt32(out var year) || year is < 2 or > 9998)
                throw new FormatException("Calendar year file needs an integer \"year\" (2..9998).");

            var source = RequiredString(root, "source", $"year {year}");
            var provisional = false;
            if (root.TryGetProperty("provisional", out var provEl))
            {
                if (provEl.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    throw new FormatException($"Calendar year {year}: \"provisional\" must be true or false.");
                provisional = provEl.GetBoolean();
            }

            string? note = null;
            if (root.TryGetProperty("note", out var noteEl) && noteEl.ValueKind != JsonValueKind.Null)
            {
                if (noteEl.ValueKind != JsonValueKind.String) throw new FormatException($"Calendar year {year}: \"note\" must be a string.");
                note = noteEl.GetString();
            }

            if (!root.TryGetProperty("holidays", out var holidaysEl) || holidaysEl.ValueKind != JsonValueKind.Array)
                throw new FormatException($"Calendar year {year}: \"holidays\" must be an array.");

            var holidays = new List<HolidayArrangement>();
            var off = new Dictionary<DateOnly, string>();
            var work = new Dictionary<DateOnly, string>();
            foreach (var h in holidaysEl.EnumerateArray())
            {
                if (h.ValueKind != JsonValueKind.Object) throw new FormatException($"Calendar year {year}: each holiday must be an object.");
                var name = RequiredString(h, "name", $"year {year}, a holiday");
                var where = $"year {year}, {name}";
                var offDays = Dates(h, "off", year, where, required: true);
                if (offDays.Count == 0) throw new FormatException($"Calendar {where}: \"off\" lists no day.");
                var workdays = Dates(h, "workdays", year, where, required: false);
                foreach (var d in offDays) off.TryAdd(d, name);
                foreach (var d in workdays) work.TryAdd(d, name);
                holidays.Add(new HolidayArrangement(name, offDays, workdays));
            }

            foreach (var (day, name) in work)
            {
                if (off.TryGetValue(day, out var offName))
                    throw new FormatException(
                        $"Calendar year {year}: {day:yyyy-MM-dd} is both a day off ({offName}) and a make-up workday ({name}).");
            }

            return new CalendarYear(year, source, provisional, note, holidays);
        }
    }

    /// <summary>Reads the whole of <paramref name="reader"/> (the caller owns it) and parses it as <see cref="Parse(string)"/>.</summary>
    public static CalendarYear Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Parse(reader.ReadToEnd());
    }

    private static string RequiredString(JsonElement obj, string property, string where)
    {
        if (!obj.TryGetProperty(property, out var el) || el.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(el.GetString()))
            throw new FormatException($"Calendar {where}: \"{property}\" must be a non-empty string.");
        return el.GetString()!;
    }

    private static List<DateOnly> Dates(JsonElement obj, string property, int year, string where, bool required)
    {
        var list = new List<DateOnly>();
        if (!obj.TryGetProperty(property, out var el) || el.ValueKind == JsonValueKind.Null)
        {
            if (required) throw new FormatException($"Calendar {where}: \"{property}\" is missing.");
            return list;
        }
        if (el.ValueKind != JsonValueKind.Array) throw new FormatException($"Calendar {where}: \"{property}\" must be an array of dates.");
        foreach (var item in el.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String
                || !DateOnly.TryParseExact(item.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                throw new FormatException($"Calendar {where}: \"{property}\" holds {item.GetRawText()}, not a yyyy-MM-dd date.");
            if (Math.Abs(day.Year - year) > 1)
                throw new FormatException($"Calendar {where}: {day:yyyy-MM-dd} is too far from {year}.");
            if (!list.Contains(day)) list.Add(day);
        }
        return list;
    }
}

/// <summary>One holiday of a notice: its days off (放假, weekends inside the block included) and its make-up
/// working days (调休上班, usually a Saturday or Sunday).</summary>
public sealed record HolidayArrangement(string Name, IReadOnlyList<DateOnly> Off, IReadOnlyList<DateOnly> Workdays);
