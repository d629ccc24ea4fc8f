using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Salus.Modules.Channels.Contracts;
using Salus.Modules.Channels.Domain;
using Salus.Platform.Results;

namespace Salus.Modules.Channels.Connectors;

/// <summary>
/// LinkedIn Community Management API: comments on the organization's posts, read with <c>start</c>/<c>count</c> paging
/// (newest <c>lastModified</c> is the cursor). Webhooks: the <c>challengeCode</c> validation and <c>X-LI-Signature</c>;
/// a notification names what changed but not the text, so it triggers a poll.
/// </summary>
public sealed class LinkedInConnector(PlatformHttp http) : ConnectorBase(http)
{
    public const string Version = "202502";

    public override ChannelKind Kind => ChannelKind.LinkedIn;

    public override bool SupportsWebhooks => true;

    public override bool SupportsPolling => true;

    public override bool WebhookTriggersPoll => true;

    public override HandshakeAnswer Handshake(ChannelContext channel, IQueryCollection query)
    {
        var code = query["challengeCode"].ToString();
        if (code.Length == 0 || string.IsNullOrEmpty(channel.Credentials.WebhookSecret))
        {
            return new HandshakeAnswer(StatusCodes.Status400BadRequest, "text/plain", "");
        }

        var answer = JsonSerializer.Serialize(new { challengeCode = code, challengeResponse = WebhookSignatures.LinkedInChallengeResponse(code, channel.Credentials.WebhookSecret) });
        return new HandshakeAnswer(StatusCodes.Status200OK, "application/json", answer);
    }

    public override WebhookCheck VerifyWebhook(ChannelContext channel, ReadOnlySpan<byte> body, IHeaderDictionary headers, DateTimeOffset now, TimeSpan maxAge) =>
        WebhookSignatures.VerifyLinkedInSignature(body, headers["X-LI-Signature"], channel.Credentials.WebhookSecret ?? "")
            ? new WebhookCheck(WebhookVerdict.Accepted, WebhookSignatures.BodyEventId(body))
            : WebhookCheck.Bad;

    public override IReadOnlyList<InboundItem> Normalize(ChannelContext channel, RawEvent raw)
    {
        if (raw.Source == RawEventSource.Webhook)
        {
            return []; // the poll it triggers brings the comments
        }

        using var document = JsonDocument.Parse(raw.Body);
        var comment = document.RootElement;
        var urn = CommentUrn(comment);
        var parent = Str(comment, "parentComment");
        var deleted = Str(comment, "deleted") == "true";
        var created = Str(Obj(comment, "created"), "time");
        var modified = Str(Obj(comment, "lastModified"), "time") ?? created;
        var change = deleted ? InboundChange.Deleted : modified != created ? InboundChange.Edited : InboundChange.Created;
        var at = long.TryParse(modified, out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : new DateTimeOffset(raw.ReceivedUtc, TimeSpan.Zero);
        return [Item(channel, raw.EventId, change, parent is null ? InboundItemKind.Comment : InboundItemKind.Reply, urn, Str(comment, "object"), parent,
            Str(comment, "actor") ?? "", null, null, Str(Obj(comment, "message"), "text") ?? "", null, null, at, raw.ReceivedUtc)];
    }

    public override async Task<Result<PollResult>> PollAsync(ChannelContext channel, string? cursor, CancellationToken cancellationToken)
    {
        var since = long.TryParse(cursor, NumberStyles.Integer, CultureInfo.InvariantCulture, out var c) ? c : 0;
        var newest = since;
        var posts = await Http.SendAsync(Request(channel, HttpMethod.Get, $"posts?q=author&author={Uri.EscapeDataString(channel.AccountId)}&count=20"), "LinkedIn", cancellationToken);
        if (!posts.IsSuccess)
        {
            return posts.Error!;
        }

        var items = new List<PolledItem>();
        foreach (var post in Arr(posts.Value.Json, "elements"))
        {
            var postUrn = Str(post, "id") ?? "";
            for (int start = 0, total = int.MaxValue, page = 0; start < total && page < 50; page++)
            {
                var result = await Http.SendAsync(Request(channel, HttpMethod.Get, $"socialActions/{Uri.EscapeDataString(postUrn)}/comments?start={start}&count=50"), "LinkedIn", cancellationToken);
                if (!result.IsSuccess)
                {
                    return result.Error!;
                }

                var elements = Arr(result.Value.Json, "elements").ToList();
                foreach (var comment in elements)
                {
                    var modified = long.TryParse(Str(Obj(comment, "lastModified"), "time") ?? Str(Obj(comment, "created"), "time"), out var m) ? m : 0;
                    if (modified <= since)
                    {
                        continue;
                    }

                    newest = Math.Max(newest, modified);
                    items.Add(new PolledItem($"li:{CommentUrn(comment)}:{modified}", comment.GetRawText()));
                }

                var paging = Obj(result.Value.Json, "paging");
                total = int.TryParse(Str(paging, "total"), out var t) ? t : 0;
                start += Math.Max(elements.Count, 1);
                if (elements.Count == 0)
                {
                    break;
                }
            }
        }

        return new PollResult(items, newest.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Replies as the organization to the comment (<c>parentComment</c>) on its post; returns the <c>x-restli-id</c>.</summary>
    public override async Task<Result<string>> ReplyAsync(ChannelContext channel, string platformItemId, string text, CancellationToken cancellationToken)
    {
        if (!TryParseCommentUrn(platformItemId, out var activity, out _))
        {
            return Errors.Validation("channel.item", $"'{platformItemId}' is not a LinkedIn comment URN (urn:li:comment:(activity,id)).");
        }

        var result = await Http.SendAsync(Request(channel, HttpMethod.Post, $"socialActions/{Uri.EscapeDataString(platformItemId)}/comments",
            new { actor = channel.AccountId, @object = activity, parentComment = platformItemId, message = new { text } }), "LinkedIn", cancellationToken);
        return result.IsSuccess
            ? (result.Value.Headers.TryGetValues("x-restli-id", out var id) ? id.First() : Str(result.Value.Json, "id") ?? "")
            : result.Error!;
    }

    public override async Task<Result<string>> DeleteAsync(ChannelContext channel, string platformItemId, CancellationToken cancellationToken)
    {
        if (!TryParseCommentUrn(platformItemId, out var activity, out var commentId))
        {
            return Errors.Validation("channel.item", $"'{platformItemId}' is not a LinkedIn comment URN (urn:li:comment:(activity,id)).");
        }

        var result = await Http.SendAsync(Request(channel, HttpMethod.Delete,
            $"socialActions/{Uri.EscapeDataString(activity)}/comments/{Uri.EscapeDataString(commentId)}?actor={Uri.EscapeDataString(channel.AccountId)}"), "LinkedIn", cancellationToken);
        return result.IsSuccess ? platformItemId : result.Error!;
    }

    public override async Task<Result<string>> TestAsync(ChannelContext channel, CancellationToken cancellationToken)
    {
        var id = channel.AccountId.Split(':')[^1];
        var result = await Http.SendAsync(Request(channel, HttpMethod.Get, $"organizations/{Uri.EscapeDataString(id)}"), "LinkedIn", cancellationToken);
        return result.IsSuccess ? Str(result.Value.Json, "localizedName") ?? channel.AccountId : result.Error!;
    }

    internal static bool TryParseCommentUrn(string urn, out string activity, out string commentId)
    {
        activity = commentId = "";
        const string Prefix = "urn:li:comment:(";
        if (!urn.StartsWith(Prefix, StringComparison.Ordinal) || !urn.EndsWith(')'))
        {
            return false;
        }

        var inner = urn[Prefix.Length..^1];
        var comma = inner.LastIndexOf(',');
        if (comma <= 0)
        {
            return false;
        }

        activity = inner[..comma];
        commentId = inner[(comma + 1)..];
        return true;
    }

    private static string CommentUrn(JsonElement comment) =>
        Str(comment, "commentUrn") ?? $"urn:li:comment:({Str(comment, "object")},{Str(comment, "id")})";

    private static HttpRequestMessage Request(ChannelContext channel, HttpMethod method, string path, object? body = null)
    {
        var request = PlatformHttp.Request(method, channel.Api(path), channel.Credentials.AccessToken, body);
        request.Headers.Add("LinkedIn-Version", Version);
        request.Headers.Add("X-Restli-Protocol-Version", "2.0.0");
        return request;
    }
}
