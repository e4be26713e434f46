using GridGov.Domain.Calendar;
using GridGov.Web.Ui;

namespace GridGov.Web.Features.Calendar;

/// <summary>The calendar form's messages: each names the field (and so the row it stands in) and what it needs.</summary>
internal static class CalendarFormText
{
    public static string Message(CalendarDraftError e)
    {
        var field = e.Field switch
        {
            "year" => UiText.Z("年份", "Year"),
            "source" => UiText.Z("来源", "Source"),
            "note" => UiText.Z("备注", "Note"),
            "holidays" => UiText.Z("节假日", "Holidays"),
            "name" => UiText.Z("节日名称", "Holiday name"),
            "from" => UiText.Z("放假第一天", "First day off"),
            "to" => UiText.Z("放假最后一天", "Last day off"),
            _ => UiText.Z("调休上班日", "Make-up workday"),
        };
        var what = e.Problem switch
        {
            CalendarDraftProblem.Missing when e.Field == "source" => UiText.Z("请填写通知名称和发布日期", "give the notice's title and date"),
            CalendarDraftProblem.Missing => UiText.Z("请填写", "required"),
            CalendarDraftProblem.NotADate => UiText.Z("请选择日期（如 2028-01-01）", "choose a date (e.g. 2028-01-01)"),
            CalendarDraftProblem.OutOfRange when e.Field == "year" => UiText.Z("须在 2000 到 2100 年之间", "between 2000 and 2100"),
            CalendarDraftProblem.OutOfRange => UiText.Z("日期须在本年或相邻年份内", "must be in this year or next to it"),
            CalendarDraftProblem.EndBeforeStart => UiText.Z("不能早于放假第一天", "cannot be before the first day off"),
            CalendarDraftProblem.TooLong => UiText.Z($"一次放假最多 {CalendarDraft.MaxDaysOff} 天", $"at most {CalendarDraft.MaxDaysOff} days"),
            CalendarDraftProblem.WorkdayIsOff => UiText.Z("这一天已是放假日，不能同时是上班日", "that day is already a day off"),
            CalendarDraftProblem.NoHoliday => UiText.Z("请至少填写一个节日", "fill in at least one holiday"),
            _ => UiText.Z($"最多 {CalendarDraft.MaxText} 字", $"at most {CalendarDraft.MaxText} characters"),
        };
        return e.Row is { } row ? UiText.Z($"第{row + 1}行{field}：{what}", $"Row {row + 1}, {field}: {what}") : $"{field}{UiText.Z("：", ": ")}{what}";
    }
}
