using GridGov.Data;
using GridGov.Web.Tests.Infrastructure;
using GridGov.Data.Migrations;
using GridGov.Data.Seeding;
using GridGov.Testing;

namespace GridGov.Web.Tests.Data;

/// <summary>The hand-written migrations must build exactly the schema the EF model describes, on both providers.</summary>
public sealed class MigrationTests
{
    private static async Task<string> FreshDatabase(DatabaseProvider provider) => provider == DatabaseProvider.Postgres
        ? await RequiresPostgres.Get().CreateDatabaseAsync()
        : $"Data Source={Path.Combine(Path.GetTempPath(), "gridgov-migrate-" + Guid.NewGuid().ToString("N") + ".db")}";

    [SkippableTheory]
    [BothDatabases]
    public async Task A_fresh_database_migrated_to_the_newest_version_matches_the_EF_model(DatabaseProvider provider)
    {
        var migrated = await FreshDatabase(provider);
        var applied = await Migrator.MigrateAsync(provider, migrated);
        Assert.Equal(Migrator.Available(provider).Select(m => m.Version), applied);

        var fromModel = await FreshDatabase(provider);
        await using (var db = DbSetup.Create(provider, fromModel))
            Assert.True(await db.Database.EnsureCreatedAsync());

        var expected = await SchemaSnapshot.TakeAsync(provider, fromModel);
        var actual = await SchemaSnapshot.TakeAsync(provider, migrated);
        Assert.Contains(expected, l => l.Contains("areas", StringComparison.Ordinal));
        Assert.Equal(expected, actual);
    }

    [SkippableTheory]
    [BothDatabases]
    public async Task Nodes_starting_together_apply_each_migration_exactly_once(DatabaseProvider provider)
    {
        var cs = await FreshDatabase(provider);
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Migrator.MigrateAsync(provider, cs))));
        Assert.Equal(Migrator.Available(provider).Count, runs.Sum(r => r.Count));

        await using var conn = AreaBulkWriter.Open(provider, cs);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM schema_history";
        Assert.Equal(Migrator.Available(provider).Count, Convert.ToInt32(await cmd.ExecuteScalarAsync()));

        // A later start finds nothing to do.
        Assert.Empty(await Migrator.MigrateAsync(provider, cs));
    }

    [SkippableTheory]
    [BothDatabases]
    public async Task An_applied_migration_that_was_edited_afterwards_stops_start_up(DatabaseProvider provider)
    {
        var cs = await FreshDatabase(provider);
        await Migrator.MigrateAsync(provider, cs);
        await using (var conn = AreaBulkWriter.Open(provider, cs))
        await using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = "UPDATE schema_history SET checksum = 'edited' WHERE version = 1";
            await cmd.ExecuteNonQueryAsync();
        }
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Migrator.MigrateAsync(provider, cs));
        Assert.Contains("changed after it was applied", error.Message);
    }
}
