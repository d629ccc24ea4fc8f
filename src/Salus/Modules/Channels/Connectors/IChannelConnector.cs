using Microsoft.AspNetCore.Http;
using Salus.Modules.Channels.Contracts;
using Salus.Modules.Channels.Domain;
using Salus.Platform.Results;

namespace Salus.Modules.Channels.Connectors;

/// <summary>A channel with its secrets decrypted, as the connectors need it. Never log it.</summary>
/// <param name="Product">The medicine the channel is about (<see cref="Channel.Product"/>), carried on every inbound item.</param>
public sealed record ChannelContext(
    Guid Id, ChannelKind Kind, string Name, string Market, string ApiBaseUrl, string AccountId, ChannelCredentials Credentials, bool Streaming = false,
    string? Product = null)
{
    public string Api(string path) => ApiBaseUrl.TrimEnd('/') + "/" + path.TrimStart('/');
}

public enum WebhookVerdict
{
    Accepted,
    BadSignature,
    Stale,
    NotSupported,
}

/// <summary>The outcome of checking a webhook: accepted with the delivery's event id, or why not.</summary>
public sealed record WebhookCheck(WebhookVerdict Verdict, string? EventId = null)
{
    public static WebhookCheck Bad { get; } = new(WebhookVerdict.BadSignature);
}

/// <summary>The answer to a platform's subscription handshake (GET on the webhook address).</summary>
public sealed record HandshakeAnswer(int Status, string ContentType, string Body);

/// <summary>One item found by polling: its event id (item id and version) and the platform's JSON or XML for it.</summary>
public sealed record PolledItem(string EventId, string Body, string ContentType = "application/json");

/// <summary>
/// New items since the cursor, and the cursor to resume from next time. <paramref name="Partial"/>: part of the poll
/// failed (e.g. one endpoint rate limited) after other parts succeeded; the items and cursor are kept, the error is
/// recorded as the channel's health and a rate limit moves the next poll to its reset time.
/// </summary>
public sealed record PollResult(IReadOnlyList<PolledItem> Items, string? Cursor, Error? Partial = null);

/// <summary>
/// One platform behind one interface: the webhook handshake and signature, normalising stored payloads to
/// <see cref="InboundItem"/>s, polling with the platform's paging, and the actions (reply, private message, hide, delete).
/// Unsupported operations return a validation error naming the platform.
/// </summary>
public interface IChannelConnector
{
    ChannelKind Kind { get; }

    bool SupportsWebhooks { get; }

    bool SupportsPolling { get; }

    /// <summary>A webhook that only says "something changed" (LinkedIn, YouTube WebSub): processing it triggers a poll.</summary>
    bool WebhookTriggersPoll { get; }

    HandshakeAnswer Handshake(ChannelContext channel, IQueryCollection query);

    WebhookCheck VerifyWebhook(ChannelContext channel, ReadOnlySpan<byte> body, IHeaderDictionary headers, DateTimeOffset now, TimeSpan maxAge);

    IReadOnlyList<InboundItem> Normalize(ChannelContext channel, RawEvent raw);

    Task<Result<PollResult>> PollAsync(ChannelContext channel, string? cursor, CancellationToken cancellationToken);

    Task<Result<string>> ReplyAsync(ChannelContext channel, string platformItemId, string text, CancellationToken cancellationToken);

    Task<Result<string>> SendPrivateMessageAsync(ChannelContext channel, string recipientPlatformId, string? inResponseToItemId, string text, CancellationToken cancellationToken);

    Task<Result<string>> HideAsync(ChannelContext channel, string platformItemId, bool hidden, CancellationToken cancellationToken);

    Task<Result<string>> DeleteAsync(ChannelContext channel, string platformItemId, CancellationToken cancellationToken);

    /// <summary>A reply with files: uploaded where the platform's API takes them, otherwise their public links appended.</summary>
    Task<Result<string>> ReplyAsync(ChannelContext channel, string platformItemId, string text, IReadOnlyList<ChannelAttachment> attachments, CancellationToken cancellationToken);

    /// <summary>A private message with files: uploaded where the platform's API takes them, otherwise linked.</summary>
    Task<Result<string>> SendPrivateMessageAsync(
        ChannelContext channel, string recipientPlatformId, string? inResponseToItemId, string text, IReadOnlyList<ChannelAttachment> attachments, CancellationToken cancellationToken);

    /// <summary>Calls the platform with the stored credentials; returns the account's name as the platform knows it.</summary>
    Task<Result<string>> TestAsync(ChannelContext channel, CancellationToken cancellationToken);
}
