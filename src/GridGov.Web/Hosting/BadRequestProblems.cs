using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.WebUtilities;

namespace GridGov.Web.Hosting;

/// <summary>
/// A request that minimal APIs cannot bind (RouteHandlerOptions.ThrowOnBadRequest makes them throw) answers with a
/// ProblemDetails naming the field and what is wrong: a JSON path ($.lon → lon), a route or query parameter, or
/// "body". Every other exception is left to the default handler: a 500 ProblemDetails without internals.
/// </summary>
public sealed partial class BadRequestProblems(IProblemDetailsService problems) : IExceptionHandler
{
    // The framework's own messages are the only place the parameter is named (RequestDelegateFactory).
    [GeneratedRegex("""^Failed to bind parameter "(?<type>[^"]+) (?<name>[^" ]+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex BindFailure();

    [GeneratedRegex("""^Required parameter "(?<type>[^"]+) (?<name>[^" ]+)" was not provided from (?<source>.+)\.$""")]
    private static partial Regex Missing();

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<name>(?:[^']|'')*)'\]|\[(?<index>\d+)\]")]
    private static partial Regex PathSegment();

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad) return false;
        var (field, message) = Describe(http, bad);
        var status = bad.StatusCode;
        http.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
            {
                Status = status,
                Title = status == 400 ? "One or more validation errors occurred." : ReasonPhrases.GetReasonPhrase(status),
                Detail = $"{field}: {message}",
            },
        });
    }

    /// <summary>
    /// A 415 is mostly decided by routing (the endpoint accepts only JSON), which sets the status without an
    /// exception: the status-code page's ProblemDetails is given the same field and message here.
    /// </summary>
    public static void NameUnsupportedBody(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Status != StatusCodes.Status415UnsupportedMediaType || problem.Extensions.ContainsKey("errors")) return;
        var message = UnsupportedBody(context.HttpContext);
        problem.Detail = $"body: {message}";
        problem.Extensions["errors"] = new Dictionary<string, string[]> { ["body"] = [message] };
    }

    private static string UnsupportedBody(HttpContext http) =>
        $"send the body as JSON with Content-Type: application/json (got {http.Request.ContentType ?? "none"}).";

    private static (string Field, string Message) Describe(HttpContext http, BadHttpRequestException e)
    {
        if (e.StatusCode == StatusCodes.Status415UnsupportedMediaType) return ("body", UnsupportedBody(http));
        if (e.StatusCode == StatusCodes.Status413PayloadTooLarge) return ("body", e.Message); // Kestrel's names the limit
        if (e.InnerException is JsonException json) return FromJson(http, json);
        if (BindFailure().Match(e.Message) is { Success: true } bind)
        {
            var value = bind.Groups["value"].Value;
            if (value.Length > 40) value = value[..40] + "…";
            return (bind.Groups["name"].Value, $"must be {Expected(bind.Groups["type"].Value)}, not \"{value}\".");
        }
        if (e.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal)) return ("body", "a JSON body is required.");
        if (Missing().Match(e.Message) is { Success: true } missing)
            return missing.Groups["source"].Value == "body"
                ? ("body", "a JSON body is required.")
                : (missing.Groups["name"].Value, $"is required ({missing.Groups["source"].Value}).");
        return ("body", e.Message);
    }

    /// <summary>A body that is not JSON, or a value of the wrong type at a path such as $.lon or $.photoIds[0].</summary>
    private static (string Field, string Message) FromJson(HttpContext http, JsonException e)
    {
        var field = e.Path is { Length: > 1 } p && p.StartsWith('$') ? p.TrimStart('$').TrimStart('.') : "body";
        var at = e.LineNumber is { } line ? $" (line {line + 1}, position {e.BytePositionInLine + 1})" : "";
        // The reader's own errors (a syntax error, NaN, a cut-off body) come wrapped; a converter's come bare.
        if (e.InnerException is JsonException)
            return (field, field == "body" ? $"the body is not valid JSON{at}."
                : $"the value is not valid JSON (quote text, write numbers as digits){at}.");
        // The handler runs with the endpoint cleared; the feature keeps the one that failed.
        var endpoint = http.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
        var bodyType = endpoint?.Metadata.GetOrderedMetadata<IAcceptsMetadata>().Select(a => a.RequestType).LastOrDefault(t => t is not null);
        var type = TypeAt(bodyType, e.Path);
        return (field, type is null ? $"has a value of the wrong type{at}." : $"must be {Expected(type)}{at}.");
    }

    /// <summary>The .NET type a JSON path points at in the request type, when it can be followed.</summary>
    private static Type? TypeAt(Type? type, string? path)
    {
        if (type is null || path is null) return null;
        foreach (Match m in PathSegment().Matches(path))
        {
            if (m.Groups["index"].Success)
                type = ElementType(type);
            else
                type = type.GetProperty(m.Groups["name"].Value.Replace("''", "'"),
                    BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
            if (type is null) return null;
        }
        return type;
    }

    private static Type? ElementType(Type t) =>
        t.IsArray ? t.GetElementType()
        : t.IsGenericType && typeof(IEnumerable).IsAssignableFrom(t) ? t.GetGenericArguments()[^1] : null;

    private static string Expected(Type t)
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        return t != typeof(string) && ElementType(t) is { } element ? $"a list of {Expected(element)}" : Expected(t.Name);
    }

    /// <summary>What a value of the type looks like, from a C# or CLR type name ("long?", "Int64", "Guid").</summary>
    private static string Expected(string typeName) => Unwrap(typeName) switch
    {
        "long" or "int" or "short" or "byte" or "ulong" or "uint"
            or "Int64" or "Int32" or "Int16" or "Byte" or "UInt64" or "UInt32" => "a whole number",
        "double" or "float" or "decimal" or "Double" or "Single" or "Decimal" => "a number",
        "bool" or "Boolean" => "true or false",
        "Guid" => "an id (UUID such as 3f2504e0-4f89-11d3-9a0c-0305e82c3301)",
        "DateTime" or "DateTimeOffset" => "a date-time such as 2026-05-01T08:00:00+08:00",
        "DateOnly" => "a date such as 2026-05-01",
        "string" or "String" => "text",
        var other => $"a valid {other}",
    };

    private static string Unwrap(string typeName) =>
        typeName.StartsWith("Nullable<", StringComparison.Ordinal) && typeName.EndsWith('>') ? typeName[9..^1] : typeName.TrimEnd('?');
}
