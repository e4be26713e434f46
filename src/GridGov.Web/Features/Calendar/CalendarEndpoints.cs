using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Domain.Calendar;
using GridGov.Domain.Security;
using GridGov.Web.Hosting;
using GridGov.Web.Hosting.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Calendar;

public sealed record CalendarYearDto(int Year, string Source, bool Provisional, string? Note, bool Edited,
    IReadOnlyList<HolidayArrangement> Holidays, int Workdays);

/// <summary>The working calendar that time limits run on: read by all staff, a year replaced by administrators.</summary>
public static class CalendarEndpoints
{
    public static void MapCalendar(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/calendar").WithTags("Calendar");
        g.MapGet("/", List).RequireAuthorization().WithSummary("Every calendar year in force: holidays, make-up workdays, source, provisional or official");
        g.MapPut("/{year:int}", (int year, HttpContext http, GridGovDb db, CalendarHolder holder, GridGovOptions options, Caller caller, ILogger<CalendarHolder> log, CancellationToken ct) =>
            SaveAsync(year, http.Request.Body, db, holder, options, caller, log, ct))
            .RequirePermission(Permission.CategoriesWrite).Accepts<object>("application/json")
            .WithSummary("Replace one year with the official notice (JSON as in data/calendar/cn-2026.json)");
    }

    internal static async Task<IResult> List(GridGovDb db, CalendarHolder holder, CancellationToken ct)
    {
        var edited = await db.CalendarYears.AsNoTracking().Select(y => y.Year).ToListAsync(ct);
        var cal = holder.Current;
        return Results.Ok(cal.Years.Select(y => new CalendarYearDto(y.Year, y.Source, y.Provisional, y.Note, edited.Contains(y.Year), y.Holidays,
            Enumerable.Range(0, DateTime.IsLeapYear(y.Year) ? 366 : 365).Count(d => cal.IsWorkday(new DateOnly(y.Year, 1, 1).AddDays(d))))).ToList());
    }

    internal static async Task<IResult> SaveAsync(int year, Stream body, GridGovDb db, CalendarHolder holder, GridGovOptions options,
        Caller caller, ILogger log, CancellationToken ct)
    {
        using var reader = new StreamReader(body);
        var json = await reader.ReadToEndAsync(ct);
        return await SaveJsonAsync(year, json, db, holder, options, caller, log, ct);
    }

    internal static async Task<IResult> SaveJsonAsync(int year, string json, GridGovDb db, CalendarHolder holder, GridGovOptions options,
        Caller caller, ILogger log, CancellationToken ct)
    {
        if (year is < 2000 or > 2100) return Problems.Invalid("year", "year is between 2000 and 2100.");
        if (json.Length > 200_000) return Problems.Invalid("json", "A calendar year is at most 200 KB of JSON.");
        CalendarYear parsed;
        try
        {
            parsed = WorkingCalendar.ParseYear(json);
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            return Problems.Invalid("json", $"Not a calendar year: {e.Message}");
        }
        if (parsed.Year != year) return Problems.Invalid("json", $"The JSON describes {parsed.Year}, not {year}.");
        var row = await db.CalendarYears.FirstOrDefaultAsync(y => y.Year == year, ct);
        if (row is null) db.CalendarYears.Add(new CalendarYearRow { Year = year, Json = json, UpdatedAt = DateTime.UtcNow, UpdatedBy = caller.Name });
        else { row.Json = json; row.UpdatedAt = DateTime.UtcNow; }
        await db.SaveChangesAsync(ct);
        await ReloadAsync(db, holder, options, log, ct);
        return Results.Ok(new { year, holidays = parsed.Holidays.Count, parsed.Provisional });
    }

    /// <summary>Rebuilds the live calendar from the files and the edited years (at start-up and after each save).</summary>
    public static async Task ReloadAsync(GridGovDb db, CalendarHolder holder, GridGovOptions options, ILogger log, CancellationToken ct)
    {
        var edited = (await db.CalendarYears.AsNoTracking().ToListAsync(ct)).Select(r => WorkingCalendar.ParseYear(r.Json));
        holder.Swap(CalendarLoader.Build(CalendarLoader.Files(DataPaths.Folder(options, "calendar")), edited, log));
    }
}
