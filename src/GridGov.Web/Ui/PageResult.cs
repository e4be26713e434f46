using Microsoft.AspNetCore.Http.HttpResults;

namespace GridGov.Web.Ui;

/// <summary>
/// A handler's result as a page shows it (pages reuse the API's handlers): a summary line and one message per field,
/// in the user's language. The API's own messages are for developers and stay English; a page passes the words for
/// each field key it offers, so no English API text and no field code reaches a person.
/// </summary>
public sealed record PageResult(bool Ok, string Message, IReadOnlyDictionary<string, string> Errors)
{
    public static readonly PageResult None = new(true, "", new Dictionary<string, string>());

    /// <param name="field">The message for a field key (the API's key, e.g. "responseHours"), or null for a generic one.</param>
    /// <param name="done">The line shown on success.</param>
    /// <param name="conflict">The line shown when the write conflicts with what is there (409).</param>
    public static PageResult Of(IResult result, Func<string, string?> field, string? done = null, string? conflict = null)
    {
        var (status, keys) = result switch
        {
            ProblemHttpResult { ProblemDetails: HttpValidationProblemDetails v } => (400, v.Errors.Keys),
            ValidationProblem v => (400, v.ProblemDetails.Errors.Keys),
            ProblemHttpResult p => (p.StatusCode, (IEnumerable<string>)[]),
            IStatusCodeHttpResult { StatusCode: { } code } => (code, []),
            _ => (200, []),
        };
        if (status < 400) return new(true, done ?? UiText.T("done"), new Dictionary<string, string>());
        var errors = keys.ToDictionary(k => k, k => field(k) ?? UiText.Z($"「{k}」填写有误，请检查", $"'{k}' is not valid"));
        var message = status switch
        {
            400 when errors.Count > 0 => UiText.Z("未保存：", "Not saved: ") + string.Join(UiText.Z("；", "; "), errors.Values),
            403 => UiText.Z("您没有这项操作的权限", "You may not do this"),
            404 => UiText.T("notfound"),
            409 => conflict ?? UiText.Z("与现有记录冲突，页面已显示最新内容，请确认后再试", "This conflicts with what is there now; check and try again"),
            _ => UiText.Z($"未完成（{status}），请稍后再试", $"Not done ({status}); try again later"),
        };
        return new(false, message, errors);
    }
}
