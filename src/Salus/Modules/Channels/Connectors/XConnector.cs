using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Salus.Modules.Channels.Contracts;
using Salus.Modules.Channels.Domain;
using Salus.Platform.Results;

namespace Salus.Modules.Channels.Connectors;

/// <summary>
/// X API v2. Account Activity webhooks (CRC <c>response_token</c>, <c>x-twitter-webhooks-signature</c>; tweet create and
/// delete, direct messages); the mentions timeline polled with <c>since_id</c> and <c>pagination_token</c>, and direct
/// messages polled from <c>/2/dm_events</c> (same event ids as the webhook's, so a DM seen both ways reaches the inbox once).
/// </summary>
public sealed partial class XConnector(PlatformHttp http) : ConnectorBase(http)
{
    private const int PageSize = 100;

    public override ChannelKind Kind => ChannelKind.X;

    public override bool SupportsWebhooks => true;

    public override bool SupportsPolling => true;

    public override HandshakeAnswer Handshake(ChannelContext channel, IQueryCollection query)
    {
        var token = query["crc_token"].ToString();
        if (string.IsNullOrEmpty(token) || string.IsNullOrEmpty(channel.Credentials.WebhookSecret))
        {
            return new HandshakeAnswer(StatusCodes.Status400BadRequest, "text/plain", "");
        }

        var answer = JsonSerializer.Serialize(new { response_token = WebhookSignatures.XCrcResponseToken(token, channel.Credentials.WebhookSecret) });
        return new HandshakeAnswer(StatusCodes.Status200OK, "application/json", answer);
    }

    public override WebhookCheck VerifyWebhook(ChannelContext channel, ReadOnlySpan<byte> body, IHeaderDictionary headers, DateTimeOffset now, TimeSpan maxAge)
    {
        if (!WebhookSignatures.VerifyXSignature(body, headers["x-twitter-webhooks-signature"], channel.Credentials.WebhookSecret ?? ""))
        {
            return WebhookCheck.Bad;
        }

        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            var stamps = Arr(document.RootElement, "tweet_create_events").Select(e => Str(e, "timestamp_ms"))
                .Concat(Arr(document.RootElement, "tweet_delete_events").Select(e => Str(e, "timestamp_ms")))
                .Concat(Arr(document.RootElement, "direct_message_events").Select(e => Str(e, "created_timestamp")))
                .Select(s => long.TryParse(s, out var ms) ? ms : 0).Where(ms => ms > 0).ToList();
            if (stamps.Count > 0 && now - DateTimeOffset.FromUnixTimeMilliseconds(stamps.Max()) > maxAge)
            {
                return new WebhookCheck(WebhookVerdict.Stale);
            }
        }
        catch (JsonException)
        {
            return WebhookCheck.Bad;
        }

        return new WebhookCheck(WebhookVerdict.Accepted, WebhookSignatures.BodyEventId(body));
    }

    public override IReadOnlyList<InboundItem> Normalize(ChannelContext channel, RawEvent raw)
    {
        using var document = JsonDocument.Parse(raw.Body);
        var root = document.RootElement;
        if (raw.Source != RawEventSource.Poll)
        {
            return FromActivity(channel, raw, root);
        }

        return root.TryGetProperty("dm_event", out var dm) ? [FromPolledDm(channel, raw, dm, Obj(root, "sender"))] : [FromPolledTweet(channel, raw, root)];
    }

    /// <summary>
    /// A direct message's platform item id: <c>dm:{participant}:{event id}</c>. X's DM event ids and post ids look alike;
    /// the prefix lets a reply to the item go to the conversation with the participant instead of <c>POST /2/tweets</c>.
    /// </summary>
    public static string DmItemId(string participantId, string eventId) => $"dm:{participantId}:{eventId}";

    /// <summary>A polled DM event: <c>{"dm_event": {...}, "sender": {...}}</c> (the event and its expanded sender).</summary>
    private static InboundItem FromPolledDm(ChannelContext channel, RawEvent raw, JsonElement dm, JsonElement sender)
    {
        var id = Str(dm, "id") ?? "";
        var senderId = Str(dm, "sender_id") ?? "";
        return Item(channel, $"x:dm:{id}", InboundChange.Created, InboundItemKind.PrivateMessage, DmItemId(senderId, id), senderId, null, senderId,
            Str(sender, "username"), Str(sender, "name"), Str(dm, "text") ?? "", null, null, FromIso(Str(dm, "created_at"), raw.ReceivedUtc), raw.ReceivedUtc);
    }

    private static List<InboundItem> FromActivity(ChannelContext channel, RawEvent raw, JsonElement root)
    {
        var owner = Str(root, "for_user_id") ?? channel.AccountId;
        var items = new List<InboundItem>();
        foreach (var tweet in Arr(root, "tweet_create_events"))
        {
            var user = Obj(tweet, "user");
            var authorId = Str(user, "id_str") ?? "";
            if (authorId == owner)
            {
                continue; // our own tweets come back as events too
            }

            var id = Str(tweet, "id_str") ?? "";
            var parent = Str(tweet, "in_reply_to_status_id_str");
            var text = Str(Obj(tweet, "extended_tweet"), "full_text") ?? Str(tweet, "text") ?? "";
            var at = long.TryParse(Str(tweet, "timestamp_ms"), out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : new DateTimeOffset(raw.ReceivedUtc, TimeSpan.Zero);
            items.Add(Item(channel, $"x:tweet:{id}:create", InboundChange.Created, parent is null ? InboundItemKind.Mention : InboundItemKind.Reply,
                id, parent ?? id, parent, authorId, Str(user, "screen_name"), Str(user, "name"), text, Str(tweet, "lang"),
                $"https://x.com/i/web/status/{id}", at, raw.ReceivedUtc));
        }

        foreach (var deletion in Arr(root, "tweet_delete_events"))
        {
            var status = Obj(deletion, "status");
            var id = Str(status, "id") ?? "";
            var at = long.TryParse(Str(deletion, "timestamp_ms"), out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : new DateTimeOffset(raw.ReceivedUtc, TimeSpan.Zero);
            items.Add(Item(channel, $"x:tweet:{id}:delete", InboundChange.Deleted, InboundItemKind.Mention, id, null, null,
                Str(status, "user_id") ?? "", null, null, "", null, null, at, raw.ReceivedUtc));
        }

        foreach (var message in Arr(root, "direct_message_events").Where(m => Str(m, "type") == "message_create"))
        {
            var create = Obj(message, "message_create");
            var sender = Str(create, "sender_id") ?? "";
            if (sender == owner)
            {
                continue;
            }

            var id = Str(message, "id") ?? "";
            var at = long.TryParse(Str(message, "created_timestamp"), out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : new DateTimeOffset(raw.ReceivedUtc, TimeSpan.Zero);
            var user = Obj(Obj(root, "users"), sender);
            items.Add(Item(channel, $"x:dm:{id}", InboundChange.Created, InboundItemKind.PrivateMessage, DmItemId(sender, id), sender, null, sender,
                Str(user, "screen_name"), Str(user, "name"), Str(Obj(create, "message_data"), "text") ?? "", null, null, at, raw.ReceivedUtc));
        }

        return items;
    }

    /// <summary>A polled mention: <c>{"tweet": {...}, "author": {...}}</c> (the tweet and its expanded author from <c>includes.users</c>).</summary>
    private static InboundItem FromPolledTweet(ChannelContext channel, RawEvent raw, JsonElement root)
    {
        var tweet = Obj(root, "tweet");
        var author = Obj(root, "author");
        var id = Str(tweet, "id") ?? "";
        var parent = Arr(tweet, "referenced_tweets").Where(r => Str(r, "type") == "replied_to").Select(r => Str(r, "id")).FirstOrDefault();
        return Item(channel, $"x:tweet:{id}:create", InboundChange.Created, parent is null ? InboundItemKind.Mention : InboundItemKind.Reply, id,
            Str(tweet, "conversation_id") ?? id, parent, Str(tweet, "author_id") ?? "", Str(author, "username"), Str(author, "name"),
            Str(tweet, "text") ?? "", Str(tweet, "lang"), $"https://x.com/i/web/status/{id}", FromIso(Str(tweet, "created_at"), raw.ReceivedUtc), raw.ReceivedUtc);
    }

    /// <summary>
    /// Mentions, then direct messages. The cursor holds both positions (<c>{"m": since_id, "dm": newest DM event id}</c>;
    /// a bare id from before DMs were polled is the mentions position). A failure of the mentions fails the poll; a failure
    /// of the DMs after the mentions were read keeps the mentions and reports the DM error as partial (a rate limit then
    /// moves the next poll to its reset).
    /// </summary>
    public override async Task<Result<PollResult>> PollAsync(ChannelContext channel, string? cursor, CancellationToken cancellationToken)
    {
        var (mentionsCursor, dmCursor) = ReadCursor(cursor);
        var mentions = await PollMentionsAsync(channel, mentionsCursor, cancellationToken);
        if (!mentions.IsSuccess)
        {
            return mentions.Error!;
        }

        var items = new List<PolledItem>(mentions.Value.Items);
        var dms = await PollDirectMessagesAsync(channel, dmCursor, items, cancellationToken);
        return dms.IsSuccess
            ? new PollResult(items, WriteCursor(mentions.Value.Cursor, dms.Value))
            : new PollResult(items, WriteCursor(mentions.Value.Cursor, dmCursor), dms.Error);
    }

    public static (string? Mentions, string? DirectMessages) ReadCursor(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor) || cursor[0] != '{')
        {
            return (string.IsNullOrEmpty(cursor) ? null : cursor, null);
        }

        using var document = JsonDocument.Parse(cursor);
        return (Str(document.RootElement, "m"), Str(document.RootElement, "dm"));
    }

    private static string? WriteCursor(string? mentions, string? directMessages) =>
        mentions is null && directMessages is null ? null : JsonSerializer.Serialize(new { m = mentions, dm = directMessages });

    /// <summary>Newest first: follow <c>meta.next_token</c> until the pages run out; the next poll starts after the newest id seen.</summary>
    private async Task<Result<PollResult>> PollMentionsAsync(ChannelContext channel, string? cursor, CancellationToken cancellationToken)
    {
        var items = new List<PolledItem>();
        string? newest = null;
        string? token = null;
        for (var page = 0; page < 50; page++)
        {
            var url = channel.Api($"2/users/{Uri.EscapeDataString(channel.AccountId)}/mentions?max_results={PageSize}"
                + "&tweet.fields=created_at,author_id,conversation_id,referenced_tweets,lang&expansions=author_id&user.fields=username,name"
                + (cursor is null ? "" : $"&since_id={Uri.EscapeDataString(cursor)}") + (token is null ? "" : $"&pagination_token={Uri.EscapeDataString(token)}"));
            var result = await Http.SendAsync(PlatformHttp.Request(HttpMethod.Get, url, channel.Credentials.AccessToken), "X", cancellationToken);
            if (!result.IsSuccess)
            {
                if (items.Count > 0 && PlatformHttp.RetryAtOf(result.Error!) is not null)
                {
                    break; // keep what was read; the cursor stays before it, so the next poll reads it again (dedup by event id)
                }

                return result.Error!;
            }

            var json = result.Value.Json;
            var meta = Obj(json, "meta");
            newest ??= Str(meta, "newest_id");
            var users = Arr(Obj(json, "includes"), "users").ToDictionary(u => Str(u, "id") ?? "", u => u);
            foreach (var tweet in Arr(json, "data"))
            {
                var author = users.GetValueOrDefault(Str(tweet, "author_id") ?? "");
                var body = JsonSerializer.Serialize(new { tweet, author = author.ValueKind == JsonValueKind.Undefined ? (object?)null : author });
                items.Add(new PolledItem($"x:tweet:{Str(tweet, "id")}:create", body));
            }

            token = Str(meta, "next_token");
            if (token is null)
            {
                return new PollResult(items, newest ?? cursor);
            }
        }

        // Stopped early: do not move the cursor past tweets not read yet.
        return new PollResult(items, cursor);
    }

    /// <summary>
    /// <c>GET /2/dm_events</c> (MessageCreate, newest first; the endpoint has no since_id): pages with <c>pagination_token</c>
    /// until an event at or before the stored newest id; messages the account sent itself are skipped. Returns the new DM position.
    /// </summary>
    private async Task<Result<string?>> PollDirectMessagesAsync(ChannelContext channel, string? cursor, List<PolledItem> items, CancellationToken cancellationToken)
    {
        string? newest = null;
        string? token = null;
        for (var page = 0; page < 50; page++)
        {
            var url = channel.Api($"2/dm_events?max_results={PageSize}&event_types=MessageCreate"
                + "&dm_event.fields=id,event_type,text,sender_id,dm_conversation_id,created_at,participant_ids,referenced_tweets,attachments"
                + "&expansions=sender_id&user.fields=username,name" + (token is null ? "" : $"&pagination_token={Uri.EscapeDataString(token)}"));
            var result = await Http.SendAsync(PlatformHttp.Request(HttpMethod.Get, url, channel.Credentials.AccessToken), "X", cancellationToken);
            if (!result.IsSuccess)
            {
                return result.Error!;
            }

            var json = result.Value.Json;
            var users = Arr(Obj(json, "includes"), "users").ToDictionary(u => Str(u, "id") ?? "", u => u);
            var reachedCursor = false;
            foreach (var dm in Arr(json, "data"))
            {
                var id = Str(dm, "id") ?? "";
                if (cursor is not null && MastodonConnector.CompareIds(id, cursor) <= 0)
                {
                    reachedCursor = true;
                    continue;
                }

                if (newest is null || MastodonConnector.CompareIds(id, newest) > 0)
                {
                    newest = id;
                }

                var senderId = Str(dm, "sender_id");
                if (Str(dm, "event_type") != "MessageCreate" || senderId == channel.AccountId)
                {
                    continue;
                }

                var sender = users.GetValueOrDefault(senderId ?? "");
                var body = JsonSerializer.Serialize(new { dm_event = dm, sender = sender.ValueKind == JsonValueKind.Undefined ? (object?)null : sender });
                items.Add(new PolledItem($"x:dm:{id}", body));
            }

            token = Str(Obj(json, "meta"), "next_token");
            if (reachedCursor || token is null)
            {
                return newest ?? cursor;
            }
        }

        return cursor; // stopped early: read the rest again next time (dedup by event id)
    }

    /// <summary>A reply to a post is a post (<c>POST /2/tweets</c>); a reply to a direct message goes to the conversation with its sender.</summary>
    public override async Task<Result<string>> ReplyAsync(ChannelContext channel, string platformItemId, string text, CancellationToken cancellationToken)
    {
        if (platformItemId.StartsWith("dm:", StringComparison.Ordinal) && platformItemId.Split(':') is [_, var participant, _])
        {
            return await SendPrivateMessageAsync(channel, participant, platformItemId, text, cancellationToken);
        }

        var result = await Http.SendAsync(PlatformHttp.Request(HttpMethod.Post, channel.Api("2/tweets"), channel.Credentials.AccessToken,
            new { text, reply = new { in_reply_to_tweet_id = platformItemId } }), "X", cancellationToken);
        return result.IsSuccess ? Str(Obj(result.Value.Json, "data"), "id") ?? "" : result.Error!;
    }

    public override async Task<Result<string>> SendPrivateMessageAsync(ChannelContext channel, string recipientPlatformId, string? inResponseToItemId, string text, CancellationToken cancellationToken)
    {
        var result = await Http.SendAsync(PlatformHttp.Request(HttpMethod.Post, channel.Api($"2/dm_conversations/with/{Uri.EscapeDataString(recipientPlatformId)}/messages"),
            channel.Credentials.AccessToken, new { text }), "X", cancellationToken);
        return result.IsSuccess ? Str(Obj(result.Value.Json, "data"), "dm_event_id") ?? "" : result.Error!;
    }

    /// <summary>X hides replies to the account's own conversations (<c>PUT /2/tweets/{id}/hidden</c>).</summary>
    public override async Task<Result<string>> HideAsync(ChannelContext channel, string platformItemId, bool hidden, CancellationToken cancellationToken)
    {
        var result = await Http.SendAsync(PlatformHttp.Request(HttpMethod.Put, channel.Api($"2/tweets/{Uri.EscapeDataString(platformItemId)}/hidden"),
            channel.Credentials.AccessToken, new { hidden }), "X", cancellationToken);
        return result.IsSuccess ? platformItemId : result.Error!;
    }

    public override async Task<Result<string>> DeleteAsync(ChannelContext channel, string platformItemId, CancellationToken cancellationToken)
    {
        var result = await Http.SendAsync(PlatformHttp.Request(HttpMethod.Delete, channel.Api($"2/tweets/{Uri.EscapeDataString(platformItemId)}"),
            channel.Credentials.AccessToken), "X", cancellationToken);
        return result.IsSuccess ? platformItemId : result.Error!;
    }

    public override async Task<Result<string>> TestAsync(ChannelContext channel, CancellationToken cancellationToken)
    {
        var result = await Http.SendAsync(PlatformHttp.Request(HttpMethod.Get, channel.Api("2/users/me"), channel.Credentials.AccessToken), "X", cancellationToken);
        return result.IsSuccess ? "@" + Str(Obj(result.Value.Json, "data"), "username") : result.Error!;
    }
}
