using GridGov.Web.Hosting;

// Planted violations: a module that reaches into another's internals, a cycle, and I/O in a "pure" namespace.
namespace GridGov.Architecture.Tests.Planted.Features.Alpha
{
    public sealed class AlphaModule : IModule
    {
        public IReadOnlyList<Type> Surface => [typeof(AlphaApi)];
    }

    public sealed class AlphaApi
    {
        // Alpha → Beta through Beta's surface: allowed, but with Beta → Alpha it closes a cycle.
        public int Count(Beta.BetaApi beta) => beta.Size;
    }

    public sealed class AlphaSecretStore
    {
        public string Secret => "internal";
    }
}

namespace GridGov.Architecture.Tests.Planted.Features.Beta
{
    public sealed class BetaModule : IModule
    {
        public IReadOnlyList<Type> Surface => [typeof(BetaApi)];
    }

    public sealed class BetaApi
    {
        public int Size => 1;
    }

    public sealed class BetaReport
    {
        // The violation: an internal type of Alpha used from Beta.
        public string Read() => new Alpha.AlphaSecretStore().Secret;
    }
}

namespace GridGov.Architecture.Tests.Planted.Domain
{
    public static class ReadsAFile
    {
        public static string Read(string path) => System.IO.File.ReadAllText(path);
    }

    public static class AsksTheNetwork
    {
        public static Task<string> Fetch(string url) => new System.Net.Http.HttpClient().GetStringAsync(url);
    }

    public static class Pure
    {
        public static int Twice(int x) => 2 * x;
    }
}
