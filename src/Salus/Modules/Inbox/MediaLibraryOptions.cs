using System.ComponentModel.DataAnnotations;

namespace Salus.Modules.Inbox;

/// <summary>Settings under <c>Salus:Inbox:Media</c>: the uploaded files of the media library.</summary>
public sealed class MediaLibraryOptions
{
    public const string Section = "Salus:Inbox:Media";

    /// <summary>Largest file accepted (bytes); larger uploads get 413 and nothing is kept. Default 200 MB.</summary>
    [Range(1024, 17_179_869_184)]
    public long MaxBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Folder of the content-addressed file store; default <c>&lt;data folder&gt;/media</c>.</summary>
    public string? StoragePath { get; set; }

    /// <summary>
    /// Minutes between sweeps of stored files no media item refers to (an upload whose database save failed after its
    /// file was kept); 0 = never. Only files older than an hour are removed, so uploads in flight are safe.
    /// </summary>
    [Range(0, 10_080)]
    public int OrphanSweepMinutes { get; set; } = 60;

    /// <summary>
    /// The public address of this Salus (e.g. <c>https://salus.example.org</c>) used in share links sent to platforms;
    /// empty = the address of the request that sends the reply.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    internal static bool HasValidBaseUrl(MediaLibraryOptions o) =>
        string.IsNullOrWhiteSpace(o.PublicBaseUrl)
        || (Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var u) && u.Scheme is "https" or "http");
}
