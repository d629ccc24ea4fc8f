namespace Salus.Modules.Channels.Contracts;

/// <summary>
/// A file sent with a reply (an explanatory video, an image, a document). A connector uploads the bytes where the
/// platform's API takes them and otherwise adds <see cref="PublicUrl"/> (a public, revocable share link) to the text.
/// </summary>
/// <param name="Sha256">Lower-case hex digest of the bytes (also what makes a retried post recognisable).</param>
/// <param name="OpenReadAsync">Opens the stored bytes; the caller disposes the stream.</param>
public sealed record ChannelAttachment(
    string Title, string FileName, string ContentType, long Length, string Sha256, Uri PublicUrl, Func<CancellationToken, Task<Stream>> OpenReadAsync)
{
    public bool IsVideo => ContentType.StartsWith("video/", StringComparison.OrdinalIgnoreCase);

    public bool IsImage => ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase);

    /// <summary>The text followed by one "title: link" line per attachment: what a platform without uploads receives.</summary>
    public static string WithLinks(string text, IEnumerable<ChannelAttachment> attachments)
    {
        var links = string.Join("\n", attachments.Select(a => $"{a.Title}: {a.PublicUrl}"));
        return links.Length == 0 ? text : text.Length == 0 ? links : $"{text}\n\n{links}";
    }
}
