using System.Text;

namespace Salus.Modules.Inbox.Domain;

/// <summary>A file type the library accepts, recognised by its first bytes.</summary>
public sealed record SniffedType(string ContentType, MediaKind Kind, string Extension);

/// <summary>
/// Recognises MP4, WebM, PDF, PNG and JPEG by their magic bytes (the browser's claim and the file name are not trusted),
/// and checks that a file name's extension, when it has one, agrees.
/// </summary>
public static class MediaSniffer
{
    /// <summary>How many leading bytes <see cref="Sniff"/> wants to see.</summary>
    public const int HeaderBytes = 64;

    public static readonly SniffedType Mp4 = new("video/mp4", MediaKind.Video, ".mp4");
    public static readonly SniffedType WebM = new("video/webm", MediaKind.Video, ".webm");
    public static readonly SniffedType Pdf = new("application/pdf", MediaKind.Document, ".pdf");
    public static readonly SniffedType Png = new("image/png", MediaKind.Image, ".png");
    public static readonly SniffedType Jpeg = new("image/jpeg", MediaKind.Image, ".jpg");

    public const string Accepted = "MP4 or WebM video, PDF, PNG or JPEG";

    // ISO base media brands used by MP4 video (not HEIF images, not QuickTime).
    private static readonly string[] Mp4Brands = ["isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "dash", "mmp4", "MSNV", "f4v "];

    private static readonly Dictionary<string, SniffedType> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".mp4"] = Mp4, [".m4v"] = Mp4, [".webm"] = WebM, [".pdf"] = Pdf, [".png"] = Png, [".jpg"] = Jpeg, [".jpeg"] = Jpeg,
    };

    public static SniffedType? Sniff(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith((byte[])[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (header.StartsWith((byte[])[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (header.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (header.Length >= 12 && header[4..8].SequenceEqual("ftyp"u8) && Mp4Brands.Contains(Encoding.ASCII.GetString(header[8..12])))
        {
            return Mp4;
        }

        // Matroska's EBML header; WebM names itself in the DocType element a few bytes later.
        if (header.StartsWith((byte[])[0x1A, 0x45, 0xDF, 0xA3]) && header.IndexOf("webm"u8) > 0)
        {
            return WebM;
        }

        return null;
    }

    /// <summary>Null when the name's extension agrees with the content (or there is none); otherwise the problem.</summary>
    public static string? ExtensionProblem(string? fileName, SniffedType type)
    {
        var extension = Path.GetExtension(fileName ?? "");
        if (extension.Length == 0)
        {
            return null;
        }

        if (!ByExtension.TryGetValue(extension, out var claimed))
        {
            return $"'{extension}' files are not accepted: upload {Accepted}.";
        }

        return claimed == type ? null : $"The name ends in '{extension}' but the content is {type.ContentType}.";
    }
}
