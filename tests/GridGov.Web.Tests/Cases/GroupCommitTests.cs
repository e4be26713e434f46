using System.Text.Json;
using GridGov.Data;
using GridGov.Data.Cases;
using GridGov.Data.Entities;
using GridGov.Domain.Cases;
using GridGov.Web.Features.Cases;
using GridGov.Web.Hosting;
using GridGov.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using static GridGov.Web.Tests.Cases.CaseTestKit;

namespace GridGov.Web.Tests.Cases;

/// <summary>The group-committed intake path: per-row conflicts and failures inside a batch, races across writers, same rows as before.</summary>
public sealed class GroupCommitTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory, BothDatabases]
    public async Task A_taken_key_in_a_batch_skips_only_that_row(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        await using var db = app.Db();
        await using var store = IntakeWriter.StoreFor(new Database(app.Provider, app.ConnectionString));
        var key = "test:" + Guid.NewGuid();
        var batch = new[] { Pending(db, key), Pending(db, key), Pending(db, null) };

        var outcomes = await store.WriteAsync(batch, CancellationToken.None);

        Assert.Equal([IntakeOutcomeKind.Created, IntakeOutcomeKind.KeyTaken, IntakeOutcomeKind.Created], outcomes.Select(o => o.Kind));
        foreach (var id in new[] { outcomes[0].Id, outcomes[2].Id })
        {
            Assert.Equal(1, await db.CaseHistory.CountAsync(h => h.CaseId == id && h.Action == "report"));
            Assert.Equal(1, await db.AuditLog.CountAsync(a => a.EntityType == "Case" && a.EntityId == id.ToString() && a.Action == "create"));
        }
        Assert.Equal(1, await db.Cases.CountAsync(c => c.IdempotencyKey == key));
    }

    [SkippableTheory, BothDatabases]
    public async Task A_bad_row_fails_alone_and_the_rest_of_its_batch_is_stored(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        await using var db = app.Db();
        await using var writer = new IntakeWriter(IntakeWriter.StoreFor(new Database(app.Provider, app.ConnectionString)), db.Model.FindEntityType(typeof(Case))!, NullLogger<IntakeWriter>.Instance);
        var bad = Pending(db, null);
        bad.Case.AreaCode = null!; // violates NOT NULL: the batch statement fails, then each report is written alone
        var reports = new[] { Pending(db, null), bad, Pending(db, "test:" + Guid.NewGuid()) };

        var tasks = reports.Select(writer.SubmitAsync).ToList();

        await Assert.ThrowsAnyAsync<Exception>(() => tasks[1]);
        foreach (var i in new[] { 0, 2 })
        {
            var outcome = await tasks[i];
            Assert.Equal(IntakeOutcomeKind.Created, outcome.Kind);
            Assert.Equal(reports[i].Case.Id, outcome.Id);
            Assert.True(await db.Cases.AnyAsync(c => c.Id == outcome.Id && c.TrackingNo == reports[i].Case.TrackingNo));
        }
        Assert.False(await db.Cases.AnyAsync(c => c.TrackingNo == bad.Case.TrackingNo));
    }

    [SkippableTheory, BothDatabases]
    public async Task Concurrent_retries_with_one_key_through_two_writers_make_one_case(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        await using var db = app.Db();
        var database = new Database(app.Provider, app.ConnectionString);
        // Two writers stand for two app processes on the same database.
        await using var a = new IntakeWriter(IntakeWriter.StoreFor(database), db.Model.FindEntityType(typeof(Case))!, NullLogger<IntakeWriter>.Instance);
        await using var b = new IntakeWriter(IntakeWriter.StoreFor(database), db.Model.FindEntityType(typeof(Case))!, NullLogger<IntakeWriter>.Instance);
        var key = "test:" + Guid.NewGuid();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? a : b).SubmitAsync(Pending(db, key))));

        Assert.Single(outcomes, o => o.Kind == IntakeOutcomeKind.Created);
        Assert.Equal(19, outcomes.Count(o => o.Kind == IntakeOutcomeKind.KeyTaken));
        Assert.Equal(1, await db.Cases.CountAsync(c => c.IdempotencyKey == key));
    }

    [SkippableTheory, BothDatabases]
    public async Task A_plain_report_gets_its_history_audit_entry_dirty_marker_and_likely_duplicates(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var micro = await app.ClientFor("sjf.micro");
        var (lon, lat) = await PointIn(app, "5101040170010102");
        var first = await Report(micro, lon, lat, category: "0102");
        var (status, second) = await micro.PostJson("/api/cases", new { categoryCode = "0102", description = "同一处", lon, lat, source = "patrol" });
        Assert.Equal(201, status);
        Assert.Contains(first.GetProperty("id").GetInt64(),
            second.GetProperty("likelyDuplicates").EnumerateArray().Select(d => d.GetProperty("id").GetInt64()));

        var id = second.GetProperty("case").GetProperty("id").GetInt64();
        await using var db = app.Db();
        var history = Assert.Single(await db.CaseHistory.Where(h => h.CaseId == id).ToListAsync());
        Assert.Equal(("report", CaseStatus.Reported, "sjf.micro"), (history.Action, history.ToStatus, history.ActorName));
        var stored = await db.Cases.SingleAsync(c => c.Id == id);
        Assert.True(await db.CaseStatsDirty.AnyAsync(d => d.AreaCode == "510104017001" && d.Day == Features.Indicators.StatsDays.Day(stored.ReportedAt)));

        // The audit entry reads like the one AuditInterceptor writes on the EF path (a report with a photo).
        var withPhoto = (await Report(micro, lon, lat, photos: [await UploadPhoto(micro)])).GetProperty("id").GetInt64();
        var grouped = await db.AuditLog.SingleAsync(a => a.EntityType == "Case" && a.EntityId == id.ToString());
        var viaEf = await db.AuditLog.SingleAsync(a => a.EntityType == "Case" && a.EntityId == withPhoto.ToString() && a.Action == "create");
        Assert.Equal((viaEf.UserId, viaEf.UserName, viaEf.Action, viaEf.AreaCode, viaEf.DistrictCode), (grouped.UserId, grouped.UserName, grouped.Action, grouped.AreaCode, grouped.DistrictCode));
        static IEnumerable<string> Fields(string? summary) => JsonDocument.Parse(summary!).RootElement.EnumerateObject().Select(p => p.Name);
        Assert.Equal(Fields(viaEf.Summary), Fields(grouped.Summary));
        Assert.Contains("同一处", grouped.Summary);
        Assert.DoesNotContain("ReporterPhoneCipher", grouped.Summary);
    }

    [SkippableTheory, BothDatabases]
    public async Task Duplicates_returned_at_intake_are_the_ones_the_duplicates_endpoint_finds_for_each_reporter(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var micro = await app.ClientFor("sjf.micro");
        var secretary = await app.ClientFor("sjf.secretary");
        var (lon, lat) = await PointIn(app, "5101040170010103");
        foreach (var client in new[] { micro, secretary, micro, secretary })
            await Report(client, lon + 0.0001, lat, category: "0103");
        foreach (var client in new[] { micro, secretary })
        {
            var (status, body) = await client.PostJson("/api/cases", new { categoryCode = "0103", description = "又一处", lon, lat, source = "patrol" });
            Assert.Equal(201, status);
            var id = body.GetProperty("case").GetProperty("id").GetInt64();
            var (_, viaEndpoint) = await client.GetJson($"/api/cases/{id}/duplicates");
            static long[] Ids(JsonElement list) => list.EnumerateArray().Select(d => d.GetProperty("id").GetInt64()).ToArray();
            var atIntake = Ids(body.GetProperty("likelyDuplicates"));
            Assert.NotEmpty(atIntake);
            Assert.Equal(Ids(viaEndpoint).Where(x => x < id), atIntake.Where(x => x < id));
        }
    }

    private static PendingIntake Pending(GridGovDb db, string? key)
    {
        var now = DateTime.UtcNow;
        var c = new Case
        {
            TrackingNo = CaseEngine.NewTrackingNo(now), CategoryCode = "0101", Description = "批量写入测试", Source = "patrol",
            Status = CaseStatus.Reported, Lon = 104.08, Lat = 30.65, AreaCode = "5101040170010101", DistrictCode = "510104",
            ReporterName = "test", HandlerLevel = HandlerLevel.MicroGrid, ReportedAt = now, IdempotencyKey = key, Version = 1,
        };
        return new PendingIntake(c, db.Model.FindEntityType(typeof(Case))!, null, "test", "test", "127.0.0.1", null);
    }

    /// <summary>Only the PostgreSQL store keeps a connection (a session) between batches.</summary>
    [SkippableTheory, InlineData(DatabaseProvider.Postgres)]
    public async Task After_the_server_ends_its_session_the_writer_reconnects_and_nothing_is_half_written(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        await using var db = app.Db();
        // This writer's session is named apart from the app's own writer, which the other tests use.
        var name = "test-writer-" + Guid.NewGuid().ToString("N")[..8];
        var cs = new Npgsql.NpgsqlConnectionStringBuilder(app.ConnectionString) { ApplicationName = name }.ConnectionString;
        await using var writer = new IntakeWriter(IntakeWriter.StoreFor(new Database(app.Provider, cs)), db.Model.FindEntityType(typeof(Case))!, NullLogger<IntakeWriter>.Instance);
        Assert.Equal(IntakeOutcomeKind.Created, (await writer.SubmitAsync(Pending(db, null))).Kind);
        await using (var named = (IntakeBatchPostgres)IntakeWriter.StoreFor(new Database(app.Provider, app.ConnectionString)))
        {
            await named.WriteAsync([Pending(db, null)], CancellationToken.None);
            Assert.Contains(IntakeBatchPostgres.ApplicationName, await db.Database.SqlQueryRaw<string>(
                "SELECT application_name AS \"Value\" FROM pg_stat_activity WHERE datname = current_database()").ToListAsync());
        }

        // A restart, a failover or an administrator's pg_terminate_backend ends the writer's session.
        var ended = await db.Database.SqlQueryRaw<bool>(
            "SELECT pg_terminate_backend(pid) AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND application_name = {0}", name).ToListAsync();
        Assert.Equal([true], ended); // one session: the writer keeps one connection

        // The batch that meets the dead session fails (its reporters retry with their keys) and writes nothing...
        var cut = Pending(db, "test:" + Guid.NewGuid());
        await Assert.ThrowsAnyAsync<Exception>(() => writer.SubmitAsync(cut));
        Assert.False(await db.Cases.AnyAsync(c => c.TrackingNo == cut.Case.TrackingNo || c.IdempotencyKey == cut.Case.IdempotencyKey));
        // ...and the next batch goes through on a new session, as does the retry of the failed one.
        Assert.Equal(IntakeOutcomeKind.Created, (await writer.SubmitAsync(Pending(db, null))).Kind);
        var retry = Pending(db, cut.Case.IdempotencyKey);
        Assert.Equal(IntakeOutcomeKind.Created, (await writer.SubmitAsync(retry)).Kind);
        Assert.Equal(1, await db.Cases.CountAsync(c => c.IdempotencyKey == cut.Case.IdempotencyKey));
    }
}
