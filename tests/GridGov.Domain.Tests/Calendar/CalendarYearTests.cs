using System.Globalization;
using GridGov.Domain.Calendar;
using static GridGov.Domain.Tests.Calendar.CalendarFiles;

namespace GridGov.Domain.Tests.Calendar;

public class CalendarYearTests
{
    private static readonly string[] SevenHolidays = ["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"];

    [Fact]
    public void The_2026_file_is_the_official_notice_transcribed()
    {
        var y = Year2026;
        Assert.Equal(2026, y.Year);
        Assert.False(y.Provisional);
        Assert.Contains("国务院办公厅关于2026年部分节假日安排的通知", y.Source);
        Assert.Equal(SevenHolidays, y.Holidays.Select(h => h.Name));

        // Day counts of the notice: 3, 9, 3, 5, 3, 3, 7 days off; make-up days 1, 2, 0, 1, 0, 0, 2.
        Assert.Equal([3, 9, 3, 5, 3, 3, 7], y.Holidays.Select(h => h.Off.Count));
        Assert.Equal([1, 2, 0, 1, 0, 0, 2], y.Holidays.Select(h => h.Workdays.Count));
        Assert.Equal(33, y.OffDays.Count());
        Assert.Equal(
            ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
            y.MakeUpWorkdays.Order().Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Make_up_workdays_in_the_files_are_weekends_and_off_blocks_are_contiguous()
    {
        foreach (var y in new[] { Year2026, Year2027 })
        foreach (var h in y.Holidays)
        {
            Assert.All(h.Workdays, d => Assert.True(d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, $"{h.Name} {d}"));
            var sorted = h.Off.Order().ToArray();
            for (var i = 1; i < sorted.Length; i++) Assert.Equal(sorted[i - 1].AddDays(1), sorted[i]);
        }
    }

    [Fact]
    public void The_2027_file_is_provisional_with_statutory_days_on_the_right_lunar_dates()
    {
        var y = Year2027;
        Assert.Equal(2027, y.Year);
        Assert.True(y.Provisional);
        Assert.False(string.IsNullOrWhiteSpace(y.Note));
        Assert.Equal(SevenHolidays, y.Holidays.Select(h => h.Name));
        Assert.Empty(y.MakeUpWorkdays);
        // 全国年节及纪念日放假办法 (2024): 1 + 4 + 1 + 2 + 1 + 1 + 3 = 13 statutory days.
        Assert.Equal([1, 4, 1, 2, 1, 1, 3], y.Holidays.Select(h => h.Off.Count));

        // Independent check of the lunar dates with .NET's Chinese lunisolar calendar (2027 has no leap month).
        var lunar = new ChineseLunisolarCalendar();
        Assert.Equal(0, lunar.GetLeapMonth(2027));
        DateOnly L(int month, int day) => DateOnly.FromDateTime(lunar.ToDateTime(2027, month, day, 0, 0, 0, 0));
        var newYear = L(1, 1);
        Assert.Equal(Day("2027-02-06"), newYear);
        Off("春节", [newYear.AddDays(-1), newYear, newYear.AddDays(1), newYear.AddDays(2)]);
        Off("端午节", [L(5, 5)]);
        Off("中秋节", [L(8, 15)]);
        Off("元旦", [Day("2027-01-01")]);
        Off("清明节", [Day("2027-04-05")]); // the solar term falls on 5 April 2027, about 08:15 Beijing time
        Off("劳动节", [Day("2027-05-01"), Day("2027-05-02")]);
        Off("国庆节", [Day("2027-10-01"), Day("2027-10-02"), Day("2027-10-03")]);

        void Off(string name, DateOnly[] days) => Assert.Equal(days, y.Holidays.Single(h => h.Name == name).Off);
    }

    [Fact]
    public void The_lunar_check_agrees_with_the_official_2026_notice()
    {
        var lunar = new ChineseLunisolarCalendar();
        DateOnly L(int month, int day) => DateOnly.FromDateTime(lunar.ToDateTime(2026, month, day, 0, 0, 0, 0));
        Assert.Equal(0, lunar.GetLeapMonth(2026));
        Assert.Equal(Day("2026-02-17"), L(1, 1));
        Assert.Contains(L(1, 1).AddDays(-1), Year2026.Holidays.Single(h => h.Name == "春节").Off);
        Assert.Contains(L(5, 5), Year2026.Holidays.Single(h => h.Name == "端午节").Off);
        Assert.Contains(L(8, 15), Year2026.Holidays.Single(h => h.Name == "中秋节").Off);
    }

    [Fact]
    public void Parses_the_minimal_shape_and_ignores_unknown_properties()
    {
        var y = WorkingCalendar.ParseYear("""
            { "year": 2030, "source": "test", // comment
              "extra": [1, 2],
              "holidays": [ { "name": "元旦", "off": ["2029-12-31", "2030-01-01"], "text": "x" }, ] }
            """);
        Assert.Equal(2030, y.Year);
        Assert.False(y.Provisional);
        Assert.Null(y.Note);
        Assert.Equal([Day("2029-12-31"), Day("2030-01-01")], y.Holidays[0].Off);
        Assert.Empty(y.Holidays[0].Workdays);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{ "source": "s", "holidays": [] }""")]
    [InlineData("""{ "year": 2026, "holidays": [] }""")]
    [InlineData("""{ "year": 2026, "source": "s" }""")]
    [InlineData("""{ "year": 2026, "source": "s", "provisional": "yes", "holidays": [] }""")]
    [InlineData("""{ "year": 2026, "source": "s", "holidays": [ { "off": ["2026-01-01"] } ] }""")]
    [InlineData("""{ "year": 2026, "source": "s", "holidays": [ { "name": "元旦" } ] }""")]
    [InlineData("""{ "year": 2026, "source": "s", "holidays": [ { "name": "元旦", "off": [] } ] }""")]
    [InlineData("""{ "year": 2026, "source": "s", "holidays": [ { "name": "元旦", "off": ["2026-1-1"] } ] }""")]
    [InlineData("""{ "year": 2026, "source": "s", "holidays": [ { "name": "元旦", "off": ["2026-02-30"] } ] }""")]
    [InlineData("""{ "year": 2026, "source": "s", "holidays": [ { "name": "元旦", "off": ["2028-01-01"] } ] }""")]
    [InlineData("""{ "year": 2026, "source": "s", "holidays": [ { "name": "元旦", "off": ["2026-01-01"], "workdays": ["2026-01-01"] } ] }""")]
    [InlineData("""{ "year": 2026, "source": "s", "holidays": [ { "name": "A", "off": ["2026-01-03"] }, { "name": "B", "off": ["2026-01-05"], "workdays": ["2026-01-03"] } ] }""")]
    public void Rejects_malformed_files_with_a_format_exception(string json)
    {
        Assert.Throws<FormatException>(() => WorkingCalendar.ParseYear(json));
    }

    [Fact]
    public void A_calendar_rejects_two_files_for_one_year_and_files_that_disagree()
    {
        Assert.Throws<ArgumentException>(() => new WorkingCalendar([Year2026, Year2026]));
        var other = WorkingCalendar.ParseYear("""
            { "year": 2025, "source": "s", "holidays": [ { "name": "X", "off": ["2025-12-31"], "workdays": ["2026-01-04"] } ] }
            """);
        var clash = WorkingCalendar.ParseYear("""
            { "year": 2025, "source": "s", "holidays": [ { "name": "X", "off": ["2026-01-04"] } ] }
            """);
        var calendar = new WorkingCalendar([Year2026, other]); // agreeing about 2026-01-04 is fine
        Assert.False(calendar.IsWorkday(Day("2025-12-31")));
        Assert.Throws<ArgumentException>(() => new WorkingCalendar([Year2026, clash]));
    }
}
