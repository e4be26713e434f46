using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Xunit;

namespace GridGov.Testing;

/// <summary>
/// Policy for a missing external dependency: fail under CI=true, otherwise skip the test.
/// Skipping only shows as "skipped" in tests marked [SkippableFact]/[SkippableTheory].
/// </summary>
internal static class Requirement
{
    private static readonly ConcurrentDictionary<string, bool> s_reported = new();

    public static bool IsCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    [DoesNotReturn]
    public static void Unmet(string ciMessage, string skipMessage) => Unmet(ciMessage, skipMessage, IsCi);

    [DoesNotReturn]
    internal static void Unmet(string ciMessage, string skipMessage, bool isCi)
    {
        if (isCi)
            throw new RequirementNotMetException(ciMessage);

        // Once per process: a skipped suite should say why without repeating it for every test.
        if (s_reported.TryAdd(skipMessage, true))
            Console.Error.WriteLine(skipMessage);

        Skip.If(true, skipMessage);
        throw new UnreachableException();
    }
}
