using GridGov.Web.Ui;

namespace GridGov.Web.Features.Cases;

/// <summary>
/// The case page's messages in the user's language: what each field of an action needs (the engine's field keys are
/// the same as the API's), and the outcomes that are not field errors. Every message names its field.
/// </summary>
public static class CaseFormText
{
    public static string Field(string action, string field) => field switch
    {
        "note" when action is "verify_fail" => UiText.Z("说明：请写明哪里仍不合格，处置人会看到", "Note: say what is still wrong; the handler sees it"),
        "note" when action is "reopen" => UiText.Z("说明：请写明重新办理的原因", "Note: say why the case is reopened"),
        "note" => UiText.Z("说明：最多 1000 字", "Note: at most 1,000 characters"),
        "reason" when action is "reject" => UiText.Z("不予受理原因：请选择无效、重复或非本辖区/非职责", "Reason: choose invalid, duplicate or not ours"),
        "reason" when action is "escalate" => UiText.Z("上报原因：请填写（最多 200 字）", "Reason: say why (at most 200 characters)"),
        "reason" when action is "request_suspension" => UiText.Z("缓办原因：请填写", "Reason: say why the case should wait"),
        "reason" when action is "request_extension" => UiText.Z("延期原因：请填写", "Reason: say why more time is needed"),
        "reason" => UiText.Z("原因：请填写", "Reason: required"),
        "mergeInto" => UiText.Z("合并到：请选择一件您可见的在办案件", "Merge into: choose an open case you can see"),
        "assigneeUserId" => UiText.Z("派遣给：请选择一位处置人、一个部门或一个层级（三选一）", "Dispatch to: choose one person, department or level"),
        "department" => UiText.Z("部门：请选择本区的职能部门", "Department: choose a department of this district"),
        "level" => UiText.Z("层级：该案件不在微网格内，请选择网格、社区、街道或区", "Level: this case is not in a micro-grid; choose another level"),
        "photoIds" when action is "feedback" => UiText.Z("照片：处置反馈需要至少一张处置后照片（最多 9 张）", "Photos: at least one photo of the result (at most 9)"),
        "photoIds" => UiText.Z("照片：最多 9 张，且须为您本人刚上传的照片", "Photos: at most 9, uploaded by you"),
        "rating" => UiText.Z("满意度：请选择 1 到 5 星", "Rating: choose 1 to 5 stars"),
        "comment" => UiText.Z("评价留言：最多 500 字", "Comment: at most 500 characters"),
        "extensionHours" => UiText.Z("延期时长：请填写大于 0、不超过 720 的小时数", "Extra hours: more than 0, at most 720"),
        "version" => UiText.Z("页面已过期，请刷新后重试", "This page is out of date; reload and try again"),
        _ => field,
    };

    public static string Outcome(CaseOutcome outcome, string action) => outcome switch
    {
        CaseOutcome.Conflict c => UiText.Z($"此案件刚被他人处理，现为「{c.Current.StatusLabel}」；页面已刷新，请确认后再操作",
            $"Someone acted on this case first (it is now {c.Current.Status}); the page shows it as it is now"),
        CaseOutcome.Refused => UiText.Z($"当前不能「{UiText.ActionLabel(action)}」：案件状态或您的职责已变化，页面已刷新",
            $"'{UiText.ActionLabel(action)}' is not possible now: the case or your part in it has changed"),
        CaseOutcome.NotFound => UiText.T("notfound"),
        _ => UiText.Z("操作未完成，请检查后重试", "Not done; check and try again"),
    };
}
