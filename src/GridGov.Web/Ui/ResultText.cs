using Microsoft.AspNetCore.Http.HttpResults;

namespace GridGov.Web.Ui;

/// <summary>Turns an endpoint handler's result into a line a person can read on a page (pages reuse the API's handlers).</summary>
public static class ResultText
{
    public static (bool Ok, string Message) Of(IResult result) => result switch
    {
        ProblemHttpResult { ProblemDetails: HttpValidationProblemDetails v } => (false, string.Join("；", v.Errors.SelectMany(e => e.Value))),
        ProblemHttpResult p => (false, p.ProblemDetails.Detail ?? p.ProblemDetails.Title ?? "error"),
        ValidationProblem v => (false, string.Join("；", v.ProblemDetails.Errors.SelectMany(e => e.Value))),
        IStatusCodeHttpResult { StatusCode: >= 400 } s => (false, $"HTTP {s.StatusCode}"),
        _ => (true, UiText.T("done")),
    };
}
