using GridGov.Domain.Calendar;
using static GridGov.Domain.Tests.Calendar.CalendarFiles;

namespace GridGov.Domain.Tests.Calendar;

/// <summary>The calendar editor's form: each problem named by row and field; a clean draft is the same year as the file.</summary>
public class CalendarDraftTests
{
    private static HolidayDraft Row(string? name, string? from, string? to, params string?[] workdays) =>
        new(name, from, to, workdays.Length == 0 ? [null, null] : workdays);

    [Fact]
    public void The_2026_notice_round_trips_through_the_form_and_its_json()
    {
        var draft = CalendarDraft.From(Year2026, rows: 9, workdaysPerRow: 2);
        Assert.Equal(9, draft.Holidays.Count);
        Assert.True(draft.Holidays[7].IsEmpty);
        var (year, errors) = draft.Build();
        Assert.Empty(errors);
        var again = CalendarYear.Parse(CalendarDraft.ToJson(year!));
        Assert.Equal(Year2026.Holidays.Select(h => (h.Name, string.Join(",", h.Off), string.Join(",", h.Workdays))),
            again.Holidays.Select(h => (h.Name, string.Join(",", h.Off), string.Join(",", h.Workdays))));
        Assert.Equal(Year2026.Source, again.Source);
        Assert.Contains("春节", CalendarDraft.ToJson(year!)); // readable, not \u escapes
    }

    [Fact]
    public void A_block_from_first_to_last_day_lists_every_day_off_and_dates_can_be_typed_in_chinese()
    {
        var (year, errors) = new CalendarDraft(2028, "国务院办公厅通知", false, null,
            [Row("春节", "2028-01-25", "2028年2月1日", "2028/1/22", null)]).Build();
        Assert.Empty(errors);
        Assert.Equal(8, year!.Holidays[0].Off.Count);
        Assert.Equal(new DateOnly(2028, 1, 22), year.Holidays[0].Workdays.Single());
    }

    [Fact]
    public void Every_problem_is_named_by_row_and_field_and_empty_rows_are_ignored()
    {
        var draft = new CalendarDraft(2028, " ", false, null,
        [
            Row("元旦", "2028-01-01", "2027-12-30"),            // ends before it starts
            Row(null, "2028-04-02", "2028-04-04"),               // no name
            Row(null, null, null),                               // empty: ignored
            Row("国庆节", "2028-10-01", "2028-10-31"),           // too long
            Row("劳动节", "2028-05-01", "2028-05-05", "2028-05-03", "五月八日"), // workday inside the block; not a date
            Row("中秋节", "2031-09-01", "2028-09-03"),           // too far from the year
        ]);
        var errors = draft.Check().Select(e => (e.Row, e.Field, e.Problem)).ToList();
        Assert.Contains((null, "source", CalendarDraftProblem.Missing), errors);
        Assert.Contains((0, "to", CalendarDraftProblem.EndBeforeStart), errors);
        Assert.Contains((1, "name", CalendarDraftProblem.Missing), errors);
        Assert.DoesNotContain(errors, e => e.Row == 2);
        Assert.Contains((3, "to", CalendarDraftProblem.TooLong), errors);
        Assert.Contains((4, "workday1", CalendarDraftProblem.WorkdayIsOff), errors);
        Assert.Contains((4, "workday2", CalendarDraftProblem.NotADate), errors);
        Assert.Contains((5, "from", CalendarDraftProblem.OutOfRange), errors);
    }

    [Fact]
    public void A_workday_that_is_another_holidays_day_off_is_refused_and_a_year_needs_a_holiday()
    {
        var errors = new CalendarDraft(2028, "通知", false, null,
            [Row("清明节", "2028-04-02", "2028-04-04"), Row("劳动节", "2028-05-01", "2028-05-05", "2028-04-03", null)]).Check();
        Assert.Equal((1, "workday1", CalendarDraftProblem.WorkdayIsOff), errors.Select(e => (e.Row, e.Field, e.Problem)).Single());

        var none = new CalendarDraft(2028, "通知", true, null, [Row(null, null, null)]).Check();
        Assert.Equal((null, "holidays", CalendarDraftProblem.NoHoliday), none.Select(e => (e.Row, e.Field, e.Problem)).Single());
        Assert.Contains(new CalendarDraft(null, "通知", true, null, [Row("元旦", "2028-01-01", "2028-01-01")]).Check(), e => e.Field == "year");
    }
}
