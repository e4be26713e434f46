using GridGov.Domain.Security;
using GridGov.Web.Hosting;
using GridGov.Web.Hosting.Security;

namespace GridGov.Web.Features.Verification;

/// <summary>The grid worker's side (the field app): my houses to verify, one house, and a confirmation or correction of it.</summary>
public static class WorkerEndpoints
{
    public static void MapWorker(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/verification").WithTags("Verification rounds");
        g.MapGet("/mine", (WorkerHouses houses, CancellationToken ct) => houses.MineAsync(ct)).RequirePermission(Permission.RegistryWrite)
            .WithSummary("The houses falling to the caller as a grid worker in open rounds, by building, unit and floor, occupants masked");
        g.MapGet("/items/{id:long}", async (long id, WorkerHouses houses, CancellationToken ct) =>
                await houses.OneAsync(id, ct) is { } house ? Results.Ok(house) : Problems.NotFound($"No house to verify {id} of yours."))
            .RequirePermission(Permission.RegistryWrite).WithSummary("A house of yours to verify, with its occupants (numbers masked)");
        g.MapPost("/items/{id:long}/reports", async (long id, VerificationReportBody body, VerificationFiling filing, CancellationToken ct) =>
                (await filing.FileAsync(id, body, ct)).ToHttp($"/api/verification/items/{id}"))
            .RequirePermission(Permission.RegistryWrite)
            .WithSummary("Confirm a house as registered, or correct it (a change request for the community); once per idempotencyKey");
    }
}
