namespace GridGov.Domain.Calendar;

/// <summary>
/// A time limit (response or resolve limit of a case category): <see cref="Hours"/> of working time on the
/// <see cref="WorkingCalendar"/> (<see cref="WorkingHours"/> true) or of plain elapsed time (false: calendar hours run
/// through nights, weekends and holidays).
/// </summary>
/// <remarks>
/// <para><b>Suspensions (缓办).</b> While a case is suspended its clock stops. Pass the suspension periods as a span of
/// <see cref="Suspension"/> (any order; overlaps are counted once; parts before the start or after "now" are
/// ignored). A suspension that is still running is passed as (its start, now): <see cref="ElapsedFraction(DateTimeOffset, DateTimeOffset, WorkingCalendar, ReadOnlySpan{Suspension})"/>
/// then counts nothing after its start, and <see cref="DeadlineFrom(DateTimeOffset, WorkingCalendar, ReadOnlySpan{Suspension})"/>
/// gives the deadline the case would have if it resumed now.</para>
/// <para>All returned instants are UTC (offset 00:00). The overloads without suspensions do not allocate, so a
/// deadline sweep can call <see cref="ElapsedFraction(DateTimeOffset, DateTimeOffset, WorkingCalendar)"/> for every
/// open case.</para>
/// </remarks>
public sealed record TimeLimit(double Hours, bool WorkingHours)
{
    /// <summary>Positive and finite.</summary>
    public double Hours { get; init => field = Validate(value); } = Validate(Hours);

    /// <summary>A limit in working hours.</summary>
    public static TimeLimit Working(double hours) => new(hours, true);

    /// <summary>A limit in calendar hours.</summary>
    public static TimeLimit Calendar(double hours) => new(hours, false);

    private long LimitTicks => WorkingCalendar.HoursToTicks(Hours);

    /// <summary>When the limit runs out for a clock started at <paramref name="start"/> (UTC result).</summary>
    public DateTimeOffset DeadlineFrom(DateTimeOffset start, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return Utc(Advance(start.UtcTicks, LimitTicks, calendar));
    }

    /// <summary>
    /// When the limit runs out for a clock started at <paramref name="start"/> that stood still during
    /// <paramref name="suspensions"/>: the deadline is pushed back by the (working, for a working-hours limit) time
    /// suspended before it. UTC result.
    /// </summary>
    public DateTimeOffset DeadlineFrom(DateTimeOffset start, WorkingCalendar calendar, ReadOnlySpan<Suspension> suspensions)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (suspensions.IsEmpty) return DeadlineFrom(start, calendar);

        var startTicks = start.UtcTicks;
        Span<long> buffer = suspensions.Length <= 32 ? stackalloc long[2 * suspensions.Length] : new long[2 * suspensions.Length];
        var count = Suspension.Merge(suspensions, startTicks, long.MaxValue, buffer);

        var cursor = startTicks;
        var remaining = LimitTicks;
        for (var i = 0; i < count; i++)
        {
            var from = buffer[2 * i];
            var to = buffer[2 * i + 1];
            var candidate = Advance(cursor, remaining, calendar);
            if (candidate <= from) return Utc(candidate);
            remaining -= Measure(cursor, from, calendar);
            cursor = to;
        }
        return Utc(Advance(cursor, remaining, calendar));
    }

    /// <summary>
    /// The share of the limit used between <paramref name="start"/> and <paramref name="now"/>: 0 at the start, 1 at the
    /// deadline, above 1 when overdue; 0 when <paramref name="now"/> is before <paramref name="start"/>. Allocation-free.
    /// </summary>
    public double ElapsedFraction(DateTimeOffset start, DateTimeOffset now, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var from = start.UtcTicks;
        var to = now.UtcTicks;
        if (to <= from) return 0;
        return Measure(from, to, calendar) / (Hours * TimeSpan.TicksPerHour);
    }

    /// <summary>
    /// As <see cref="ElapsedFraction(DateTimeOffset, DateTimeOffset, WorkingCalendar)"/>, not counting time inside
    /// <paramref name="suspensions"/>. Allocation-free for up to 32 suspensions.
    /// </summary>
    public double ElapsedFraction(DateTimeOffset start, DateTimeOffset now, WorkingCalendar calendar, ReadOnlySpan<Suspension> suspensions)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var from = start.UtcTicks;
        var to = now.UtcTicks;
        if (to <= from) return 0;
        var elapsed = Measure(from, to, calendar);
        if (!suspensions.IsEmpty)
        {
            Span<long> buffer = suspensions.Length <= 32 ? stackalloc long[2 * suspensions.Length] : new long[2 * suspensions.Length];
            var count = Suspension.Merge(suspensions, from, to, buffer);
            for (var i = 0; i < count; i++) elapsed -= Measure(buffer[2 * i], buffer[2 * i + 1], calendar);
        }
        return elapsed / (Hours * TimeSpan.TicksPerHour);
    }

    /// <summary>The clock colour at <paramref name="now"/>.</summary>
    public ClockColour ColourAt(DateTimeOffset start, DateTimeOffset now, WorkingCalendar calendar) =>
        ClockColour.Colour(ElapsedFraction(start, now, calendar));

    /// <summary>The clock colour at <paramref name="now"/>, not counting suspended time.</summary>
    public ClockColour ColourAt(DateTimeOffset start, DateTimeOffset now, WorkingCalendar calendar, ReadOnlySpan<Suspension> suspensions) =>
        ClockColour.Colour(ElapsedFraction(start, now, calendar, suspensions));

    private static double Validate(double hours) =>
        double.IsFinite(hours) && hours > 0
            ? hours
            : throw new ArgumentOutOfRangeException(nameof(Hours), hours, "A time limit must be a positive, finite number of hours.");

    private static DateTimeOffset Utc(long utcTicks) => new(utcTicks, TimeSpan.Zero);

    /// <summary>Time (ticks) counted by this limit between two UTC instants, from &lt;= to.</summary>
    private long Measure(long from, long to, WorkingCalendar calendar) =>
        WorkingHours ? calendar.WorkingTicksAt(to) - calendar.WorkingTicksAt(from) : to - from;

    private long Advance(long from, long ticks, WorkingCalendar calendar) =>
        WorkingHours ? calendar.AddWorkingTicks(from, ticks) : checked(from + ticks);
}

/// <summary>A period during which a case's clock stood still (缓办), from <see cref="From"/> to <see cref="To"/>.</summary>
public readonly record struct Suspension
{
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public Suspension(DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from) throw new ArgumentException($"A suspension cannot end ({to:O}) before it starts ({from:O}).", nameof(to));
        From = from;
        To = to;
    }

    public DateTimeOffset From { get; }

    public DateTimeOffset To { get; }

    /// <summary>
    /// Clips every suspension to [<paramref name="lo"/>, <paramref name="hi"/>] (UTC ticks), drops empty ones, sorts and
    /// unions them into <paramref name="buffer"/> as (from, to) pairs; returns the number of pairs.
    /// </summary>
    internal static int Merge(ReadOnlySpan<Suspension> suspensions, long lo, long hi, Span<long> buffer)
    {
        var n = 0;
        foreach (var s in suspensions)
        {
            var from = Math.Max(s.From.UtcTicks, lo);
            var to = Math.Min(s.To.UtcTicks, hi);
            if (to <= from) continue;
            // Insertion sort by start: the lists are short.
            var j = n;
            while (j > 0 && buffer[2 * (j - 1)] > from)
            {
                buffer[2 * j] = buffer[2 * (j - 1)];
                buffer[2 * j + 1] = buffer[2 * (j - 1) + 1];
                j--;
            }
            buffer[2 * j] = from;
            buffer[2 * j + 1] = to;
            n++;
        }

        var m = 0;
        for (var i = 0; i < n; i++)
        {
            var from = buffer[2 * i];
            var to = buffer[2 * i + 1];
            if (m > 0 && from <= buffer[2 * m - 1])
            {
                if (to > buffer[2 * m - 1]) buffer[2 * m - 1] = to;
                continue;
            }
            buffer[2 * m] = from;
            buffer[2 * m + 1] = to;
            m++;
        }
        return m;
    }
}

/// <summary>A case clock's colour: green below 80% of its limit, yellow from 80% to 100% inclusive, red beyond.</summary>
public enum ClockColour
{
    Green,
    Yellow,
    Red,
}

/// <summary>The colour rule, callable as <c>ClockColour.Colour(fraction)</c>.</summary>
public static class ClockColourRule
{
    /// <summary>The share of the limit at which a clock turns yellow.</summary>
    public const double YellowFrom = 0.8;

    extension(ClockColour)
    {
        /// <summary>Green when <paramref name="fraction"/> &lt; 0.8, yellow for 0.8..1.0 inclusive, red above 1.0.</summary>
        /// <exception cref="ArgumentException"><paramref name="fraction"/> is NaN.</exception>
        public static ClockColour Colour(double fraction) =>
            double.IsNaN(fraction) ? throw new ArgumentException("The elapsed fraction is NaN.", nameof(fraction))
            : fraction < YellowFrom ? ClockColour.Green
            : fraction <= 1.0 ? ClockColour.Yellow
            : ClockColour.Red;
    }
}
