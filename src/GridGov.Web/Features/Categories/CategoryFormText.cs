using GridGov.Web.Ui;

namespace GridGov.Web.Features.Categories;

/// <summary>The category editor's messages, one per field the API can refuse, naming the field and what it needs.</summary>
internal static class CategoryFormText
{
    public static string Field(string field) => field switch
    {
        "name" => UiText.Z("名称：请填写 1 到 50 个字", "Name: 1 to 50 characters"),
        "responseHours" => UiText.Z("响应时限：请填写大于 0、不超过 720 的小时数（可带小数，如 0.5），且不长于处置时限",
            "Respond within: hours above 0, at most 720 (decimals allowed, e.g. 0.5), not longer than the resolve limit"),
        "resolveHours" => UiText.Z("处置时限：请填写大于 0、不超过 2160 的小时数（可带小数）", "Resolve within: hours above 0, at most 2,160"),
        "handler" => UiText.Z("默认处置方：请选择一个层级或职能部门", "Default handler: choose a level or a department"),
        "departmentKind" => UiText.Z("职能部门：处置方为职能部门时，请选择是哪一个部门", "Department: choose which department handles it"),
        "urgency" => UiText.Z("紧急程度：请选择一般、紧急或特急", "Urgency: choose normal, urgent or critical"),
        "code" => UiText.Z("只有小类可以设置时限", "Only minor categories carry limits"),
        _ => UiText.Z($"「{field}」填写有误", $"'{field}' is not valid"),
    };
}
