using GridGov.Domain.Calendar;
using static GridGov.Domain.Tests.Calendar.CalendarFiles;

namespace GridGov.Domain.Tests.Calendar;

public class TimeLimitTests
{
    private static readonly WorkingCalendar Cal = China;

    [Fact]
    public void Calendar_hour_limits_ignore_weekends_and_holidays()
    {
        var limit = TimeLimit.Calendar(72);
        Assert.False(limit.WorkingHours);
        var start = Cst(2026, 9, 30, 10);
        var deadline = limit.DeadlineFrom(start, Cal);
        Assert.Equal(Cst(2026, 10, 3, 10), deadline);
        Assert.Equal(TimeSpan.Zero, deadline.Offset);
        Assert.Equal(0.5, limit.ElapsedFraction(start, Cst(2026, 10, 1, 22), Cal), 12);
        // The same limit in working hours is much later: 9-30 10:00 → 5.5 h that day, then from 10-08.
        Assert.Equal(Cal.AddWorkingHours(start, 72), TimeLimit.Working(72).DeadlineFrom(start, Cal));
        Assert.True(TimeLimit.Working(72).DeadlineFrom(start, Cal) > Cst(2026, 10, 17, 0));
    }

    [Fact]
    public void Working_hour_limits_use_the_calendar()
    {
        var limit = new TimeLimit(24, WorkingHours: true);
        Assert.Equal(Cst(2026, 2, 26, 10, 30), limit.DeadlineFrom(Cst(2026, 2, 13, 16), Cal));
        Assert.Equal(1.0, limit.ElapsedFraction(Cst(2026, 2, 13, 16), Cst(2026, 2, 26, 10, 30), Cal), 12);
        // Nothing elapses during the Spring Festival break.
        Assert.Equal(
            limit.ElapsedFraction(Cst(2026, 2, 13, 16), Cst(2026, 2, 15, 0), Cal),
            limit.ElapsedFraction(Cst(2026, 2, 13, 16), Cst(2026, 2, 24, 8), Cal));
        Assert.Equal(0, limit.ElapsedFraction(Cst(2026, 2, 13, 16), Cst(2026, 2, 13, 15), Cal)); // now before start
    }

    [Theory]
    [InlineData(0.0, ClockColour.Green)]
    [InlineData(0.79, ClockColour.Green)]
    [InlineData(0.7999999, ClockColour.Green)]
    [InlineData(0.8, ClockColour.Yellow)]
    [InlineData(1.0, ClockColour.Yellow)]
    [InlineData(1.0000001, ClockColour.Red)]
    [InlineData(1.01, ClockColour.Red)]
    [InlineData(5.0, ClockColour.Red)]
    public void Colour_thresholds(double fraction, ClockColour expected)
    {
        Assert.Equal(expected, ClockColour.Colour(fraction));
    }

    [Fact]
    public void Colour_of_nan_is_an_error()
    {
        Assert.Throws<ArgumentException>(() => ClockColour.Colour(double.NaN));
    }

    [Fact]
    public void Clock_colours_at_79_80_100_and_101_percent_of_a_working_limit()
    {
        // 10 working hours from Monday 2026-03-02 09:00: Monday gives 7 h, Tuesday the rest.
        var limit = TimeLimit.Working(10);
        var start = Cst(2026, 3, 2, 9);
        Assert.Equal(Cst(2026, 3, 3, 12), limit.DeadlineFrom(start, Cal));
        Check(Cst(2026, 3, 3, 9, 54), 0.79, ClockColour.Green);   // 7.9 h
        Check(Cst(2026, 3, 3, 10), 0.80, ClockColour.Yellow);     // 8 h
        Check(Cst(2026, 3, 3, 12), 1.00, ClockColour.Yellow);     // 10 h, at the deadline
        Check(Cst(2026, 3, 3, 12, 45), 1.00, ClockColour.Yellow); // lunch: still 10 h
        Check(Cst(2026, 3, 3, 13, 36), 1.01, ClockColour.Red);    // 10.1 h

        void Check(DateTimeOffset now, double fraction, ClockColour colour)
        {
            Assert.Equal(fraction, limit.ElapsedFraction(start, now, Cal), 12);
            Assert.Equal(colour, limit.ColourAt(start, now, Cal));
        }
    }

    [Fact]
    public void Clock_colours_of_a_calendar_limit()
    {
        var limit = TimeLimit.Calendar(100);
        var start = Cst(2026, 2, 14, 0);
        Assert.Equal(ClockColour.Green, limit.ColourAt(start, start.AddHours(79), Cal));
        Assert.Equal(ClockColour.Yellow, limit.ColourAt(start, start.AddHours(80), Cal));
        Assert.Equal(ClockColour.Yellow, limit.ColourAt(start, start.AddHours(100), Cal));
        Assert.Equal(ClockColour.Red, limit.ColourAt(start, start.AddHours(101), Cal));
    }

    [Fact]
    public void A_suspension_stops_the_clock()
    {
        // 7 working hours from Mon 09:00, suspended (缓办) Mon 10:00 → Tue 10:00.
        var limit = TimeLimit.Working(7);
        var start = Cst(2026, 3, 2, 9);
        Suspension[] suspended = [new(Cst(2026, 3, 2, 10), Cst(2026, 3, 3, 10))];

        Assert.Equal(Cst(2026, 3, 2, 17, 30), limit.DeadlineFrom(start, Cal));
        // 1 h before the suspension, 6 h after it: Tue 10–12 and 13:30–17:30.
        Assert.Equal(Cst(2026, 3, 3, 17, 30), limit.DeadlineFrom(start, Cal, suspended));

        // Tue 12:00: 10 working hours passed, 7 of them suspended (Mon 10:00–17:30 is 6 h, Tue 09:00–10:00 is 1 h).
        Assert.Equal(3.0 / 7, limit.ElapsedFraction(start, Cst(2026, 3, 3, 12), Cal, suspended), 12);
        Assert.Equal(10.0 / 7, limit.ElapsedFraction(start, Cst(2026, 3, 3, 12), Cal), 12);
        Assert.Equal(ClockColour.Green, limit.ColourAt(start, Cst(2026, 3, 3, 12), Cal, suspended));
        Assert.Equal(ClockColour.Red, limit.ColourAt(start, Cst(2026, 3, 3, 12), Cal));

        // While suspended the fraction does not move; at the shifted deadline it is exactly 1.
        Assert.Equal(
            limit.ElapsedFraction(start, Cst(2026, 3, 2, 10), Cal, suspended),
            limit.ElapsedFraction(start, Cst(2026, 3, 3, 9, 59), Cal, suspended));
        Assert.Equal(1.0, limit.ElapsedFraction(start, Cst(2026, 3, 3, 17, 30), Cal, suspended), 12);
    }

    [Fact]
    public void A_running_suspension_is_passed_as_ending_now()
    {
        var limit = TimeLimit.Working(7);
        var start = Cst(2026, 3, 2, 9);
        var now = Cst(2026, 3, 4, 15);
        Suspension[] running = [new(Cst(2026, 3, 2, 11), now)];
        Assert.Equal(2.0 / 7, limit.ElapsedFraction(start, now, Cal, running), 12);
        // Resumed now (Wed 15:00) with 5 h left: Wed 15:00–17:30 2.5 h, Thu 09:00–11:30.
        Assert.Equal(Cst(2026, 3, 5, 11, 30), limit.DeadlineFrom(start, Cal, running));
    }

    [Fact]
    public void Overlapping_unsorted_and_out_of_range_suspensions_count_once()
    {
        var limit = TimeLimit.Working(14);
        var start = Cst(2026, 3, 2, 9);
        Suspension[] messy =
        [
            new(Cst(2026, 3, 3, 9), Cst(2026, 3, 3, 12)),    // Tue morning
            new(Cst(2026, 2, 20, 0), Cst(2026, 3, 2, 10)),   // began before the start: counts from 09:00
            new(Cst(2026, 3, 3, 10), Cst(2026, 3, 3, 11)),   // inside the first
            new(Cst(2026, 3, 2, 12), Cst(2026, 3, 2, 13, 30)), // lunch only: no working time
            new(Cst(2026, 3, 20, 0), Cst(2026, 3, 21, 0)),   // after now
        ];
        Suspension[] clean = [new(Cst(2026, 3, 2, 9), Cst(2026, 3, 2, 10)), new(Cst(2026, 3, 3, 9), Cst(2026, 3, 3, 12))];
        var now = Cst(2026, 3, 3, 17, 30);
        // 14 h passed, 4 h suspended.
        Assert.Equal(10.0 / 14, limit.ElapsedFraction(start, now, Cal, messy), 12);
        Assert.Equal(limit.ElapsedFraction(start, now, Cal, clean), limit.ElapsedFraction(start, now, Cal, messy));
        Assert.Equal(limit.DeadlineFrom(start, Cal, clean), limit.DeadlineFrom(start, Cal, messy));
        // 14 + 4 h from Mon 09:00: Mon 7, Tue 7, Wed 09:00 + 4 h = 14:30.
        Assert.Equal(Cst(2026, 3, 4, 14, 30), limit.DeadlineFrom(start, Cal, messy));
        Assert.Equal(limit.DeadlineFrom(start, Cal), limit.DeadlineFrom(start, Cal, []));
    }

    [Fact]
    public void A_suspension_after_the_deadline_does_not_move_it()
    {
        var limit = TimeLimit.Working(3);
        var start = Cst(2026, 3, 2, 9);
        Suspension[] later = [new(Cst(2026, 3, 2, 12), Cst(2026, 3, 9, 0))];
        Assert.Equal(Cst(2026, 3, 2, 12), limit.DeadlineFrom(start, Cal, later));
    }

    [Fact]
    public void Suspensions_of_a_calendar_limit_count_in_plain_hours()
    {
        var limit = TimeLimit.Calendar(48);
        var start = Cst(2026, 10, 1, 0);
        Suspension[] suspended = [new(Cst(2026, 10, 1, 12), Cst(2026, 10, 2, 0))];
        Assert.Equal(Cst(2026, 10, 3, 12), limit.DeadlineFrom(start, Cal, suspended));
        Assert.Equal(24.0 / 48, limit.ElapsedFraction(start, Cst(2026, 10, 2, 12), Cal, suspended), 12);
    }

    [Fact]
    public void Many_suspensions_beyond_the_stack_buffer_still_work()
    {
        var limit = TimeLimit.Working(7);
        var start = Cst(2026, 3, 2, 9);
        // 40 one-minute suspensions in the first hour of Monday.
        var many = Enumerable.Range(0, 40).Select(i => new Suspension(start.AddMinutes(i), start.AddMinutes(i + 1))).ToArray();
        Assert.Equal(Cst(2026, 3, 3, 9, 40), limit.DeadlineFrom(start, Cal, many));
        Assert.Equal(1.0, limit.ElapsedFraction(start, Cst(2026, 3, 3, 9, 40), Cal, many), 12);
    }

    [Fact]
    public void Invalid_limits_and_suspensions_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TimeLimit.Working(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => TimeLimit.Calendar(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TimeLimit(double.NaN, true));
        Assert.Throws<ArgumentOutOfRangeException>(() => TimeLimit.Working(8) with { Hours = 0 });
        Assert.Throws<ArgumentException>(() => new Suspension(Cst(2026, 3, 2, 10), Cst(2026, 3, 2, 9)));
        Assert.Equal(TimeLimit.Working(8), new TimeLimit(8, true));
    }

    [Fact]
    public void ElapsedFraction_without_suspensions_does_not_allocate()
    {
        var working = TimeLimit.Working(24);
        var calendar = TimeLimit.Calendar(72);
        var start = Cst(2026, 2, 13, 16);
        var now = Cst(2026, 10, 9, 11);
        double sink = 0;
        for (var i = 0; i < 1000; i++) sink += working.ElapsedFraction(start, now, Cal) + calendar.ElapsedFraction(start, now, Cal);

        var began = System.Diagnostics.Stopwatch.GetTimestamp();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000_000; i++)
        {
            var t = now.AddTicks(i * TimeSpan.TicksPerMinute);
            sink += working.ElapsedFraction(start, t, Cal);
            sink += (int)working.ColourAt(start, t, Cal, []);
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var took = System.Diagnostics.Stopwatch.GetElapsedTime(began);
        Assert.Equal(0, allocated);
        Assert.True(sink > 0);
        Assert.True(took < TimeSpan.FromSeconds(10), $"1,000,000 cases took {took}");
    }
}
