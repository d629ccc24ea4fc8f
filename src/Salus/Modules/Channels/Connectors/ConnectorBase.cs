using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Salus.Modules.Channels.Contracts;
using Salus.Modules.Channels.Domain;
using Salus.Platform.Results;

namespace Salus.Modules.Channels.Connectors;

/// <summary>Defaults for what a platform cannot do, and small JSON helpers shared by the connectors.</summary>
public abstract class ConnectorBase(PlatformHttp http) : IChannelConnector
{
    protected PlatformHttp Http { get; } = http;

    /// <summary>
    /// The files a platform that takes one video or a few images per post receives: the first video alone, else up to
    /// <paramref name="maxImages"/> images. The other attachments travel as links in the text.
    /// </summary>
    protected static List<ChannelAttachment> FilesToUpload(IReadOnlyList<ChannelAttachment> attachments, int maxImages)
    {
        ArgumentNullException.ThrowIfNull(attachments);
        var video = attachments.FirstOrDefault(a => a.IsVideo);
        return video is not null ? [video] : [.. attachments.Where(a => a.IsImage).Take(maxImages)];
    }

    /// <summary>Uploads each file in turn and collects the platform's media ids; the first failure stops the post.</summary>
    protected static async Task<Result<List<string>>> UploadEachAsync(
        IReadOnlyList<ChannelAttachment> files, Func<ChannelAttachment, Task<Result<string>>> upload)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(upload);
        var ids = new List<string>(files.Count);
        foreach (var file in files)
        {
            var id = await upload(file);
            if (!id.IsSuccess)
            {
                return id.Error!;
            }

            ids.Add(id.Value);
        }

        return ids;
    }

    public abstract ChannelKind Kind { get; }

    public virtual bool SupportsWebhooks => false;

    public virtual bool SupportsPolling => false;

    public virtual bool WebhookTriggersPoll => false;

    public virtual HandshakeAnswer Handshake(ChannelContext channel, IQueryCollection query) =>
        new(StatusCodes.Status404NotFound, "text/plain", "");

    public virtual WebhookCheck VerifyWebhook(ChannelContext channel, ReadOnlySpan<byte> body, IHeaderDictionary headers, DateTimeOffset now, TimeSpan maxAge) =>
        new(WebhookVerdict.NotSupported);

    public abstract IReadOnlyList<InboundItem> Normalize(ChannelContext channel, RawEvent raw);

    public virtual Task<Result<PollResult>> PollAsync(ChannelContext channel, string? cursor, CancellationToken cancellationToken) =>
        Task.FromResult<Result<PollResult>>(Unsupported("polling"));

    public virtual Task<Result<string>> ReplyAsync(ChannelContext channel, string platformItemId, string text, CancellationToken cancellationToken) =>
        Task.FromResult<Result<string>>(Unsupported("replies"));

    public virtual Task<Result<string>> SendPrivateMessageAsync(ChannelContext channel, string recipientPlatformId, string? inResponseToItemId, string text, CancellationToken cancellationToken) =>
        Task.FromResult<Result<string>>(Unsupported("private messages"));

    public virtual Task<Result<string>> HideAsync(ChannelContext channel, string platformItemId, bool hidden, CancellationToken cancellationToken) =>
        Task.FromResult<Result<string>>(Unsupported("hiding items"));

    public virtual Task<Result<string>> DeleteAsync(ChannelContext channel, string platformItemId, CancellationToken cancellationToken) =>
        Task.FromResult<Result<string>>(Unsupported("deleting items"));

    /// <summary>By default the files travel as public links at the end of the text; platforms with an upload API override this.</summary>
    public virtual Task<Result<string>> ReplyAsync(
        ChannelContext channel, string platformItemId, string text, IReadOnlyList<ChannelAttachment> attachments, CancellationToken cancellationToken) =>
        ReplyAsync(channel, platformItemId, ChannelAttachment.WithLinks(text, attachments), cancellationToken);

    public virtual Task<Result<string>> SendPrivateMessageAsync(
        ChannelContext channel, string recipientPlatformId, string? inResponseToItemId, string text, IReadOnlyList<ChannelAttachment> attachments, CancellationToken cancellationToken) =>
        SendPrivateMessageAsync(channel, recipientPlatformId, inResponseToItemId, ChannelAttachment.WithLinks(text, attachments), cancellationToken);

    public abstract Task<Result<string>> TestAsync(ChannelContext channel, CancellationToken cancellationToken);

    protected Error Unsupported(string what) =>
        Errors.Validation("channel.unsupported", $"{Kind} does not support {what} through its API.");

    protected static InboundItem Item(
        ChannelContext channel, string eventId, InboundChange change, InboundItemKind kind, string itemId, string? threadId,
        string? parentId, string authorId, string? handle, string? displayName, string text, string? language, string? permalink,
        DateTimeOffset occurredAt, DateTime receivedUtc) =>
        new(channel.Id, channel.Kind, channel.Name, channel.Market, eventId, change, kind, itemId, threadId, parentId, authorId,
            handle, displayName, text, language, permalink, occurredAt, new DateTimeOffset(DateTime.SpecifyKind(receivedUtc, DateTimeKind.Utc)), channel.Product);

    protected static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => null,
            }
            : null;

    protected static JsonElement Obj(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    protected static IEnumerable<JsonElement> Arr(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : [];

    protected static DateTimeOffset FromUnixSeconds(string? value, DateTime fallbackUtc) =>
        long.TryParse(value, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : new DateTimeOffset(DateTime.SpecifyKind(fallbackUtc, DateTimeKind.Utc));

    protected static DateTimeOffset FromIso(string? value, DateTime fallbackUtc) =>
        DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : new DateTimeOffset(DateTime.SpecifyKind(fallbackUtc, DateTimeKind.Utc));
}
