using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Data.Seeding;
using GridGov.Domain.Boundaries;
using GridGov.Web.Hosting;

namespace GridGov.Web.Features.Boundaries;

public sealed record ImportOutcome(bool Ok, int Inserted, int Updated, IReadOnlyList<BoundaryProblem> Problems);

/// <summary>
/// Parse → validate everything → write in one transaction → rebuild and swap the routing index.
/// A file with any problem changes nothing.
/// </summary>
public sealed class BoundaryImporter(GridGovDb db, Database database, GridGovOptions options, IndexRebuilder? rebuilder = null)
{
    /// <param name="mayChange">Which codes the importer may write (the caller's area); others are reported, not written.</param>
    public async Task<ImportOutcome> ImportAsync(ReadOnlyMemory<byte> geojson, string source, string importedBy,
        Func<string, bool> mayChange, CancellationToken ct)
    {
        var (features, problems) = GeoJsonBoundaryReader.Read(geojson);
        foreach (var f in features.Where(f => !mayChange(f.Code)))
            problems.Add(new BoundaryProblem(f.Index, f.Code, "outside your area: you may only import boundaries inside the areas you administer"));
        // Validate what did parse as well, so one round trip lists every problem in the file.
        if (features.Count > 0)
            problems.AddRange(BoundaryValidator.Validate(features, new StoredBoundaries(db), options.OverlapToleranceSquareMeters));
        problems.Sort((a, b) => (a.FeatureIndex ?? -1).CompareTo(b.FeatureIndex ?? -1));
        if (problems.Count > 0) return new ImportOutcome(false, 0, 0, problems);

        var now = DateTime.UtcNow;
        // Parents before children, so a street and its communities can arrive in the same file.
        var rows = features.OrderBy(f => f.Code.Length).ThenBy(f => f.Code, StringComparer.Ordinal)
            .Select(f => AreaRows.ToRow(new Domain.Areas.AreaDraft(f.Code, f.Kind, f.Name, f.ParentCode, f.Geometry, f.Synthetic, f.DedicatedType), now));
        int inserted, updated;
        await using (var conn = AreaBulkWriter.Open(database.Provider, database.ConnectionString))
        await using (var tx = await conn.BeginTransactionAsync(ct))
        {
            (inserted, updated) = await AreaBulkWriter.UpsertAsync(conn, tx, rows, null, ct);
            await using (var cmd = conn.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = "INSERT INTO boundary_imports (imported_at, source, inserted, updated, imported_by) VALUES (@at, @src, @ins, @upd, @by)";
                cmd.AddParameter("@at", now);
                cmd.AddParameter("@src", source.Length > 200 ? source[..200] : source);
                cmd.AddParameter("@ins", inserted);
                cmd.AddParameter("@upd", updated);
                cmd.AddParameter("@by", importedBy);
                await cmd.ExecuteNonQueryAsync(ct);
            }
            await tx.CommitAsync(ct);
        }
        if (rebuilder is not null) await rebuilder.RebuildAsync(ct);
        return new ImportOutcome(true, inserted, updated, []);
    }
}
