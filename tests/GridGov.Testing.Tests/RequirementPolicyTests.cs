namespace GridGov.Testing.Tests;

// The policy is tested directly because the CI variable is process-wide and tests run in parallel.
public sealed class RequirementPolicyTests
{
    [Fact]
    public void Missing_dependency_fails_under_CI()
    {
        var e = Assert.Throws<RequirementNotMetException>(() =>
            Requirement.Unmet("example is required under CI=true: example reason", "skip: example", isCi: true));
        Assert.Equal("example is required under CI=true: example reason", e.Message);
    }

    [Fact]
    public void Missing_dependency_skips_outside_CI()
    {
        // Written to stderr once, so make it obviously synthetic in CI logs.
        const string message = "[policy self-test] example dependency not found: example reason";
        var e = Assert.Throws<SkipException>(() => Requirement.Unmet("ci: example", message, isCi: false));
        Assert.Equal(message, e.Message);
    }

    [SkippableFact]
    public void Chromium_is_found()
    {
        var path = RequiresChromium.Get();
        Assert.True(File.Exists(path), path);
    }
}
