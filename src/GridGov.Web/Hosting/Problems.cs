namespace GridGov.Web.Hosting;

/// <summary>ProblemDetails answers with the same shape everywhere (RFC 9457).</summary>
public static class Problems
{
    public static IResult NotFound(string what) =>
        Results.Problem(statusCode: 404, title: "Not found", detail: what);

    public static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    public static IResult Invalid(IDictionary<string, string[]> errors) => Results.ValidationProblem(errors);

    public static IResult Conflict(string detail) => Results.Problem(statusCode: 409, title: "Conflict", detail: detail);

    public static IResult TooLarge(long limitBytes) =>
        Results.Problem(statusCode: 413, title: "Payload too large", detail: $"The upload exceeds the limit of {limitBytes / 1024 / 1024} MB.");
}
