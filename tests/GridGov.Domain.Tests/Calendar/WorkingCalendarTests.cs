using GridGov.Domain.Calendar;
using static GridGov.Domain.Tests.Calendar.CalendarFiles;

namespace GridGov.Domain.Tests.Calendar;

public class WorkingCalendarTests
{
    private static readonly WorkingCalendar Cal = China;

    private static DateTimeOffset Utc(int y, int mo, int d, int h, int mi = 0) => new(y, mo, d, h, mi, 0, TimeSpan.Zero);

    [Fact]
    public void Spring_festival_2026_days_are_off_and_its_make_up_saturdays_are_workdays()
    {
        for (var d = Day("2026-02-15"); d <= Day("2026-02-23"); d = d.AddDays(1))
            Assert.False(Cal.IsWorkday(d), $"{d} is in the Spring Festival break");
        Assert.Equal(DayOfWeek.Saturday, Day("2026-02-14").DayOfWeek);
        Assert.Equal(DayOfWeek.Saturday, Day("2026-02-28").DayOfWeek);
        Assert.True(Cal.IsWorkday(Day("2026-02-14")));
        Assert.True(Cal.IsWorkday(Day("2026-02-28")));
        Assert.True(Cal.IsWorkday(Day("2026-02-13")));  // Friday before
        Assert.True(Cal.IsWorkday(Day("2026-02-24")));  // Tuesday after
        Assert.False(Cal.IsWorkday(Day("2026-03-01"))); // the Sunday after the make-up Saturday stays off
        Assert.False(Cal.IsWorkday(Day("2026-02-07"))); // an ordinary Saturday
    }

    [Fact]
    public void National_day_golden_week_2026()
    {
        for (var d = Day("2026-10-01"); d <= Day("2026-10-07"); d = d.AddDays(1)) Assert.False(Cal.IsWorkday(d));
        Assert.True(Cal.IsWorkday(Day("2026-09-20")));  // Sunday, make-up
        Assert.True(Cal.IsWorkday(Day("2026-10-10")));  // Saturday, make-up
        Assert.True(Cal.IsWorkday(Day("2026-10-08")));
        Assert.True(Cal.IsWorkday(Day("2026-09-30")));
        Assert.False(Cal.IsWorkday(Day("2026-09-25")));  // 中秋节 Friday
        Assert.False(Cal.IsWorkday(Day("2026-10-11")));

        // A working-hour view of the same fortnight: 9-28..10-11 has 9-28,29,30 and 10-8,9,10 = 6 workdays.
        Assert.Equal(6 * 7, Cal.WorkingHoursBetween(Cst(2026, 9, 28, 0), Cst(2026, 10, 12, 0)), 9);
    }

    [Fact]
    public void Other_2026_holidays_and_make_up_days()
    {
        Assert.False(Cal.IsWorkday(Day("2026-01-02")));
        Assert.True(Cal.IsWorkday(Day("2026-01-04"))); // Sunday
        Assert.False(Cal.IsWorkday(Day("2026-04-06"))); // Qingming Monday
        Assert.False(Cal.IsWorkday(Day("2026-05-05")));
        Assert.True(Cal.IsWorkday(Day("2026-05-09"))); // Saturday
        Assert.False(Cal.IsWorkday(Day("2026-06-19")));
        Assert.True(Cal.IsWorkday(Day("2026-12-31")));
    }

    [Fact]
    public void Provisional_2027_is_known_and_flagged()
    {
        Assert.True(Cal.Knows(2026));
        Assert.False(Cal.IsProvisional(2026));
        Assert.True(Cal.Knows(2027));
        Assert.True(Cal.IsProvisional(2027));
        Assert.False(Cal.IsWorkday(Day("2027-02-05"))); // 除夕, Friday
        Assert.False(Cal.IsWorkday(Day("2027-02-08"))); // 初三, Monday
        Assert.True(Cal.IsWorkday(Day("2027-02-09")));
        Assert.False(Cal.IsWorkday(Day("2027-06-09")));
        Assert.False(Cal.IsWorkday(Day("2027-09-15")));
        Assert.False(Cal.IsWorkday(Day("2027-10-01")));
        Assert.True(Cal.IsWorkday(Day("2027-10-04"))); // no substitute day in the provisional file
    }

    [Fact]
    public void A_year_without_a_file_treats_weekdays_as_workdays()
    {
        Assert.False(Cal.Knows(2030));
        Assert.False(Cal.IsProvisional(2030));
        Assert.True(Cal.IsWorkday(Day("2030-01-01")));   // Tuesday, New Year's Day, but the year is unknown
        Assert.True(Cal.IsWorkday(Day("2030-10-01")));
        Assert.False(Cal.IsWorkday(Day("2030-01-05")));  // Saturday
        Assert.False(Cal.IsWorkday(Day("2030-01-06")));  // Sunday
        Assert.True(Cal.IsWorkday(Day("2025-10-01")));   // before the first file, too

        var empty = new WorkingCalendar([]);
        Assert.False(empty.Knows(2026));
        Assert.True(empty.IsWorkday(Day("2026-02-16")));
        Assert.False(empty.IsWorkday(Day("2026-02-14")));
        // Mon 2030-01-07 09:00 + 35 h = the Friday's 17:30.
        Assert.Equal(Cst(2030, 1, 11, 17, 30), Cal.AddWorkingHours(Cst(2030, 1, 7, 9), 35));
    }

    [Fact]
    public void Twenty_four_working_hours_from_the_friday_before_spring_festival()
    {
        // Fri 2-13 16:00–17:30 1.5 h, Sat 2-14 (make-up) 7 h → 8.5, off 2-15..2-23, Tue 2-24 7 → 15.5, Wed 2-25 7 → 22.5,
        // Thu 2-26 09:00 + 1.5 h = 10:30.
        var deadline = Cal.AddWorkingHours(Cst(2026, 2, 13, 16), 24);
        Assert.Equal(Cst(2026, 2, 26, 10, 30), deadline);
        Assert.Equal(TimeSpan.Zero, deadline.Offset);
        Assert.Equal(Utc(2026, 2, 26, 2, 30), deadline);
    }

    [Fact]
    public void Twenty_four_working_hours_from_the_friday_before_qingming()
    {
        // Fri 4-3 1.5 h, off 4-4..4-6, Tue/Wed/Thu 21 h → 22.5, Fri 4-10 10:30.
        Assert.Equal(Cst(2026, 4, 10, 10, 30), Cal.AddWorkingHours(Cst(2026, 4, 3, 16), 24));
        // The day before National Day: Wed 9-30 16:00 → 1.5 h, off to 10-7, Thu 10-8, Fri 10-9, Sat 10-10 (make-up) → 22.5.
        Assert.Equal(Cst(2026, 10, 12, 10, 30), Cal.AddWorkingHours(Cst(2026, 9, 30, 16), 24));
    }

    [Fact]
    public void A_start_in_the_lunch_break_at_night_or_on_a_holiday_counts_from_the_next_interval()
    {
        Assert.Equal(Cst(2026, 3, 2, 14, 30), Cal.AddWorkingHours(Cst(2026, 3, 2, 12, 30), 1));  // lunch
        Assert.Equal(Cst(2026, 3, 3, 10), Cal.AddWorkingHours(Cst(2026, 3, 2, 22), 1));          // night
        Assert.Equal(Cst(2026, 3, 3, 10), Cal.AddWorkingHours(Cst(2026, 3, 3, 6), 1));           // early morning
        Assert.Equal(Cst(2026, 10, 8, 11), Cal.AddWorkingHours(Cst(2026, 10, 3, 10), 2));        // holiday
        Assert.Equal(Cst(2026, 3, 9, 9, 30), Cal.AddWorkingHours(Cst(2026, 3, 7, 10), 0.5));     // Saturday
        Assert.Equal(Cst(2026, 3, 2, 12), Cal.AddWorkingHours(Cst(2026, 3, 2, 11), 1));          // ends as lunch starts
        Assert.Equal(Cst(2026, 3, 2, 14), Cal.AddWorkingHours(Cst(2026, 3, 2, 11), 1.5));        // runs over lunch
        Assert.Equal(0, Cal.WorkingHoursBetween(Cst(2026, 3, 2, 12), Cst(2026, 3, 2, 13, 30)));
        Assert.Equal(0, Cal.WorkingHoursBetween(Cst(2026, 10, 1, 0), Cst(2026, 10, 8, 9)));
    }

    [Fact]
    public void A_deadline_that_fills_a_day_ends_at_its_close_not_the_next_morning()
    {
        Assert.Equal(Cst(2026, 3, 2, 17, 30), Cal.AddWorkingHours(Cst(2026, 3, 2, 9), 7));
        Assert.Equal(Cst(2026, 3, 2, 12), Cal.AddWorkingHours(Cst(2026, 3, 2, 9), 3));
        Assert.Equal(Cst(2026, 3, 6, 17, 30), Cal.AddWorkingHours(Cst(2026, 3, 2, 9), 35));
        Assert.Equal(Cst(2026, 3, 2, 12, 30), Cal.AddWorkingHours(Cst(2026, 3, 2, 12, 30), 0)); // zero hours
    }

    [Fact]
    public void Inputs_at_any_offset_are_read_in_china_time_and_results_are_utc()
    {
        // 01:00Z is 09:00 in Beijing; 16:00 in Berlin winter time (+01:00) is 23:00 in Beijing.
        var deadline = Cal.AddWorkingHours(Utc(2026, 3, 2, 1), 2);
        Assert.Equal(TimeSpan.Zero, deadline.Offset);
        Assert.Equal(Cst(2026, 3, 2, 11), deadline);
        Assert.Equal(Cst(2026, 3, 3, 10), Cal.AddWorkingHours(new DateTimeOffset(2026, 3, 2, 16, 0, 0, TimeSpan.FromHours(1)), 1));
        // 2026-02-13T20:00-05:00 is Saturday 2-14 09:00 in Beijing: a make-up workday.
        Assert.True(Cal.IsWorkingTime(new DateTimeOffset(2026, 2, 13, 20, 0, 0, TimeSpan.FromHours(-5))));
        Assert.Equal(Day("2026-02-14"), WorkingCalendar.ChinaDate(new DateTimeOffset(2026, 2, 13, 20, 0, 0, TimeSpan.FromHours(-5))));
    }

    [Fact]
    public void IsWorkingTime_follows_the_intervals()
    {
        Assert.True(Cal.IsWorkingTime(Cst(2026, 3, 2, 9)));
        Assert.True(Cal.IsWorkingTime(Cst(2026, 3, 2, 11, 59)));
        Assert.False(Cal.IsWorkingTime(Cst(2026, 3, 2, 12)));
        Assert.True(Cal.IsWorkingTime(Cst(2026, 3, 2, 13, 30)));
        Assert.False(Cal.IsWorkingTime(Cst(2026, 3, 2, 17, 30)));
        Assert.False(Cal.IsWorkingTime(Cst(2026, 2, 16, 10)));
    }

    [Fact]
    public void AddWorkingHours_then_WorkingHoursBetween_round_trips_and_matches_a_minute_walk()
    {
        var rng = new Random(2026);
        var origin = Cst(2025, 12, 1, 0);
        for (var n = 0; n < 400; n++)
        {
            // Whole-minute starts over 2025-12..2028-01 (known, provisional and unknown years), limits up to 30 days.
            var start = origin.AddMinutes(rng.Next(0, 60 * 24 * 790));
            var minutes = rng.Next(1, 30 * 7 * 60);
            var hours = minutes / 60.0;
            var deadline = Cal.AddWorkingHours(start, hours);
            Assert.Equal(hours, Cal.WorkingHoursBetween(start, deadline), 9);
            Assert.True(deadline > start);
            // The deadline is the earliest such instant: one minute earlier is short of the limit.
            Assert.True(Cal.WorkingHoursBetween(start, deadline.AddMinutes(-1)) < hours);
            if (n % 20 == 0) Assert.Equal(MinuteWalk(start, minutes), deadline);
        }
    }

    [Fact]
    public void WorkingHoursBetween_is_antisymmetric_and_additive()
    {
        var a = Cst(2026, 2, 10, 10, 15);
        var b = Cst(2026, 3, 5, 15, 45);
        var c = Cst(2026, 10, 20, 8);
        Assert.Equal(-Cal.WorkingHoursBetween(a, b), Cal.WorkingHoursBetween(b, a));
        Assert.Equal(Cal.WorkingHoursBetween(a, c), Cal.WorkingHoursBetween(a, b) + Cal.WorkingHoursBetween(b, c), 9);
    }

    [Fact]
    public void Long_limits_cross_year_ends_and_gaps_between_files()
    {
        var start = Cst(2026, 12, 31, 9);
        var deadline = Cal.AddWorkingHours(start, 7 * 250);
        Assert.Equal(7 * 250, Cal.WorkingHoursBetween(start, deadline), 9);
        // 2026: 261 weekdays − 19 weekday holidays (2 + 6 + 1 + 3 + 1 + 1 + 5) + 6 make-up days = 248 workdays.
        var count = 0;
        for (var d = Day("2026-01-01"); d.Year == 2026; d = d.AddDays(1)) if (Cal.IsWorkday(d)) count++;
        Assert.Equal(248, count);
        Assert.Equal(248 * 7, Cal.WorkingHoursBetween(Cst(2026, 1, 1, 0), Cst(2027, 1, 1, 0)), 9);
    }

    [Fact]
    public void Custom_working_hours()
    {
        var hours = WorkingHours.Parse("08:30-12:00; 14:00-18:00");
        Assert.Equal(7.5, hours.HoursPerDay);
        var cal = new WorkingCalendar([Year2026], hours);
        Assert.Equal(Cst(2026, 3, 3, 9, 30), cal.AddWorkingHours(Cst(2026, 3, 2, 17), 2));

        var allDay = new WorkingCalendar([Year2026], WorkingHours.Parse("00:00-24:00"));
        Assert.Equal(24, allDay.Hours.HoursPerDay);
        Assert.Equal(Cst(2026, 2, 24, 1), allDay.AddWorkingHours(Cst(2026, 2, 14, 23), 2)); // Sat make-up day, then holiday
        Assert.Equal(WorkingHours.AllDay.HoursPerDay, allDay.Hours.HoursPerDay);
        Assert.Equal("09:00-12:00,13:30-17:30", WorkingHours.Office.ToString());

        Assert.Throws<FormatException>(() => WorkingHours.Parse("09:00-12:00,11:00-13:00"));
        Assert.Throws<FormatException>(() => WorkingHours.Parse("12:00-09:00"));
        Assert.Throws<FormatException>(() => WorkingHours.Parse("nine-five"));
        Assert.Throws<FormatException>(() => WorkingHours.Parse(""));
    }

    [Fact]
    public void Rejects_bad_hour_counts()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Cal.AddWorkingHours(Cst(2026, 3, 2, 9), -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Cal.AddWorkingHours(Cst(2026, 3, 2, 9), double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => Cal.AddWorkingHours(Cst(2026, 3, 2, 9), double.PositiveInfinity));
    }

    /// <summary>Reference: walk minute by minute counting working minutes (slow, obviously right).</summary>
    private static DateTimeOffset MinuteWalk(DateTimeOffset start, int minutes)
    {
        var t = start.ToOffset(TimeSpan.FromHours(8));
        var left = minutes;
        while (true)
        {
            var tod = t.TimeOfDay;
            var working = Cal.IsWorkday(DateOnly.FromDateTime(t.DateTime))
                && ((tod >= TimeSpan.FromHours(9) && tod < TimeSpan.FromHours(12))
                    || (tod >= new TimeSpan(13, 30, 0) && tod < new TimeSpan(17, 30, 0)));
            t = t.AddMinutes(1);
            if (working && --left == 0) return t.ToUniversalTime();
        }
    }
}
