using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Salus.Modules.Channels.Contracts;
using Salus.Modules.Channels.Domain;
using Salus.Platform.Results;

namespace Salus.Modules.Channels.Connectors;

/// <summary>
/// Facebook Pages and Instagram through the Graph API. Webhooks: <c>hub.challenge</c> handshake with the verify token,
/// <c>X-Hub-Signature-256</c> over the raw body with the app secret, payload timestamps (<c>entry[].time</c>) against replays.
/// </summary>
public abstract class MetaConnector(PlatformHttp http) : ConnectorBase(http)
{
    public override bool SupportsWebhooks => true;

    public override HandshakeAnswer Handshake(ChannelContext channel, IQueryCollection query)
    {
        var token = channel.Credentials.VerifyToken;
        return query["hub.mode"] == "subscribe" && !string.IsNullOrEmpty(token)
            && string.Equals(query["hub.verify_token"], token, StringComparison.Ordinal) && !string.IsNullOrEmpty(query["hub.challenge"])
            ? new HandshakeAnswer(StatusCodes.Status200OK, "text/plain", query["hub.challenge"]!)
            : new HandshakeAnswer(StatusCodes.Status401Unauthorized, "text/plain", "");
    }

    public override WebhookCheck VerifyWebhook(ChannelContext channel, ReadOnlySpan<byte> body, IHeaderDictionary headers, DateTimeOffset now, TimeSpan maxAge)
    {
        if (!WebhookSignatures.VerifyHubSignature(body, headers["X-Hub-Signature-256"], channel.Credentials.WebhookSecret ?? "", allowSha1: false))
        {
            return WebhookCheck.Bad;
        }

        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            var times = Arr(document.RootElement, "entry").Select(e => Str(e, "time")).OfType<string>().ToList();
            // Meta sends seconds; some Instagram payloads use milliseconds.
            var newest = times.Select(t => long.TryParse(t, out var v) ? (v > 100_000_000_000 ? v / 1000 : v) : 0).DefaultIfEmpty(0).Max();
            if (newest > 0 && now - DateTimeOffset.FromUnixTimeSeconds(newest) > maxAge)
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

    public override async Task<Result<string>> HideAsync(ChannelContext channel, string platformItemId, bool hidden, CancellationToken cancellationToken)
    {
        object body = Kind == ChannelKind.Instagram ? new { hide = hidden } : new { is_hidden = hidden };
        var result = await Http.SendAsync(PlatformHttp.Request(HttpMethod.Post, channel.Api(Uri.EscapeDataString(platformItemId)), channel.Credentials.AccessToken, body), Kind.ToString(), cancellationToken);
        return result.IsSuccess ? platformItemId : result.Error!;
    }

    public override async Task<Result<string>> DeleteAsync(ChannelContext channel, string platformItemId, CancellationToken cancellationToken)
    {
        var result = await Http.SendAsync(PlatformHttp.Request(HttpMethod.Delete, channel.Api(Uri.EscapeDataString(platformItemId)), channel.Credentials.AccessToken), Kind.ToString(), cancellationToken);
        return result.IsSuccess ? platformItemId : result.Error!;
    }

    /// <summary>A private reply: one message to the author of a comment (<c>recipient.comment_id</c>), or to a known user id.</summary>
    public override async Task<Result<string>> SendPrivateMessageAsync(ChannelContext channel, string recipientPlatformId, string? inResponseToItemId, string text, CancellationToken cancellationToken)
    {
        object recipient = inResponseToItemId is not null ? new { comment_id = inResponseToItemId } : new { id = recipientPlatformId };
        var result = await Http.SendAsync(PlatformHttp.Request(HttpMethod.Post, channel.Api($"{channel.AccountId}/messages"), channel.Credentials.AccessToken,
            new { recipient, message = new { text } }), Kind.ToString(), cancellationToken);
        return result.IsSuccess ? Str(result.Value.Json, "message_id") ?? "" : result.Error!;
    }

    public override async Task<Result<string>> TestAsync(ChannelContext channel, CancellationToken cancellationToken)
    {
        var fields = Kind == ChannelKind.Instagram ? "id,username" : "id,name";
        var result = await Http.SendAsync(PlatformHttp.Request(HttpMethod.Get, channel.Api($"{channel.AccountId}?fields={fields}"), channel.Credentials.AccessToken), Kind.ToString(), cancellationToken);
        return result.IsSuccess ? Str(result.Value.Json, "name") ?? Str(result.Value.Json, "username") ?? channel.AccountId : result.Error!;
    }

    protected async Task<Result<string>> PostForIdAsync(ChannelContext channel, string path, object body, CancellationToken cancellationToken)
    {
        var result = await Http.SendAsync(PlatformHttp.Request(HttpMethod.Post, channel.Api(path), channel.Credentials.AccessToken, body), Kind.ToString(), cancellationToken);
        return result.IsSuccess ? Str(result.Value.Json, "id") ?? "" : result.Error!;
    }
}

public sealed class FacebookConnector(PlatformHttp http) : MetaConnector(http)
{
    public override ChannelKind Kind => ChannelKind.Facebook;

    public override Task<Result<string>> ReplyAsync(ChannelContext channel, string platformItemId, string text, CancellationToken cancellationToken) =>
        PostForIdAsync(channel, $"{Uri.EscapeDataString(platformItemId)}/comments", new { message = text }, cancellationToken);

    /// <summary>A comment takes one photo by address (<c>attachment_url</c>, our public share link); videos and documents are linked.</summary>
    public override Task<Result<string>> ReplyAsync(
        ChannelContext channel, string platformItemId, string text, IReadOnlyList<ChannelAttachment> attachments, CancellationToken cancellationToken) =>
        attachments.FirstOrDefault(a => a.IsImage) is { } photo
            ? PostForIdAsync(channel, $"{Uri.EscapeDataString(platformItemId)}/comments",
                new { message = ChannelAttachment.WithLinks(text, attachments.Where(a => a != photo)), attachment_url = photo.PublicUrl.ToString() }, cancellationToken)
            : base.ReplyAsync(channel, platformItemId, text, attachments, cancellationToken);

    /// <summary>Page <c>feed</c> changes (comments and visitor posts: add, edited, remove, hide) and Messenger messages.</summary>
    public override IReadOnlyList<InboundItem> Normalize(ChannelContext channel, RawEvent raw)
    {
        using var document = JsonDocument.Parse(raw.Body);
        var items = new List<InboundItem>();
        foreach (var entry in Arr(document.RootElement, "entry"))
        {
            var entryTime = Str(entry, "time");
            foreach (var change in Arr(entry, "changes").Where(c => Str(c, "field") == "feed"))
            {
                var value = Obj(change, "value");
                var item = Str(value, "item");
                if (item is not ("comment" or "post" or "status"))
                {
                    continue;
                }

                var verb = Str(value, "verb") ?? "add";
                var id = Str(value, item == "comment" ? "comment_id" : "post_id") ?? "";
                var postId = Str(value, "post_id");
                var parentId = Str(value, "parent_id");
                var kind = item != "comment" ? InboundItemKind.Post : parentId is null || parentId == postId ? InboundItemKind.Comment : InboundItemKind.Reply;
                var change_ = verb switch
                {
                    "remove" or "delete" => InboundChange.Deleted,
                    "hide" => InboundChange.Hidden,
                    "edited" or "unhide" => InboundChange.Edited,
                    _ => InboundChange.Created,
                };
                var from = Obj(value, "from");
                // An edit or removal happened at the entry time; created_time stays the comment's creation.
                var occurred = FromUnixSeconds(verb == "add" ? Str(value, "created_time") ?? entryTime : entryTime, raw.ReceivedUtc);
                items.Add(Item(channel, $"fb:{id}:{verb}:{entryTime}", change_, kind, id, postId, parentId, Str(from, "id") ?? "", null,
                    Str(from, "name"), Str(value, "message") ?? "", null, Str(Obj(value, "post"), "permalink_url"), occurred, raw.ReceivedUtc));
            }

            foreach (var message in Arr(entry, "messaging"))
            {
                var body = Obj(message, "message");
                var mid = Str(body, "mid");
                var sender = Str(Obj(message, "sender"), "id") ?? "";
                if (mid is null || sender == channel.AccountId)
                {
                    continue;
                }

                var at = long.TryParse(Str(message, "timestamp"), out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : FromUnixSeconds(entryTime, raw.ReceivedUtc);
                items.Add(Item(channel, $"fb:msg:{mid}", InboundChange.Created, InboundItemKind.PrivateMessage, mid, sender, null, sender, null, null,
                    Str(body, "text") ?? "", null, null, at, raw.ReceivedUtc));
            }
        }

        return items;
    }
}

public sealed class InstagramConnector(PlatformHttp http) : MetaConnector(http)
{
    public override ChannelKind Kind => ChannelKind.Instagram;

    public override Task<Result<string>> ReplyAsync(ChannelContext channel, string platformItemId, string text, CancellationToken cancellationToken) =>
        PostForIdAsync(channel, $"{Uri.EscapeDataString(platformItemId)}/replies", new { message = text }, cancellationToken);

    /// <summary><c>comments</c> and <c>mentions</c> fields, under <c>entry[].changes[]</c> or directly under the entry (both shapes are documented).</summary>
    public override IReadOnlyList<InboundItem> Normalize(ChannelContext channel, RawEvent raw)
    {
        using var document = JsonDocument.Parse(raw.Body);
        var items = new List<InboundItem>();
        foreach (var entry in Arr(document.RootElement, "entry"))
        {
            var entryTime = Str(entry, "time");
            var changes = Arr(entry, "changes").ToList();
            if (changes.Count == 0 && Str(entry, "field") is not null)
            {
                changes.Add(entry);
            }

            foreach (var change in changes)
            {
                var field = Str(change, "field");
                var value = Obj(change, "value");
                var occurred = FromUnixSeconds(entryTime, raw.ReceivedUtc);
                if (field == "comments")
                {
                    var id = Str(value, "id") ?? "";
                    var from = Obj(value, "from");
                    var parent = Str(value, "parent_id");
                    items.Add(Item(channel, $"ig:{id}:add", InboundChange.Created, parent is null ? InboundItemKind.Comment : InboundItemKind.Reply,
                        id, Str(Obj(value, "media"), "id"), parent, Str(from, "id") ?? "", Str(from, "username"), null,
                        Str(value, "text") ?? "", null, null, occurred, raw.ReceivedUtc));
                }
                else if (field == "mentions")
                {
                    var id = Str(value, "comment_id") ?? Str(value, "media_id") ?? "";
                    items.Add(Item(channel, $"ig:mention:{id}", InboundChange.Created, InboundItemKind.Mention, id, Str(value, "media_id"), null,
                        "", null, null, Str(value, "text") ?? "", null, null, occurred, raw.ReceivedUtc));
                }
            }
        }

        return items;
    }
}
