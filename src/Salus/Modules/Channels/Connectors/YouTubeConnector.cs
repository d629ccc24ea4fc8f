using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using Salus.Modules.Channels.Contracts;
using Salus.Modules.Channels.Domain;
using Salus.Platform.Results;

namespace Salus.Modules.Channels.Connectors;

/// <summary>
/// YouTube Data API v3: <c>commentThreads</c> polled newest first with <c>pageToken</c>, down to the cursor (the newest
/// <c>updatedAt</c> already read); WebSub notifications of new videos (<c>hub.challenge</c>, <c>X-Hub-Signature</c>) trigger a poll.
/// </summary>
public sealed class YouTubeConnector(PlatformHttp http) : ConnectorBase(http)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Yt = "http://www.youtube.com/xml/schemas/2015";

    public override ChannelKind Kind => ChannelKind.YouTube;

    public override bool SupportsWebhooks => true;

    public override bool SupportsPolling => true;

    public override bool WebhookTriggersPoll => true;

    /// <summary>WebSub intent verification: echo <c>hub.challenge</c> for our channel's topic; 404 (refuse) otherwise, as the spec says.</summary>
    public override HandshakeAnswer Handshake(ChannelContext channel, IQueryCollection query)
    {
        var topic = query["hub.topic"].ToString();
        var mode = query["hub.mode"].ToString();
        var challenge = query["hub.challenge"].ToString();
        return mode is "subscribe" or "unsubscribe" && challenge.Length > 0
            && topic.Contains("channel_id=" + channel.AccountId, StringComparison.Ordinal)
            ? new HandshakeAnswer(StatusCodes.Status200OK, "text/plain", challenge)
            : new HandshakeAnswer(StatusCodes.Status404NotFound, "text/plain", "");
    }

    public override WebhookCheck VerifyWebhook(ChannelContext channel, ReadOnlySpan<byte> body, IHeaderDictionary headers, DateTimeOffset now, TimeSpan maxAge) =>
        WebhookSignatures.VerifyHubSignature(body, headers["X-Hub-Signature"], channel.Credentials.WebhookSecret ?? "", allowSha1: true)
            ? new WebhookCheck(WebhookVerdict.Accepted, WebhookSignatures.BodyEventId(body))
            : WebhookCheck.Bad;

    public override IReadOnlyList<InboundItem> Normalize(ChannelContext channel, RawEvent raw)
    {
        if (raw.Source == RawEventSource.Webhook)
        {
            var feed = XDocument.Parse(raw.Body);
            return [.. feed.Root!.Elements(Atom + "entry").Select(entry =>
            {
                var videoId = entry.Element(Yt + "videoId")?.Value ?? "";
                var published = FromIso(entry.Element(Atom + "published")?.Value, raw.ReceivedUtc);
                return Item(channel, $"yt:video:{videoId}:{entry.Element(Atom + "updated")?.Value}", InboundChange.Created, InboundItemKind.Post, videoId,
                    videoId, null, entry.Element(Yt + "channelId")?.Value ?? "", null, entry.Element(Atom + "author")?.Element(Atom + "name")?.Value,
                    entry.Element(Atom + "title")?.Value ?? "", null, entry.Element(Atom + "link")?.Attribute("href")?.Value, published, raw.ReceivedUtc);
            })];
        }

        using var document = JsonDocument.Parse(raw.Body);
        var snippet = Obj(document.RootElement, "snippet");
        var top = Obj(snippet, "topLevelComment");
        var comment = Obj(top, "snippet");
        var id = Str(top, "id") ?? Str(document.RootElement, "id") ?? "";
        var publishedAt = Str(comment, "publishedAt");
        var updatedAt = Str(comment, "updatedAt") ?? publishedAt;
        var videoIdOfComment = Str(comment, "videoId") ?? Str(snippet, "videoId");
        return [Item(channel, $"yt:{id}:{updatedAt}", updatedAt == publishedAt ? InboundChange.Created : InboundChange.Edited, InboundItemKind.Comment,
            id, videoIdOfComment, null, Str(Obj(comment, "authorChannelId"), "value") ?? "", Str(comment, "authorDisplayName"), Str(comment, "authorDisplayName"),
            Str(comment, "textOriginal") ?? Str(comment, "textDisplay") ?? "", null,
            videoIdOfComment is null ? null : $"https://www.youtube.com/watch?v={videoIdOfComment}&lc={id}", FromIso(updatedAt, raw.ReceivedUtc), raw.ReceivedUtc)];
    }

    public override async Task<Result<PollResult>> PollAsync(ChannelContext channel, string? cursor, CancellationToken cancellationToken)
    {
        var since = cursor is null ? (DateTimeOffset?)null : DateTimeOffset.Parse(cursor, CultureInfo.InvariantCulture);
        var items = new List<PolledItem>();
        DateTimeOffset? newest = since;
        string? pageToken = null;
        for (var page = 0; page < 50; page++)
        {
            var url = channel.Api($"commentThreads?part=snippet&allThreadsRelatedToChannelId={Uri.EscapeDataString(channel.AccountId)}&maxResults=100&order=time&textFormat=plainText"
                + (pageToken is null ? "" : $"&pageToken={Uri.EscapeDataString(pageToken)}"));
            var result = await Http.SendAsync(PlatformHttp.Request(HttpMethod.Get, url, channel.Credentials.AccessToken), "YouTube", cancellationToken);
            if (!result.IsSuccess)
            {
                return result.Error!;
            }

            var reachedCursor = false;
            foreach (var thread in Arr(result.Value.Json, "items"))
            {
                var comment = Obj(Obj(Obj(thread, "snippet"), "topLevelComment"), "snippet");
                var updated = FromIso(Str(comment, "updatedAt") ?? Str(comment, "publishedAt"), DateTime.UnixEpoch);
                var published = FromIso(Str(comment, "publishedAt"), DateTime.UnixEpoch);
                // Timestamps have one-second precision: items at the cursor's second are read again and deduplicated by event id.
                if (since is { } s && updated < s)
                {
                    if (published < s)
                    {
                        reachedCursor = true; // order=time: everything after this is older
                    }

                    continue;
                }

                if (newest is null || updated > newest)
                {
                    newest = updated;
                }

                items.Add(new PolledItem($"yt:{Str(thread, "id")}:{Str(comment, "updatedAt") ?? Str(comment, "publishedAt")}", thread.GetRawText()));
            }

            pageToken = Str(result.Value.Json, "nextPageToken");
            if (reachedCursor || pageToken is null)
            {
                return new PollResult(items, newest?.ToString("O", CultureInfo.InvariantCulture));
            }
        }

        return new PollResult(items, cursor);
    }

    public override async Task<Result<string>> ReplyAsync(ChannelContext channel, string platformItemId, string text, CancellationToken cancellationToken)
    {
        var result = await Http.SendAsync(PlatformHttp.Request(HttpMethod.Post, channel.Api("comments?part=snippet"), channel.Credentials.AccessToken,
            new { snippet = new { parentId = platformItemId, textOriginal = text } }), "YouTube", cancellationToken);
        return result.IsSuccess ? Str(result.Value.Json, "id") ?? "" : result.Error!;
    }

    /// <summary>YouTube has no "hidden": holding a comment for review removes it from public view.</summary>
    public override async Task<Result<string>> HideAsync(ChannelContext channel, string platformItemId, bool hidden, CancellationToken cancellationToken)
    {
        var status = hidden ? "heldForReview" : "published";
        var result = await Http.SendAsync(PlatformHttp.Request(HttpMethod.Post,
            channel.Api($"comments/setModerationStatus?id={Uri.EscapeDataString(platformItemId)}&moderationStatus={status}"), channel.Credentials.AccessToken), "YouTube", cancellationToken);
        return result.IsSuccess ? platformItemId : result.Error!;
    }

    public override async Task<Result<string>> DeleteAsync(ChannelContext channel, string platformItemId, CancellationToken cancellationToken)
    {
        var result = await Http.SendAsync(PlatformHttp.Request(HttpMethod.Delete, channel.Api($"comments?id={Uri.EscapeDataString(platformItemId)}"),
            channel.Credentials.AccessToken), "YouTube", cancellationToken);
        return result.IsSuccess ? platformItemId : result.Error!;
    }

    public override async Task<Result<string>> TestAsync(ChannelContext channel, CancellationToken cancellationToken)
    {
        var result = await Http.SendAsync(PlatformHttp.Request(HttpMethod.Get, channel.Api($"channels?part=snippet&id={Uri.EscapeDataString(channel.AccountId)}"),
            channel.Credentials.AccessToken), "YouTube", cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Error!;
        }

        var first = Arr(result.Value.Json, "items").FirstOrDefault();
        return first.ValueKind == JsonValueKind.Undefined
            ? Errors.NotFound("channel.not-found", "YouTube does not know this channel id.")
            : Str(Obj(first, "snippet"), "title") ?? channel.AccountId;
    }
}
