using System.Buffers.Binary;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GridGov.Data;
using GridGov.Web.Tests.Infrastructure;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace GridGov.Web.Tests.Cases;

/// <summary>
/// Whatever bytes arrive as a photo, the answer is a photo or a 400 naming the file and why (in Chinese and English),
/// never a 500: cut-off and damaged files, wrong signatures, empty bodies and absurd declared sizes.
/// </summary>
public sealed class PhotoUploadTests(Apps apps) : IClassFixture<Apps>
{
    private static byte[] Encoded(Action<Image<Rgba32>, Stream> save)
    {
        var rng = new Random(7);
        using var image = new Image<Rgba32>(96, 64);
        for (var y = 0; y < image.Height; y++)
            for (var x = 0; x < image.Width; x++)
                image[x, y] = new Rgba32((byte)rng.Next(256), (byte)(x * 2), (byte)(y * 3));
        using var ms = new MemoryStream();
        save(image, ms);
        return ms.ToArray();
    }

    private static readonly byte[] Jpeg = Encoded((i, s) => i.SaveAsJpeg(s));
    private static readonly byte[] WebP = Encoded((i, s) => i.SaveAsWebp(s));
    private static readonly byte[] PngBytes = Encoded((i, s) => i.SaveAsPng(s));

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    private static byte[] Le32(int n)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(b, n);
        return b;
    }

    /// <summary>A RIFF/WEBP container whose one chunk is broken.</summary>
    private static byte[] BrokenWebP(string chunk, byte[] data) =>
        Concat("RIFF"u8.ToArray(), Le32(4 + 8 + data.Length), "WEBP"u8.ToArray(), Encoding.ASCII.GetBytes(chunk), Le32(data.Length), data);

    /// <summary>A PNG with only an IHDR (valid CRC) declaring the given size, then IEND.</summary>
    private static byte[] PngDeclaring(int width, int height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 6; // RGBA
        return Concat(PngBytes[..8], Chunk("IHDR", ihdr), Chunk("IEND", []));

        static byte[] Chunk(string type, byte[] data)
        {
            var typed = Concat(Encoding.ASCII.GetBytes(type), data);
            var crc = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
            var length = new byte[4];
            BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
            return Concat(length, typed, crc);
        }
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }

    /// <summary>The JPEG with its frame header (SOF0) declaring 65,000 × 65,000 pixels.</summary>
    private static byte[] JpegDeclaringHugeSize()
    {
        var bytes = (byte[])Jpeg.Clone();
        var sof = Enumerable.Range(0, bytes.Length - 1).First(i => bytes[i] == 0xFF && bytes[i + 1] == 0xC0);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(sof + 5), 65_000);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(sof + 7), 65_000);
        return bytes;
    }

    private static async Task<(int Status, JsonElement Body)> Upload(HttpClient client, byte[] bytes, string? fileName, string type = "image/jpeg")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        if (fileName is not null) content.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName };
        var response = await client.PostAsync("/api/photos", content);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static async Task<string> Refused(HttpClient client, byte[] bytes, string fileName, string type = "image/jpeg")
    {
        var (status, body) = await Upload(client, bytes, fileName, type);
        Assert.True(status == 400, $"{fileName}: {status} {body}");
        var message = body.GetProperty("errors").GetProperty("photo")[0].GetString()!;
        Assert.Contains(fileName, message);
        Assert.Contains(fileName, body.GetProperty("detail").GetString());
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", message); // Chinese first …
        Assert.Matches(@"\(the photo .+\)$", message);            // … then English
        return message;
    }

    [SkippableFact]
    public async Task Damaged_or_impossible_images_are_refused_naming_the_file_and_the_reason()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var micro = await app.ClientFor("sjf.micro");

        Assert.Contains("damaged", await Refused(micro, Jpeg[..(Jpeg.Length / 2)], "现场照片-截断.jpg"));
        Assert.Contains("damaged", await Refused(micro, BrokenWebP("VP8 ", [0x10, 0x02, 0x00, 0xAB, 0xCD, 0xEF, 0x01, 0x02, 0x03, 0x04]), "broken-vp8.webp", "image/webp"));
        Assert.Contains("damaged", await Refused(micro, BrokenWebP("VP8L", [0x2F, 0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00]), "broken-vp8l.webp", "image/webp"));
        Assert.Contains("damaged", await Refused(micro, WebP[..(WebP.Length / 2)], "截断.webp", "image/webp"));
        Assert.Contains("damaged", await Refused(micro, Concat(PngBytes[..8], "garbage after the signature"u8.ToArray()), "garbage.png", "image/png"));
        Assert.Contains("damaged", await Refused(micro, PngBytes[..(PngBytes.Length / 2)], "half.png", "image/png"));
        Assert.Contains("too many pixels", await Refused(micro, PngDeclaring(100_000, 100_000), "huge.png", "image/png"));
        Assert.Contains("too many pixels", await Refused(micro, JpegDeclaringHugeSize(), "huge.jpg"));
        Assert.Contains("empty", await Refused(micro, [], "empty.jpg"));
        Assert.Contains("damaged", await Refused(micro, "RIFF\0\0\0\0WEBP"u8.ToArray(), "header-only.webp", "image/webp"));
        Assert.Contains("not a JPEG, PNG or WebP", await Refused(micro, "%PDF-1.7 not an image"u8.ToArray(), "scan.pdf"));
        Assert.Contains("GIF", await Refused(micro, Encoded((i, s) => i.SaveAsGif(s)), "animated.gif", "image/gif"));

        // Without a file name the message still says what is wrong.
        var (status, body) = await Upload(micro, Jpeg[..(Jpeg.Length / 3)], null);
        Assert.Equal(400, status);
        Assert.Contains("damaged", body.GetProperty("errors").GetProperty("photo")[0].GetString());
        // The intact files are accepted.
        foreach (var (bytes, type) in new[] { (Jpeg, "image/jpeg"), (WebP, "image/webp"), (PngBytes, "image/png") })
            Assert.Equal(201, (await Upload(micro, bytes, "完好.img", type)).Status);
    }

    [SkippableFact]
    public async Task No_cut_or_corrupted_variant_of_a_good_image_gives_a_server_error()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var micro = await app.ClientFor("sjf.micro");
        var rng = new Random(2026);
        foreach (var good in new[] { Jpeg, WebP, PngBytes })
            for (var n = 0; n < 12; n++)
            {
                var bytes = n % 2 == 0 ? good[..rng.Next(1, good.Length)] : (byte[])good.Clone();
                if (n % 2 == 1)
                    for (var k = 0; k < 8; k++) bytes[rng.Next(12, bytes.Length)] = (byte)rng.Next(256);
                var (status, body) = await Upload(micro, bytes, $"variant-{n}.bin");
                Assert.True(status is 201 or 400, $"variant {n} of {bytes.Length} bytes: {status} {body}");
            }
    }
}
