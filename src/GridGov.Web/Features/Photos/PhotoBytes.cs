using System.Buffers.Binary;

namespace GridGov.Web.Features.Photos;

/// <summary>
/// Whether an image file reaches its end. ImageSharp decodes a cut-off JPEG or WebP without complaint (the missing
/// part comes out grey), so a half-sent photo would be stored as evidence; the container tells us it is short.
/// </summary>
public static class PhotoBytes
{
    public static bool LooksComplete(ReadOnlySpan<byte> bytes, string contentType) => contentType switch
    {
        "image/jpeg" => JpegComplete(bytes),
        "image/webp" => WebPComplete(bytes),
        "image/png" => bytes.IndexOf("IEND"u8) >= 0,
        _ => true,
    };

    /// <summary>An end-of-image marker (FF D9) after the last start-of-scan (FF DA); scan data cannot contain either.</summary>
    private static bool JpegComplete(ReadOnlySpan<byte> bytes)
    {
        var scan = bytes.LastIndexOf([(byte)0xFF, (byte)0xDA]);
        return scan >= 0 && bytes[scan..].IndexOf([(byte)0xFF, (byte)0xD9]) >= 0;
    }

    /// <summary>The RIFF header's size (everything after its first 8 bytes) is all there.</summary>
    private static bool WebPComplete(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 12 && BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]) + 8L <= bytes.Length;
}
