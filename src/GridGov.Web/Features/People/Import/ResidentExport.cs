using System.Globalization;
using GridGov.Data;
using GridGov.Domain.People;
using GridGov.Domain.Security;
using GridGov.Web.Hosting;
using GridGov.Web.Hosting.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.People.Import;

/// <summary>
/// The residents of an area of the caller as a sheet in the import's format (the same headers, one row per home).
/// Numbers are MASKED, for every role: the export is for reading and checking, and a masked sheet cannot be
/// imported back (its ID numbers fail the check). The export is audited with its count.
/// </summary>
public static class ResidentExport
{
    public static void MapResidentExport(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/people/export.xlsx", ExportAsync).RequirePermission(Permission.RegistryRead).WithTags("People import")
            .WithSummary("Residents of an area of yours as XLSX in the import's columns, one row per home; ID and phone numbers masked");

    private static async Task<IResult> ExportAsync(HttpContext http, string? area, GridGovDb db, Caller caller, AuditWriter audit, CancellationToken ct)
    {
        if (BuildingEndpoints.Scope(area, caller) is not { } areas) return Problems.NotFound($"No area {area} in yours.");
        var homes = await (from l in db.Residences.AsNoTracking().Where(l => l.To == null).WithinAny(l => l.AreaCode, areas)
                           join p in db.People.AsNoTracking() on l.PersonId equals p.Id
                           join h in db.Houses.AsNoTracking() on l.HouseId equals h.Id
                           join b in db.Buildings.AsNoTracking() on h.BuildingId equals b.Id
                           join c in db.Compounds.AsNoTracking() on b.CompoundId equals c.Id into cs
                           from c in cs.DefaultIfEmpty()
                           orderby l.AreaCode, b.Id, h.Unit, h.Floor, h.Number, l.Relation, p.Id
                           select new
                           {
                               p.Name, p.IdNumberMasked, p.DocumentMasked, p.PhoneMasked, p.Registration, p.Tags,
                               Compound = c == null ? "" : c.Name, Building = b.Name, h.Unit, h.Number, l.Relation, l.From,
                           }).Take(ImportLimits.MaxExportRows).ToListAsync(ct);
        var homeless = await db.People.AsNoTracking().WithinAny(p => p.AreaCode, areas)
            .Where(p => !db.Residences.Any(l => l.PersonId == p.Id && l.To == null))
            .OrderBy(p => p.Id).Take(Math.Max(0, ImportLimits.MaxExportRows - homes.Count))
            .Select(p => new { p.Name, p.IdNumberMasked, p.DocumentMasked, p.PhoneMasked, p.Registration, p.Tags }).ToListAsync(ct);

        var header = ImportColumns.ExportOrder.Select(ImportColumns.Header).ToArray();
        var lines = homes.Select(x => new string?[]
            {
                x.Name, x.IdNumberMasked, x.DocumentMasked, x.PhoneMasked, x.Registration.Chinese(), x.Tags.Replace('|', '、'), x.Compound, x.Building,
                x.Unit.ToString(CultureInfo.InvariantCulture), x.Number, x.Relation.Chinese(), x.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            })
            .Concat(homeless.Select(x => new string?[]
            {
                x.Name, x.IdNumberMasked, x.DocumentMasked, x.PhoneMasked, x.Registration.Chinese(), x.Tags.Replace('|', '、'), null, null, null, null, null, null,
            }));
        var buffer = new MemoryStream();
        SheetWriter.Write(buffer, "实有人口", new[] { header }.Concat(lines));
        var count = homes.Count + homeless.Count;
        await audit.RecordAsync("export", "Person", null, area ?? areas[0], $"{count} rows of residents exported as XLSX (numbers masked)", null, ct);
        buffer.Position = 0;
        var stamp = DateTime.UtcNow.AddHours(8).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        return Results.File(buffer, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"residents-{area ?? areas[0]}-{stamp}.xlsx");
    }
}
