using System.Security.Cryptography;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Processing;

namespace GridGov.Web.Features.Photos;

public sealed record StoredPhoto(string ContentType, long Bytes, int Width, int Height, string Sha256, string Path, string ThumbnailPath);

/// <summary>Why a photo was refused, in Chinese and English; <see cref="Message"/> names the file.</summary>
public sealed record PhotoProblem(string Chinese, string English, bool TooLarge = false)
{
    public string Message(string? fileName) => fileName is null
        ? $"照片{Chinese} (the photo {English})"
        : $"照片「{fileName}」{Chinese} (the photo {fileName} {English})";
}

/// <summary>
/// Photos live on disk (content-addressed by SHA-256), not in the database. The type is decided by the bytes, not
/// the file name or header: a file ImageSharp cannot decode as JPEG, PNG or WebP is refused, and so is one that is
/// cut off or declares more pixels than we decode. A 320 px JPEG thumbnail is made for lists and phones.
/// </summary>
public sealed class PhotoStore(IConfiguration config, IWebHostEnvironment env, ILogger<PhotoStore> log)
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const long MaxPixels = 50_000_000;
    private static readonly string[] Allowed = ["image/jpeg", "image/png", "image/webp"];
    private static readonly PhotoProblem Damaged = new("无法读取：文件不完整或已损坏", "cannot be read: the file is cut off or damaged");

    public string Root { get; } = config["GridGov:PhotosFolder"] is { Length: > 0 } configured
        ? configured : System.IO.Path.Combine(env.ContentRootPath, "data", "photos");

    /// <summary>Stores the image, or returns why not (for a field-level message).</summary>
    public async Task<(StoredPhoto? Photo, PhotoProblem? Problem)> SaveAsync(Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
                return (null, new($"超过 {MaxBytes / 1024 / 1024} MB", $"is larger than {MaxBytes / 1024 / 1024} MB", TooLarge: true));
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0) return (null, new("是空文件", "is empty"));
        var bytes = buffer.ToArray();
        var (decoded, problem) = Decode(bytes);
        if (decoded is null) return (null, problem);

        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var dir = System.IO.Path.Combine(Root, sha[..2]);
        Directory.CreateDirectory(dir);
        var ext = decoded.ContentType switch { "image/png" => "png", "image/webp" => "webp", _ => "jpg" };
        var path = System.IO.Path.Combine(dir, $"{sha}.{ext}");
        var thumb = System.IO.Path.Combine(dir, $"{sha}.thumb.jpg");
        if (!File.Exists(path)) await File.WriteAllBytesAsync(path, bytes, ct);
        if (!File.Exists(thumb)) await File.WriteAllBytesAsync(thumb, decoded.Thumbnail, ct);
        return (new StoredPhoto(decoded.ContentType, bytes.Length, decoded.Width, decoded.Height, sha, path, thumb), null);
    }

    private sealed record Decoded(string ContentType, int Width, int Height, byte[] Thumbnail);

    /// <summary>
    /// Everything that reads the untrusted bytes. The header is checked before any pixel is decoded, so a file that
    /// declares a huge size costs nothing; a decoder failure of any kind (ImageSharp throws more than its own
    /// exception types on malformed input) is the file's fault, a 400, never a 500.
    /// </summary>
    private (Decoded? Photo, PhotoProblem? Problem) Decode(byte[] bytes)
    {
        try
        {
            var info = Image.Identify(bytes, out var format);
            if (format is null) return (null, new("不是 JPEG、PNG 或 WebP 图片", "is not a JPEG, PNG or WebP image"));
            if (!Allowed.Contains(format.DefaultMimeType))
                return (null, new($"是 {format.Name} 图片，请上传 JPEG、PNG 或 WebP", $"is a {format.Name} image; send JPEG, PNG or WebP"));
            if (info is null || info.Width <= 0 || info.Height <= 0 || !PhotoBytes.LooksComplete(bytes, format.DefaultMimeType))
                return (null, Damaged);
            if (info.Width * (long)info.Height > MaxPixels)
                return (null, new($"像素过多（{info.Width}×{info.Height}，最多 5000 万像素）",
                    $"has too many pixels ({info.Width}×{info.Height}; at most 50 million)"));
            using var image = Image.Load(bytes);
            var (width, height) = (image.Width, image.Height);
            image.Mutate(x => x.AutoOrient().Resize(new ResizeOptions { Mode = ResizeMode.Max, Size = new Size(320, 320) }));
            using var thumbnail = new MemoryStream();
            image.SaveAsJpeg(thumbnail, new JpegEncoder { Quality = 75 });
            return (new Decoded(format.DefaultMimeType, width, height, thumbnail.ToArray()), null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log.LogInformation("Photo refused: {Exception} while decoding {Bytes} bytes", e.GetType().Name, bytes.Length);
            return (null, Damaged);
        }
    }
}
