namespace GridGov.Domain.Calendar;

/// <summary>
/// The working calendar that case time limits run on: weekends, public holidays and make-up workdays (调休) from
/// one <see cref="CalendarYear"/> per year, and the daily <see cref="WorkingHours"/>.
/// </summary>
/// <remarks>
/// <para><b>Time zone.</b> All instants are <see cref="DateTimeOffset"/>s of any offset. Day and hour logic runs in
/// China Standard Time, UTC+08:00 all year (China has no daylight saving): an input is converted to +08:00 to find
/// its calendar day and time of day. Every instant this type returns is in UTC (offset 00:00); convert with
/// <see cref="ToChinaTime"/> for display.</para>
/// <para><b>Unknown years.</b> For a day in a year without a file, every Monday–Friday is a workday and every
/// Saturday/Sunday is not. <see cref="Knows"/> tells callers when to warn; <see cref="IsProvisional"/> tells them a
/// loaded year is not the official notice yet.</para>
/// <para><b>Cost.</b> Construction builds a per-day table over the loaded years plus a running count of workdays, so
/// <see cref="WorkingHoursBetween"/> is O(1) and <see cref="AddWorkingHours"/> is O(log days) whatever the length of
/// the limit; neither allocates. The type is immutable and safe to share between threads.</para>
/// </remarks>
public sealed class WorkingCalendar
{
    /// <summary>China Standard Time, UTC+08:00, no daylight saving.</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    private const long ChinaOffsetTicks = 8 * TimeSpan.TicksPerHour;
    private const long TicksPerDay = TimeSpan.TicksPerDay;
    private static readonly int MaxDayNumber = DateOnly.MaxValue.DayNumber;

    private readonly Dictionary<int, CalendarYear> _years;
    private readonly CalendarYear[] _yearList;

    // Day numbers (DateOnly.DayNumber; day 0 is Monday 0001-01-01) [_first, _first + _isWorkday.Length) are tabled.
    private readonly int _first;
    private readonly bool[] _isWorkday;

    // _adjust[i]: (workdays − weekdays) over the tabled days before day _first + i; length _isWorkday.Length + 1.
    private readonly int[] _adjust;

    private readonly long _ticksPerWorkday;

    /// <param name="years">The year files to use, at most one per year. May be empty (weekdays only).</param>
    /// <param name="hours">Daily working hours; null means <see cref="WorkingHours.Office"/>.</param>
    /// <exception cref="ArgumentException">Two files for the same year, or two files disagree about a day.</exception>
    public WorkingCalendar(IEnumerable<CalendarYear> years, WorkingHours? hours = null)
    {
        ArgumentNullException.ThrowIfNull(years);
        Hours = hours ?? WorkingHours.Office;
        _ticksPerWorkday = Hours.TicksPerDay;
        _yearList = years.OrderBy(y => y.Year).ToArray();
        _years = new Dictionary<int, CalendarYear>();
        foreach (var y in _yearList)
        {
            ArgumentNullException.ThrowIfNull(y, nameof(years));
            if (!_years.TryAdd(y.Year, y)) throw new ArgumentException($"Two calendar files for {y.Year}.", nameof(years));
        }

        // Overrides by day: true = workday (调休上班), false = day off (放假).
        var overrides = new Dictionary<DateOnly, (bool Workday, int Year)>();
        foreach (var y in _yearList)
        {
            foreach (var (day, workday) in y.OffDays.Select(d => (d, false)).Concat(y.MakeUpWorkdays.Select(d => (d, true))))
            {
                if (overrides.TryGetValue(day, out var seen))
                {
                    if (seen.Workday != workday)
                        throw new ArgumentException(
                            $"Calendar files {seen.Year} and {y.Year} disagree about {day:yyyy-MM-dd}.", nameof(years));
                    continue;
                }
                overrides[day] = (workday, y.Year);
            }
        }

        if (_yearList.Length == 0)
        {
            _first = 0;
            _isWorkday = [];
            _adjust = [0];
            return;
        }

        var first = new DateOnly(_yearList[0].Year, 1, 1).DayNumber;
        var last = new DateOnly(_yearList[^1].Year, 12, 31).DayNumber;
        foreach (var day in overrides.Keys)
        {
            first = Math.Min(first, day.DayNumber);
            last = Math.Max(last, day.DayNumber);
        }
        _first = first;
        _isWorkday = new bool[last - first + 1];
        for (var i = 0; i < _isWorkday.Length; i++) _isWorkday[i] = IsWeekday(first + i);
        foreach (var (day, o) in overrides) _isWorkday[day.DayNumber - first] = o.Workday;
        _adjust = new int[_isWorkday.Length + 1];
        for (var i = 0; i < _isWorkday.Length; i++)
            _adjust[i + 1] = _adjust[i] + (_isWorkday[i] ? 1 : 0) - (IsWeekday(first + i) ? 1 : 0);
    }

    /// <summary>Parses one year file; see <see cref="CalendarYear.Parse(string)"/>.</summary>
    public static CalendarYear ParseYear(string json) => CalendarYear.Parse(json);

    /// <summary>Parses one year file read from <paramref name="reader"/> (owned by the caller).</summary>
    public static CalendarYear ParseYear(TextReader reader) => CalendarYear.Parse(reader);

    public WorkingHours Hours { get; }

    /// <summary>The loaded year files, by year.</summary>
    public IReadOnlyList<CalendarYear> Years => _yearList;

    /// <summary>True when a file for <paramref name="year"/> was loaded (official or provisional). When false, the
    /// calendar treats that year's weekdays as workdays and its holidays as ordinary days: callers should warn.</summary>
    public bool Knows(int year) => _years.ContainsKey(year);

    /// <summary>True when the loaded file for <paramref name="year"/> is marked provisional.</summary>
    public bool IsProvisional(int year) => _years.TryGetValue(year, out var y) && y.Provisional;

    /// <summary>A weekday that is not a day off, or a make-up workday (调休上班).</summary>
    public bool IsWorkday(DateOnly day) => IsWorkday(day.DayNumber);

    /// <summary>True when <paramref name="instant"/> falls inside a working interval of a workday (China time).</summary>
    public bool IsWorkingTime(DateTimeOffset instant)
    {
        var local = instant.UtcTicks + ChinaOffsetTicks;
        return IsWorkday((int)(local / TicksPerDay)) && Hours.Contains(local % TicksPerDay);
    }

    /// <summary>The calendar day of <paramref name="instant"/> in China.</summary>
    public static DateOnly ChinaDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(ChinaOffset).DateTime);

    /// <summary>The same instant shown at +08:00.</summary>
    public static DateTimeOffset ToChinaTime(DateTimeOffset instant) => instant.ToOffset(ChinaOffset);

    /// <summary>
    /// The deadline that is <paramref name="hours"/> working hours after <paramref name="start"/>: the earliest instant
    /// by which that much working time has passed. A start outside working time (night, lunch break, weekend,
    /// holiday) counts from the next working interval; a deadline that uses up a whole day ends at that day's last
    /// interval end (17:30), not at the next morning. Zero hours returns <paramref name="start"/>. Result in UTC.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="hours"/> is negative, NaN or infinite, or the
    /// deadline is beyond year 9999.</exception>
    public DateTimeOffset AddWorkingHours(DateTimeOffset start, double hours)
    {
        var ticks = HoursToTicks(hours);
        return new DateTimeOffset(AddWorkingTicks(start.UtcTicks, ticks), TimeSpan.Zero);
    }

    /// <summary>Working hours between two instants (negative when <paramref name="to"/> is before
    /// <paramref name="from"/>).</summary>
    public double WorkingHoursBetween(DateTimeOffset from, DateTimeOffset to) =>
        (double)(WorkingTicksAt(to.UtcTicks) - WorkingTicksAt(from.UtcTicks)) / TimeSpan.TicksPerHour;

    internal static long HoursToTicks(double hours)
    {
        if (!double.IsFinite(hours) || hours < 0 || hours > 24.0 * 366 * 8000)
            throw new ArgumentOutOfRangeException(nameof(hours), hours, "Hours must be finite and not negative.");
        return (long)Math.Round(hours * TimeSpan.TicksPerHour);
    }

    /// <summary>Working ticks from day 0 (0001-01-01 China time) up to the UTC instant <paramref name="utcTicks"/>.
    /// Non-decreasing; flat outside working time.</summary>
    internal long WorkingTicksAt(long utcTicks)
    {
        var local = utcTicks + ChinaOffsetTicks;
        var day = (int)(local / TicksPerDay);
        var worked = WorkdaysBefore(day) * _ticksPerWorkday;
        return IsWorkday(day) ? worked + Hours.WorkedBefore(local % TicksPerDay) : worked;
    }

    /// <summary>The earliest UTC instant (ticks) at or after <paramref name="fromUtcTicks"/> by which
    /// <paramref name="ticks"/> working ticks have passed since it.</summary>
    internal long AddWorkingTicks(long fromUtcTicks, long ticks)
    {
        if (ticks <= 0) return fromUtcTicks;
        var target = WorkingTicksAt(fromUtcTicks) + ticks;

        // The target lies in the workday that has `complete` whole workdays before it, `rest` ticks into it.
        var complete = (target - 1) / _ticksPerWorkday;
        var rest = target - complete * _ticksPerWorkday;

        // Smallest day m with WorkdaysBefore(m) > complete; the target day is m − 1. Gallop from the start day, then
        // bisect. WorkdaysBefore(startDay) <= complete holds because the start is before the target.
        var lo = (int)((fromUtcTicks + ChinaOffsetTicks) / TicksPerDay);
        var step = 8;
        var hi = lo + step;
        while (WorkdaysBefore(hi) <= complete)
        {
            lo = hi;
            step *= 2;
            hi = lo + step;
            if (hi > MaxDayNumber + 2)
                throw new ArgumentOutOfRangeException(nameof(ticks), "The deadline is beyond the end of the calendar.");
        }
        while (hi - lo > 1)
        {
            var mid = lo + (hi - lo) / 2;
            if (WorkdaysBefore(mid) > complete) hi = mid;
            else lo = mid;
        }
        var day = hi - 1;
        var local = day * TicksPerDay + Hours.TimeOfDayAt(rest);
        return local - ChinaOffsetTicks;
    }

    private static bool IsWeekday(int dayNumber) => dayNumber % 7 < 5; // day 0 is a Monday

    private static long WeekdaysBefore(int dayNumber) => (long)(dayNumber / 7) * 5 + Math.Min(dayNumber % 7, 5);

    private bool IsWorkday(int dayNumber)
    {
        var i = (uint)(dayNumber - _first);
        return i < (uint)_isWorkday.Length ? _isWorkday[i] : IsWeekday(dayNumber);
    }

    /// <summary>Number of workdays among days [0, <paramref name="dayNumber"/>).</summary>
    private long WorkdaysBefore(int dayNumber)
    {
        var i = dayNumber - _first;
        var adjust = i <= 0 ? 0 : i >= _isWorkday.Length ? _adjust[^1] : _adjust[i];
        return WeekdaysBefore(dayNumber) + adjust;
    }
}
