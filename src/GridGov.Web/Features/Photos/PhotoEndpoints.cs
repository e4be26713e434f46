using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Domain.Security;
using GridGov.Web.Features.Cases;
using GridGov.Web.Hosting;
using GridGov.Web.Hosting.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Photos;

/// <summary>Upload a photo first (raw image body), then attach its id to a report or an action. Reading goes through the case's visibility.</summary>
public static class PhotoEndpoints
{
    public static void MapPhotos(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/photos").WithTags("Photos");
        g.MapPost("/", Upload).RequireAuthorization().WithSummary("Upload a JPEG, PNG or WebP (≤ 10 MB) as the request body; returns its id");
        // No :guid constraint: a malformed id is a 400 naming it, not a 404 that looks like a missing photo.
        g.MapGet("/{id}", (Guid id, bool? thumbnail, GridGovDb db, CaseAccess access, CancellationToken ct) => Download(id, thumbnail == true, db, access, ct))
            .RequireAuthorization().WithSummary("A photo (or ?thumbnail=true) of a case you may see");
    }

    private static async Task<IResult> Upload(HttpContext http, PhotoStore store, GridGovDb db, Caller caller, CancellationToken ct)
    {
        if (http.Request.ContentLength > PhotoStore.MaxBytes) return Problems.TooLarge(PhotoStore.MaxBytes);
        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = PhotoStore.MaxBytes + 1;
        var (photo, problem) = await store.SaveAsync(http.Request.Body, ct);
        if (photo is null)
        {
            if (problem!.TooLarge) return Problems.TooLarge(PhotoStore.MaxBytes);
            var message = problem.Message(FileName(http.Request));
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["photo"] = [message] }, detail: message);
        }
        var row = new CasePhoto
        {
            Id = Guid.NewGuid(), DistrictCode = "", ContentType = photo.ContentType, Bytes = photo.Bytes, Width = photo.Width,
            Height = photo.Height, Sha256 = photo.Sha256, Path = photo.Path, ThumbnailPath = photo.ThumbnailPath,
            UploadedBy = caller.UserId, UploadedAt = DateTime.UtcNow,
        };
        db.CasePhotos.Add(row);
        await db.SaveChangesAsync(ct);
        return Results.Created($"/api/photos/{row.Id}", new { id = row.Id, contentType = row.ContentType, bytes = row.Bytes, width = row.Width, height = row.Height });
    }

    /// <summary>
    /// The name the client gives the file (Content-Disposition: attachment; filename*=UTF-8''…), to name it in a
    /// refusal; only its last path part, printable, at most 80 characters.
    /// </summary>
    private static string? FileName(HttpRequest request)
    {
        if (!Microsoft.Net.Http.Headers.ContentDispositionHeaderValue.TryParse(request.Headers.ContentDisposition.ToString(), out var header))
            return null;
        var name = (header.FileNameStar.HasValue ? header.FileNameStar : Microsoft.Net.Http.Headers.HeaderUtilities.RemoveQuotes(header.FileName)).Value;
        name = new string((name ?? "").Replace('\\', '/').Split('/')[^1].Where(c => !char.IsControl(c)).ToArray()).Trim();
        return name.Length == 0 ? null : name.Length <= 80 ? name : name[..80] + "…";
    }

    private static async Task<IResult> Download(Guid id, bool thumbnail, GridGovDb db, CaseAccess access, CancellationToken ct)
    {
        var photo = await db.CasePhotos.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        var visible = photo is not null && (photo.CaseId is null
            ? photo.UploadedBy == access.UserId
            : await access.Visible(db.Cases.AsNoTracking()).AnyAsync(c => c.Id == photo.CaseId, ct));
        if (!visible) return Problems.NotFound($"No photo {id} that you may see.");
        var path = thumbnail ? photo!.ThumbnailPath : photo!.Path;
        return File.Exists(path) ? Results.File(path, thumbnail ? "image/jpeg" : photo.ContentType) : Problems.NotFound("The photo file is missing.");
    }
}
