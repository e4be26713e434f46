using GridGov.Data;
using GridGov.Domain.Security;
using GridGov.Web.Hosting;
using GridGov.Web.Hosting.Security;

namespace GridGov.Web.Features.Verification;

/// <summary>Community staff review the workers' corrections: list, approve (applied to the registry), reject with a note.</summary>
public static class ReviewEndpoints
{
    public static void MapReviews(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/verification").WithTags("Verification rounds");
        g.MapGet("/requests", List).RequirePermission(Permission.VerificationReview)
            .WithSummary("Corrections in an area of yours: waiting (oldest first), or decided=true (newest first)");
        g.MapPost("/requests/{id:long}/approve", async (long id, ReviewBody? body, ChangeReviews reviews, CancellationToken ct) =>
                (await reviews.ApproveAsync(id, body?.Note, ct)).ToHttp($"/api/verification/requests/{id}"))
            .RequirePermission(Permission.VerificationReview).WithSummary("Approve a correction: it is applied to the registry and the house is verified");
        g.MapPost("/requests/{id:long}/reject", async (long id, ReviewBody? body, ChangeReviews reviews, CancellationToken ct) =>
                (await reviews.RejectAsync(id, body?.Note, ct)).ToHttp($"/api/verification/requests/{id}"))
            .RequirePermission(Permission.VerificationReview).WithSummary("Reject a correction with a note: the house goes back to the worker");
    }

    private static async Task<IResult> List(string? area, bool? decided, int? limit, GridGovDb db, Caller caller, CancellationToken ct)
    {
        var take = limit ?? 50;
        if (take is < 1 or > ReviewRows.MaxRows) return Problems.Invalid("limit", $"limit is 1 to {ReviewRows.MaxRows}.");
        if (ReviewRows.Scope(area, caller) is not { } areas) return Problems.NotFound($"No area {area} in yours.");
        return Results.Ok(await ReviewRows.ListAsync(db, areas, decided ?? false, take, ct));
    }
}
