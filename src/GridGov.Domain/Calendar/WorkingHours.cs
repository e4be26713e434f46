using System.Globalization;

namespace GridGov.Domain.Calendar;

/// <summary>
/// One daily working interval in China Standard Time, from <see cref="Start"/> (inclusive) to <see cref="End"/>
/// (exclusive). An <see cref="End"/> of 00:00 means midnight at the end of the day (24:00), so a round-the-clock desk is
/// <c>new WorkingInterval(TimeOnly.MinValue, TimeOnly.MinValue)</c>.
/// </summary>
public readonly record struct WorkingInterval
{
    public WorkingInterval(TimeOnly start, TimeOnly end)
    {
        if (end != TimeOnly.MinValue && end <= start)
            throw new ArgumentException($"A working interval must end after it starts ({start:HH\\:mm}–{end:HH\\:mm}).", nameof(end));
        Start = start;
        End = end;
    }

    public TimeOnly Start { get; }

    /// <summary>End of the interval; 00:00 stands for 24:00.</summary>
    public TimeOnly End { get; }

    internal long StartTicks => Start.Ticks;

    internal long EndTicks => End == TimeOnly.MinValue ? TimeSpan.TicksPerDay : End.Ticks;

    public override string ToString() =>
        $"{Start.ToString("HH:mm", CultureInfo.InvariantCulture)}-{(End == TimeOnly.MinValue ? "24:00" : End.ToString("HH:mm", CultureInfo.InvariantCulture))}";
}

/// <summary>
/// The working hours of every workday (China Standard Time): a sorted list of non-overlapping daily intervals.
/// The default, <see cref="Office"/>, is 09:00–12:00 and 13:30–17:30 (7 hours a day).
/// </summary>
public sealed class WorkingHours
{
    private readonly WorkingInterval[] _intervals;
    private readonly long[] _starts;
    private readonly long[] _ends;

    /// <summary>Government office hours: 09:00–12:00 and 13:30–17:30, 7 hours a day.</summary>
    public static WorkingHours Office { get; } = new(
        new WorkingInterval(new TimeOnly(9, 0), new TimeOnly(12, 0)),
        new WorkingInterval(new TimeOnly(13, 30), new TimeOnly(17, 30)));

    /// <summary>All 24 hours of every workday (still no work on days off).</summary>
    public static WorkingHours AllDay { get; } = new(new WorkingInterval(TimeOnly.MinValue, TimeOnly.MinValue));

    /// <param name="intervals">At least one interval; given in any order, they must not overlap (touching is fine).</param>
    public WorkingHours(params IEnumerable<WorkingInterval> intervals)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        _intervals = intervals.OrderBy(i => i.StartTicks).ToArray();
        if (_intervals.Length == 0) throw new ArgumentException("Working hours need at least one interval.", nameof(intervals));
        _starts = new long[_intervals.Length];
        _ends = new long[_intervals.Length];
        long total = 0;
        for (var i = 0; i < _intervals.Length; i++)
        {
            _starts[i] = _intervals[i].StartTicks;
            _ends[i] = _intervals[i].EndTicks;
            if (i > 0 && _starts[i] < _ends[i - 1])
                throw new ArgumentException($"Working intervals {_intervals[i - 1]} and {_intervals[i]} overlap.", nameof(intervals));
            total += _ends[i] - _starts[i];
        }
        TicksPerDay = total;
    }

    /// <summary>The intervals, sorted by start.</summary>
    public IReadOnlyList<WorkingInterval> Intervals => _intervals;

    /// <summary>Working hours in one workday (7 for <see cref="Office"/>).</summary>
    public double HoursPerDay => (double)TicksPerDay / TimeSpan.TicksPerHour;

    internal long TicksPerDay { get; }

    /// <summary>
    /// Parses a list such as <c>"09:00-12:00,13:30-17:30"</c> (HH:mm, <c>-</c> or <c>–</c> between the ends, <c>,</c> or
    /// <c>;</c> between intervals; <c>24:00</c> allowed as an end).
    /// </summary>
    /// <exception cref="FormatException">Not of that shape.</exception>
    public static WorkingHours Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var intervals = new List<WorkingInterval>();
        foreach (var part in text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ends = part.Split(['-', '–'], StringSplitOptions.TrimEntries);
            if (ends.Length != 2) throw new FormatException($"Working interval '{part}' is not HH:mm-HH:mm.");
            var start = ParseTime(ends[0], part);
            var end = ends[1] == "24:00" ? TimeOnly.MinValue : ParseTime(ends[1], part);
            try
            {
                intervals.Add(new WorkingInterval(start, end));
            }
            catch (ArgumentException e)
            {
                throw new FormatException(e.Message, e);
            }
        }
        try
        {
            return new WorkingHours(intervals);
        }
        catch (ArgumentException e)
        {
            throw new FormatException(e.Message, e);
        }
    }

    public override string ToString() => string.Join(",", _intervals);

    private static TimeOnly ParseTime(string s, string part) =>
        TimeOnly.TryParseExact(s, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? t
            : throw new FormatException($"Working interval '{part}': '{s}' is not a HH:mm time.");

    /// <summary>Working ticks of a workday that lie before <paramref name="timeOfDay"/> (ticks since midnight).</summary>
    internal long WorkedBefore(long timeOfDay)
    {
        long worked = 0;
        var starts = _starts;
        var ends = _ends;
        for (var i = 0; i < starts.Length; i++)
        {
            if (timeOfDay <= starts[i]) break;
            worked += (timeOfDay < ends[i] ? timeOfDay : ends[i]) - starts[i];
        }
        return worked;
    }

    /// <summary>The earliest time of day (ticks since midnight) at which <paramref name="worked"/> working ticks of the
    /// day have passed; <paramref name="worked"/> is in (0, <see cref="TicksPerDay"/>].</summary>
    internal long TimeOfDayAt(long worked)
    {
        var starts = _starts;
        var ends = _ends;
        for (var i = 0; i < starts.Length; i++)
        {
            var length = ends[i] - starts[i];
            if (worked <= length) return starts[i] + worked;
            worked -= length;
        }
        return ends[^1];
    }

    /// <summary>True when <paramref name="timeOfDay"/> (ticks since midnight) falls inside an interval.</summary>
    internal bool Contains(long timeOfDay)
    {
        for (var i = 0; i < _starts.Length; i++)
        {
            if (timeOfDay < _starts[i]) return false;
            if (timeOfDay < _ends[i]) return true;
        }
        return false;
    }
}
