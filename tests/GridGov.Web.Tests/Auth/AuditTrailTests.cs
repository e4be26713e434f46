using GridGov.Data;
using GridGov.Data.Seeding;
using GridGov.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Tests.Auth;

/// <summary>Every write leaves an audit entry in the same transaction; the database refuses to change the log.</summary>
public sealed class AuditTrailTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory, BothDatabases]
    public async Task Assigning_and_ending_are_audited_with_who_what_and_before_after(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = await app.ClientFor("sjf.secretary");
        var (_, member) = await client.PostJson("/api/staff", new { name = "审计测试", areaCode = "510104017001" });
        var (_, assignment) = await client.PostJson("/api/grids/51010401700101/assignments", new { staffMemberId = member.GetProperty("id").GetInt64(), role = "volunteer" });
        var id = assignment.GetProperty("id").GetInt64();
        await client.PostJson($"/api/assignments/{id}/end", new { note = "活动结束" });

        await using var db = app.Db();
        var entries = await db.AuditLog.Where(e => e.EntityType == "GridAssignment" && e.EntityId == id.ToString()).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["create", "update"], entries.Select(e => e.Action));
        Assert.All(entries, e =>
        {
            Assert.Equal("sjf.secretary", e.UserName);
            Assert.Equal("51010401700101", e.AreaCode);
            Assert.Equal("510104", e.DistrictCode);
        });
        Assert.True(entries[1].Summary!.Contains("EndNote", StringComparison.Ordinal), entries[1].Summary);
        Assert.Contains("活动结束", entries[1].Summary);
    }

    [SkippableTheory, BothDatabases]
    public async Task The_database_refuses_to_update_or_delete_audit_entries(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = await app.ClientFor("sjf.secretary");
        await client.PostJson("/api/staff", new { name = "留痕", areaCode = "510104017001" });
        await using var conn = AreaBulkWriter.Open(app.Provider, app.ConnectionString);
        foreach (var sql in new[] { "UPDATE audit_log SET user_name = 'someone else'", "DELETE FROM audit_log" })
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = sql;
            var error = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => cmd.ExecuteNonQueryAsync());
            Assert.Contains("append-only", error.Message);
        }
    }
}
