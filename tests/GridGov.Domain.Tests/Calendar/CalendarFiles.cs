using GridGov.Domain.Calendar;

namespace GridGov.Domain.Tests.Calendar;

/// <summary>The committed year files under data/calendar and a calendar built from them (office hours).</summary>
internal static class CalendarFiles
{
    private static readonly Lazy<string> Dir = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GridGov.slnx"))) return Path.Combine(dir.FullName, "data", "calendar");
        throw new InvalidOperationException($"GridGov.slnx not found above {AppContext.BaseDirectory}");
    });

    private static readonly Lazy<CalendarYear> Y2026 = new(() => Read(2026));
    private static readonly Lazy<CalendarYear> Y2027 = new(() => Read(2027));
    private static readonly Lazy<WorkingCalendar> Cal = new(() => new WorkingCalendar([Y2026.Value, Y2027.Value]));

    public static string Text(int year) => File.ReadAllText(Path.Combine(Dir.Value, $"cn-{year}.json"));

    public static CalendarYear Year2026 => Y2026.Value;
    public static CalendarYear Year2027 => Y2027.Value;

    /// <summary>2026 (official) + 2027 (provisional), office hours 09:00–12:00, 13:30–17:30.</summary>
    public static WorkingCalendar China => Cal.Value;

    private static CalendarYear Read(int year)
    {
        using var reader = new StringReader(Text(year));
        return WorkingCalendar.ParseYear(reader);
    }

    /// <summary>A China-time instant.</summary>
    public static DateTimeOffset Cst(int y, int mo, int d, int h, int mi = 0) => new(y, mo, d, h, mi, 0, TimeSpan.FromHours(8));

    public static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");
}
