using GridGov.Domain.Calendar;

namespace GridGov.Web.Hosting;

/// <summary>Loads every data/calendar/*.json year file into the working calendar, warning about provisional years.</summary>
public static class CalendarLoader
{
    public static WorkingCalendar Load(string folder, ILogger log)
    {
        var years = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.json").Order().Select(f => WorkingCalendar.ParseYear(File.ReadAllText(f))).ToList()
            : [];
        foreach (var y in years.Where(y => y.Provisional))
            log.LogWarning("Working calendar {Year} is provisional (statutory holidays only, no make-up workdays) until the official notice is loaded", y.Year);
        if (years.Count == 0) log.LogWarning("No working calendar in {Folder}: weekdays count as workdays", folder);
        return new WorkingCalendar(years);
    }
}
