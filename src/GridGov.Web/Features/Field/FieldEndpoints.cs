using System.Globalization;
using GridGov.Domain.Security;
using GridGov.Web.Hosting;
using GridGov.Web.Hosting.Security;

namespace GridGov.Web.Features.Field;

/// <summary>
/// The field app's own reads, all scoped to the caller: where to start (their area and its most used categories),
/// the cases they reported, the cases they handle. Reporting and acting go through <c>/api/cases</c>.
/// </summary>
public static class FieldEndpoints
{
    public const int MaxReports = 100;

    public static void MapField(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/field").WithTags("Field");
        g.MapGet("/start", (FieldStart start, CancellationToken ct) => start.GetAsync(ct))
            .RequirePermission(Permission.CasesReport)
            .WithSummary("Where the field app starts: the caller's own area with a point inside it (the pin without GPS) and the 12 categories to show first");
        g.MapGet("/reports", Reports).RequirePermission(Permission.CasesReport)
            .WithSummary("The caller's own reports, newest first, with area names; page with cursor (the last id seen) and limit (1 to 100)");
        g.MapGet("/tasks", (FieldCases cases, CancellationToken ct) => cases.TasksAsync(ct)).RequirePermission(Permission.CasesHandle)
            .WithSummary("Open cases the caller handles (dispatched, handling, suspended), the nearest deadline first, with their clock colour");
    }

    private static async Task<IResult> Reports(FieldCases cases, CancellationToken ct, string? cursor = null, string? limit = null)
    {
        var errors = new Dictionary<string, string[]>();
        long? after = null;
        if (!string.IsNullOrWhiteSpace(cursor))
        {
            if (long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var c) && c > 0) after = c;
            else errors["cursor"] = ["cursor is the nextCursor of the previous page (a positive number)."];
        }
        var size = 30;
        if (!string.IsNullOrWhiteSpace(limit) && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxReports))
            errors["limit"] = [$"limit is 1 to {MaxReports}."];
        if (errors.Count > 0) return Problems.Invalid(errors);
        return Results.Ok(await cases.ReportsAsync(after, size, ct));
    }
}
