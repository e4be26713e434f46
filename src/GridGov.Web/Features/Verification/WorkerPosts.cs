using GridGov.Domain.Security;
using GridGov.Web.Hosting.Security;

namespace GridGov.Web.Features.Verification;

/// <summary>
/// The grids and micro-grids a caller works as a grid worker: a house falls to the worker of exactly its item's
/// <c>WorkerArea</c>, so a grid's full-time worker does not get the houses of a micro-grid that has its own worker,
/// and a worker of another micro-grid is told a house of it does not exist (404).
/// </summary>
internal static class WorkerPosts
{
    public static IReadOnlyList<string> Of(Caller caller) => caller.Grants
        .Where(g => g.Role is AppRole.GridWorker or AppRole.MicroGridWorker && RolePolicy.Allows(g.Role, Permission.RegistryWrite))
        .Select(g => g.Area).Distinct().ToList();
}
