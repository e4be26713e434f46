using System.Globalization;

namespace GridGov.Web.Ui;

/// <summary>
/// The interface's words, Chinese first with English alongside, picked by the request culture (cookie
/// ".AspNetCore.Culture", switched from the top bar). Kept in one table so a missing translation is easy to spot.
/// </summary>
public static class UiText
{
    private static readonly Dictionary<string, (string Zh, string En)> Words = new()
    {
        ["app"] = ("网格化治理平台", "GridGov"),
        ["home"] = ("工作台", "Home"),
        ["cases"] = ("案件", "Cases"),
        ["dashboard"] = ("指挥大屏", "Dashboard"),
        ["signin"] = ("登录", "Sign in"),
        ["signout"] = ("退出", "Sign out"),
        ["username"] = ("用户名", "User name"),
        ["password"] = ("密码", "Password"),
        ["required"] = ("必填", "Required"),
        ["badlogin"] = ("用户名或密码错误", "Wrong user name or password"),
        ["locked"] = ("尝试次数过多，请 15 分钟后再试", "Too many attempts; try again in 15 minutes"),
        ["today"] = ("今日工作", "Today's work"),
        ["new"] = ("待受理", "New"),
        ["duesoon"] = ("临期", "Due soon"),
        ["overdue"] = ("超期", "Overdue"),
        ["mine"] = ("我的待办", "My tasks"),
        ["status"] = ("状态", "Status"),
        ["category"] = ("类别", "Category"),
        ["area"] = ("区域", "Area"),
        ["colour"] = ("时限", "Clock"),
        ["reported"] = ("上报时间", "Reported"),
        ["due"] = ("处置时限", "Due"),
        ["filter"] = ("筛选", "Filter"),
        ["next"] = ("下一页", "Next page"),
        ["export"] = ("导出", "Export"),
        ["history"] = ("处置过程", "History"),
        ["actions"] = ("可执行操作", "Actions"),
        ["note"] = ("说明", "Note"),
        ["none"] = ("无", "None"),
        ["all"] = ("全部", "All"),
        ["description"] = ("问题描述", "Description"),
        ["address"] = ("地址", "Address"),
        ["photos"] = ("照片", "Photos"),
        ["language"] = ("English", "中文"),
        ["synthetic"] = ("演示数据：边界为合成", "Demo data: synthetic boundaries"),
        ["notfound"] = ("没有找到，或不在您的辖区内", "Not found, or outside your area"),
        ["done"] = ("操作成功", "Done"),
        ["trackingno"] = ("编号", "No."),
        ["areas"] = ("辖区", "Areas"),
        ["urgent"] = ("最紧迫的在办案件", "Most urgent open cases"),
        ["calendar"] = ("日历", "Calendar"),
        ["categories"] = ("类别", "Categories"),
        ["kpi.response"] = ("24小时响应率", "24-hour response"),
        ["kpi.ontime"] = ("按期结案率", "Closed on time"),
        ["kpi.satisfaction"] = ("满意率", "Satisfaction"),
        ["kpi.open"] = ("在办案件", "Open cases"),
        ["kpi.overdue"] = ("超期案件", "Overdue cases"),
        ["kpi.new"] = ("本屏新上报", "New since opened"),
        ["dash.children"] = ("下级区域", "Areas below"),
        ["dash.colourby"] = ("地图着色指标", "Colour the map by"),
        ["dash.trend"] = ("近30天结案数", "Closed per day, last 30 days"),
        ["field.title"] = ("网格员", "Grid worker"),
        ["field.report"] = ("上报问题", "Report a problem"),
        ["field.category"] = ("类别", "Category"),
        ["field.description"] = ("问题描述", "What is wrong"),
        ["field.photo"] = ("照片（可拍照）", "Photos (camera)"),
        ["field.self"] = ("自办自结（已当场处理，需附照片）", "Solved on the spot (photo required)"),
        ["field.submit"] = ("上报", "Report"),
        ["field.queue"] = ("待发送", "Waiting to send"),
        ["field.tasks"] = ("我的任务", "My tasks"),
    };

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>A phrase written in place, Chinese and English side by side (the resident pages use this).</summary>
    public static string Z(string zh, string en) => IsEnglish ? en : zh;

    /// <summary>A message written "中文 (English)" by a service, in the reader's language.</summary>
    public static string Msg(string bilingual)
    {
        var open = bilingual.LastIndexOf(" (", StringComparison.Ordinal);
        if (open <= 0 || !bilingual.EndsWith(')')) return bilingual;
        return IsEnglish ? bilingual[(open + 2)..^1] : bilingual[..open];
    }

    public static string T(string key) => Words.TryGetValue(key, out var w) ? (IsEnglish ? w.En : w.Zh) : key;

    /// <summary>Times as Chinese users read them: China time, 2026-11-25 14:05.</summary>
    public static string Time(DateTime? utc) =>
        utc is null ? "—" : utc.Value.AddHours(8).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A share as a whole percentage (42%), or — when there is nothing to share.</summary>
    public static string Percent(int n, int of) => of == 0 ? "—" : (100.0 * n / of).ToString("0", CultureInfo.InvariantCulture) + "%";

    /// <summary>A calendar day as Chinese forms write it: 2026-12-06.</summary>
    public static string Date(DateOnly? day) => day is null ? "—" : day.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A date as a resident says it: 12月8日（星期二）下午 — China time.</summary>
    public static string DateInWords(DateTime utc)
    {
        var t = utc.AddHours(8);
        if (IsEnglish) return t.ToString("dddd d MMMM, ", CultureInfo.GetCultureInfo("en-GB")) + (t.Hour < 12 ? "morning" : "afternoon");
        var week = "日一二三四五六"[(int)t.DayOfWeek];
        var part = t.Hour < 12 ? "上午" : t.Hour < 18 ? "下午" : "晚上";
        return $"{t.Month}月{t.Day}日（星期{week}）{part}";
    }

    public static string ColourLabel(string colour) => colour switch
    {
        "green" => IsEnglish ? "On track" : "正常",
        "yellow" => IsEnglish ? "Due soon" : "临期",
        "red" => IsEnglish ? "Overdue" : "超期",
        "late" => IsEnglish ? "Closed late" : "超期办结",
        "done" => IsEnglish ? "Closed on time" : "按期办结",
        _ => "—",
    };

    /// <summary>Where a case came from (patrol, resident, hotline …), as people call it.</summary>
    public static string SourceLabel(string source) => source switch
    {
        "patrol" => Z("网格巡查", "Grid patrol"),
        "app" => Z("网格员App", "Field app"),
        "resident" => Z("居民上报", "Resident"),
        "hotline" => Z("12345热线", "12345 hotline"),
        "sensor" => Z("感知设备", "Sensor"),
        "camera" => Z("视频监控", "Camera"),
        "enterprise" => Z("企业反映", "Enterprise"),
        "open311" => Z("外部平台", "Partner platform"),
        _ => source,
    };

    /// <summary>A handling level by name (micro_grid … department), as a person says it.</summary>
    public static string LevelLabel(GridGov.Domain.Cases.HandlerLevel level) => level switch
    {
        GridGov.Domain.Cases.HandlerLevel.MicroGrid => Z("微网格", "Micro-grid"),
        GridGov.Domain.Cases.HandlerLevel.Grid => Z("网格", "Grid"),
        GridGov.Domain.Cases.HandlerLevel.Community => Z("社区", "Community"),
        GridGov.Domain.Cases.HandlerLevel.Street => Z("街道", "Street"),
        GridGov.Domain.Cases.HandlerLevel.District => Z("区（县）", "District"),
        _ => Z("职能部门", "Department"),
    };

    /// <summary>The kind of an area (一般网格 …) in the reader's language.</summary>
    public static string KindLabel(GridGov.Domain.Areas.AreaKind kind) => IsEnglish ? kind switch
    {
        GridGov.Domain.Areas.AreaKind.City => "City",
        GridGov.Domain.Areas.AreaKind.District => "District",
        GridGov.Domain.Areas.AreaKind.Street => "Street",
        GridGov.Domain.Areas.AreaKind.Community => "Community",
        GridGov.Domain.Areas.AreaKind.GeneralGrid => "Grid",
        GridGov.Domain.Areas.AreaKind.MicroGrid => "Micro-grid",
        GridGov.Domain.Areas.AreaKind.DedicatedGrid => "Dedicated grid",
        _ => kind.ToString(),
    } : GridGov.Domain.Areas.AreaKinds.ToChinese(kind);

    /// <summary>Urgency by its wire name (normal, urgent, critical).</summary>
    public static string UrgencyLabel(string urgency) => urgency switch
    {
        "urgent" => Z("紧急", "Urgent"),
        "critical" => Z("特急", "Critical"),
        _ => Z("一般", "Normal"),
    };

    public static string StatusLabel(GridGov.Domain.Cases.CaseStatus status) => IsEnglish ? status switch
    {
        GridGov.Domain.Cases.CaseStatus.AwaitingVerification => "Awaiting verification",
        _ => status.ToString(),
    } : GridGov.Domain.Cases.CaseNames.Chinese(status);

    public static string ActionLabel(string action) => action switch
    {
        "register" => IsEnglish ? "Register" : "立案",
        "reject" => IsEnglish ? "Reject" : "不予受理",
        "merge" => IsEnglish ? "Merge" : "合并",
        "dispatch" => IsEnglish ? "Dispatch" : "派遣",
        "accept" => IsEnglish ? "Accept" : "接单",
        "feedback" => IsEnglish ? "Report done" : "处置反馈",
        "verify_pass" => IsEnglish ? "Verify: pass" : "核查通过",
        "verify_fail" => IsEnglish ? "Verify: fail (rework)" : "核查不通过(返工)",
        "evaluate" => IsEnglish ? "Rate" : "评价",
        "escalate" => IsEnglish ? "Escalate" : "上报",
        "request_suspension" => IsEnglish ? "Ask to suspend" : "申请缓办",
        "approve_suspension" => IsEnglish ? "Approve suspension" : "批准缓办",
        "deny_suspension" => IsEnglish ? "Deny suspension" : "驳回缓办",
        "resume" => IsEnglish ? "Resume" : "恢复办理",
        "request_extension" => IsEnglish ? "Ask for more time" : "申请延期",
        "approve_extension" => IsEnglish ? "Approve extension" : "批准延期",
        "deny_extension" => IsEnglish ? "Deny extension" : "驳回延期",
        "reopen" => IsEnglish ? "Reopen" : "重新办理",
        "report" => IsEnglish ? "Reported" : "上报",
        "self_resolve" => IsEnglish ? "Self-resolved" : "自办自结",
        _ => action,
    };
}
