using GridGov.Domain.Calendar;

namespace GridGov.Web.Hosting;

/// <summary>
/// The live working calendar: the shipped data/calendar/*.json years, overridden by years edited in the app
/// (calendar_years). Replaced as a whole when an administrator saves a year, like the routing index.
/// </summary>
public sealed class CalendarHolder(WorkingCalendar initial)
{
    private WorkingCalendar _current = initial;

    public WorkingCalendar Current => Volatile.Read(ref _current);

    public void Swap(WorkingCalendar next) => Volatile.Write(ref _current, next);
}

public static class CalendarLoader
{
    public static IReadOnlyList<CalendarYear> Files(string folder) => Directory.Exists(folder)
        ? Directory.GetFiles(folder, "*.json").Order().Select(f => WorkingCalendar.ParseYear(File.ReadAllText(f))).ToList()
        : [];

    /// <summary>File years, with edited years replacing the file of the same year.</summary>
    public static WorkingCalendar Build(IEnumerable<CalendarYear> files, IEnumerable<CalendarYear> edited, ILogger log)
    {
        var byYear = files.ToDictionary(y => y.Year);
        foreach (var y in edited) byYear[y.Year] = y;
        foreach (var y in byYear.Values.Where(y => y.Provisional))
            log.LogWarning("Working calendar {Year} is provisional (statutory holidays only, no make-up workdays) until the official notice is loaded", y.Year);
        if (byYear.Count == 0) log.LogWarning("No working calendar: weekdays count as workdays");
        return new WorkingCalendar(byYear.Values.OrderBy(y => y.Year));
    }

    public static WorkingCalendar Load(string folder, ILogger log) => Build(Files(folder), [], log);
}
