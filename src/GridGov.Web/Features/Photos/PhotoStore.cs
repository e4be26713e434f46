using System.Security.Cryptography;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Processing;

namespace GridGov.Web.Features.Photos;

public sealed record StoredPhoto(string ContentType, long Bytes, int Width, int Height, string Sha256, string Path, string ThumbnailPath);

/// <summary>
/// Photos live on disk (content-addressed by SHA-256), not in the database. The type is decided by the bytes, not
/// the file name or header: a file ImageSharp cannot decode as JPEG, PNG or WebP is refused. A 320 px JPEG thumbnail
/// is made for lists and phones.
/// </summary>
public sealed class PhotoStore(IConfiguration config, IWebHostEnvironment env)
{
    public const long MaxBytes = 10 * 1024 * 1024;
    private static readonly string[] Allowed = ["image/jpeg", "image/png", "image/webp"];

    public string Root { get; } = config["GridGov:PhotosFolder"] is { Length: > 0 } configured
        ? configured : System.IO.Path.Combine(env.ContentRootPath, "data", "photos");

    /// <summary>Stores the image, or returns why not (for a field-level message).</summary>
    public async Task<(StoredPhoto? Photo, string? Problem)> SaveAsync(Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes) return (null, $"a photo is at most {MaxBytes / 1024 / 1024} MB");
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0) return (null, "the photo is empty");
        buffer.Position = 0;
        Image image;
        SixLabors.ImageSharp.Formats.IImageFormat? format;
        try
        {
            (image, format) = await Image.LoadWithFormatAsync(buffer, ct);
        }
        catch (Exception e) when (e is UnknownImageFormatException or InvalidImageContentException or NotSupportedException)
        {
            return (null, "the file is not a JPEG, PNG or WebP image");
        }
        using (image)
        {
            var contentType = format.DefaultMimeType;
            if (!Allowed.Contains(contentType)) return (null, $"{format.Name} images are not accepted; send JPEG, PNG or WebP");
            if (image.Width * (long)image.Height > 50_000_000) return (null, "the image has too many pixels");
            buffer.Position = 0;
            var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(buffer, ct));
            var dir = System.IO.Path.Combine(Root, sha[..2]);
            Directory.CreateDirectory(dir);
            var ext = contentType switch { "image/png" => "png", "image/webp" => "webp", _ => "jpg" };
            var path = System.IO.Path.Combine(dir, $"{sha}.{ext}");
            var thumb = System.IO.Path.Combine(dir, $"{sha}.thumb.jpg");
            if (!File.Exists(path)) await File.WriteAllBytesAsync(path, buffer.ToArray(), ct);
            if (!File.Exists(thumb))
            {
                var (w, h) = (image.Width, image.Height);
                image.Mutate(x => x.AutoOrient().Resize(new ResizeOptions { Mode = ResizeMode.Max, Size = new Size(320, 320) }));
                await image.SaveAsJpegAsync(thumb, new JpegEncoder { Quality = 75 }, ct);
                return (new StoredPhoto(contentType, buffer.Length, w, h, sha, path, thumb), null);
            }
            return (new StoredPhoto(contentType, buffer.Length, image.Width, image.Height, sha, path, thumb), null);
        }
    }
}
