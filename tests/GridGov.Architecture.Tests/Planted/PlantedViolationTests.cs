namespace GridGov.Architecture.Tests.Planted;

/// <summary>The rules must fail on violations planted here (in this test assembly, never in the app).</summary>
public sealed class PlantedViolationTests
{
    private static readonly System.Reflection.Assembly Here = typeof(PlantedViolationTests).Assembly;
    private static readonly IReadOnlyList<ModuleInfo> Planted = ArchitectureRules.ModulesOf(Here);

    [Fact]
    public void The_planted_modules_are_discovered() =>
        Assert.Equal(["Alpha", "Beta"], Planted.Select(m => m.Name).Order());

    [Fact]
    public void Reaching_into_another_modules_internals_is_reported()
    {
        var problems = ArchitectureRules.InternalsReached(Here, Planted);
        var problem = Assert.Single(problems);
        Assert.Contains("Features.Beta.BetaReport", problem);
        Assert.Contains("Features.Alpha.AlphaSecretStore", problem);
    }

    [Fact]
    public void A_cycle_between_modules_is_reported() =>
        Assert.Equal(["Alpha → Beta → Alpha"], ArchitectureRules.Cycles(Here, Planted));

    [Fact]
    public void Io_in_a_pure_namespace_is_reported() =>
        Assert.Equal(["GridGov.Architecture.Tests.Planted.Domain.AsksTheNetwork", "GridGov.Architecture.Tests.Planted.Domain.ReadsAFile"],
            ArchitectureRules.IoIn(Here, "GridGov.Architecture.Tests.Planted.Domain").Order());
}
