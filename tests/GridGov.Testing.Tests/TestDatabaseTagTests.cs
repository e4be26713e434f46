namespace GridGov.Testing.Tests;

public sealed class TestDatabaseTagTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    private static string Tag(string host, int pid, DateTimeOffset created) =>
        $"gridgov-test host={host} pid={pid} created={created.ToUnixTimeSeconds()}";

    [Fact]
    public void Own_tag_is_well_formed_and_not_stale_while_we_run()
    {
        var tag = TestDatabaseTag.ForCurrentProcess();
        Assert.StartsWith("gridgov-test host=", tag);
        Assert.False(TestDatabaseTag.IsStale(tag, DateTimeOffset.UtcNow, TestDatabaseTag.IsAlive));
    }

    [Fact]
    public void Dead_creator_on_this_machine_makes_a_database_stale()
    {
        var tag = Tag(Environment.MachineName, 12345, Now);
        Assert.True(TestDatabaseTag.IsStale(tag, Now, _ => false));
        Assert.False(TestDatabaseTag.IsStale(tag, Now, _ => true));
    }

    [Fact]
    public void Other_machines_databases_are_only_stale_after_a_day()
    {
        Assert.False(TestDatabaseTag.IsStale(Tag("elsewhere", 1, Now.AddHours(-2)), Now, _ => false));
        Assert.True(TestDatabaseTag.IsStale(Tag("elsewhere", 1, Now.AddDays(-2)), Now, _ => true));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("production data, do not drop")]
    [InlineData("gridgov-testing host=x pid=1 created=0")]
    public void Foreign_databases_are_never_stale(string? comment) =>
        Assert.False(TestDatabaseTag.IsStale(comment, Now, _ => false));
}
