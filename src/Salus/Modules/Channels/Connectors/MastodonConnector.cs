using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Salus.Modules.Channels.Contracts;
using Salus.Modules.Channels.Domain;
using Salus.Platform.Results;

namespace Salus.Modules.Channels.Connectors;

/// <summary>
/// Mastodon: mention and edit notifications polled with <c>since_id</c>, following the <c>Link: rel="next"</c> header;
/// replies and direct messages posted with an <c>Idempotency-Key</c> derived from what is sent, so a retried job cannot post twice.
/// </summary>
public sealed partial class MastodonConnector(PlatformHttp http) : ConnectorBase(http)
{
    public override ChannelKind Kind => ChannelKind.Mastodon;

    public override bool SupportsPolling => true;

    public override IReadOnlyList<InboundItem> Normalize(ChannelContext channel, RawEvent raw)
    {
        using var document = JsonDocument.Parse(raw.Body);
        var notification = document.RootElement;
        var type = Str(notification, "type");
        if (type is not ("mention" or "update"))
        {
            return [];
        }

        var status = Obj(notification, "status");
        var account = Obj(notification, "account");
        var id = Str(status, "id") ?? "";
        var parent = Str(status, "in_reply_to_id");
        var edited = Str(status, "edited_at");
        var visibility = Str(status, "visibility");
        var kind = visibility == "direct" ? InboundItemKind.PrivateMessage : parent is null ? InboundItemKind.Mention : InboundItemKind.Reply;
        return [Item(channel, $"mastodon:{Str(notification, "id")}", type == "update" ? InboundChange.Edited : InboundChange.Created, kind, id,
            Str(status, "conversation_id") ?? parent ?? id, parent, Str(account, "id") ?? "", Str(account, "acct"), Str(account, "display_name"),
            PlainText(Str(status, "content") ?? ""), Str(status, "language"), Str(status, "url"),
            FromIso(edited ?? Str(status, "created_at") ?? Str(notification, "created_at"), raw.ReceivedUtc), raw.ReceivedUtc)];
    }

    public override async Task<Result<PollResult>> PollAsync(ChannelContext channel, string? cursor, CancellationToken cancellationToken)
    {
        var items = new List<PolledItem>();
        string? newest = null;
        var url = channel.Api("api/v1/notifications?types[]=mention&types[]=update&limit=40" + (cursor is null ? "" : $"&since_id={Uri.EscapeDataString(cursor)}"));
        for (var page = 0; page < 50 && url is not null; page++)
        {
            var result = await Http.SendAsync(PlatformHttp.Request(HttpMethod.Get, url, channel.Credentials.AccessToken), "Mastodon", cancellationToken);
            if (!result.IsSuccess)
            {
                return result.Error!;
            }

            var reachedCursor = false;
            foreach (var notification in result.Value.Json.ValueKind == JsonValueKind.Array ? result.Value.Json.EnumerateArray() : default)
            {
                var id = Str(notification, "id") ?? "";
                if (cursor is not null && CompareIds(id, cursor) <= 0)
                {
                    reachedCursor = true;
                    continue;
                }

                if (newest is null || CompareIds(id, newest) > 0)
                {
                    newest = id;
                }

                items.Add(new PolledItem($"mastodon:{id}", notification.GetRawText()));
            }

            url = reachedCursor ? null : NextLink(result.Value.Headers.TryGetValues("Link", out var links) ? string.Join(",", links) : null);
        }

        return new PollResult(items, url is null ? newest ?? cursor : cursor);
    }

    public override async Task<Result<string>> ReplyAsync(ChannelContext channel, string platformItemId, string text, CancellationToken cancellationToken) =>
        await PostStatusAsync(channel, text, platformItemId, "public", cancellationToken);

    /// <summary>Mastodon's private message is a status with <c>direct</c> visibility that mentions the recipient.</summary>
    public override async Task<Result<string>> SendPrivateMessageAsync(ChannelContext channel, string recipientPlatformId, string? inResponseToItemId, string text, CancellationToken cancellationToken)
    {
        var account = await Http.SendAsync(PlatformHttp.Request(HttpMethod.Get, channel.Api($"api/v1/accounts/{Uri.EscapeDataString(recipientPlatformId)}"),
            channel.Credentials.AccessToken), "Mastodon", cancellationToken);
        if (!account.IsSuccess)
        {
            return account.Error!;
        }

        return await PostStatusAsync(channel, $"@{Str(account.Value.Json, "acct")} {text}", inResponseToItemId, "direct", cancellationToken);
    }

    public override async Task<Result<string>> DeleteAsync(ChannelContext channel, string platformItemId, CancellationToken cancellationToken)
    {
        var result = await Http.SendAsync(PlatformHttp.Request(HttpMethod.Delete, channel.Api($"api/v1/statuses/{Uri.EscapeDataString(platformItemId)}"),
            channel.Credentials.AccessToken), "Mastodon", cancellationToken);
        return result.IsSuccess ? platformItemId : result.Error!;
    }

    public override async Task<Result<string>> TestAsync(ChannelContext channel, CancellationToken cancellationToken)
    {
        var result = await Http.SendAsync(PlatformHttp.Request(HttpMethod.Get, channel.Api("api/v1/accounts/verify_credentials"),
            channel.Credentials.AccessToken), "Mastodon", cancellationToken);
        return result.IsSuccess ? "@" + Str(result.Value.Json, "acct") : result.Error!;
    }

    private async Task<Result<string>> PostStatusAsync(ChannelContext channel, string text, string? inReplyTo, string visibility, CancellationToken cancellationToken)
    {
        var request = PlatformHttp.Request(HttpMethod.Post, channel.Api("api/v1/statuses"), channel.Credentials.AccessToken,
            new { status = text, in_reply_to_id = inReplyTo, visibility });
        request.Headers.Add("Idempotency-Key", IdempotencyKey(channel.Id, inReplyTo, visibility, text));
        var result = await Http.SendAsync(request, "Mastodon", cancellationToken);
        return result.IsSuccess ? Str(result.Value.Json, "id") ?? "" : result.Error!;
    }

    internal static string IdempotencyKey(Guid channelId, string? inReplyTo, string visibility, string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{channelId:N}\n{inReplyTo}\n{visibility}\n{text}")))[..32];

    /// <summary>Mastodon ids are decimal strings of growing length: compare by length, then ordinally.</summary>
    internal static int CompareIds(string a, string b) =>
        a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);

    internal static string? NextLink(string? header)
    {
        if (header is null)
        {
            return null;
        }

        var match = NextLinkPattern().Match(header);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static string PlainText(string html) =>
        WebUtility.HtmlDecode(TagPattern().Replace(BreakPattern().Replace(html, "\n"), "")).Trim();

    [GeneratedRegex("<([^>]+)>\\s*;\\s*rel=\"next\"")]
    private static partial Regex NextLinkPattern();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex TagPattern();

    [GeneratedRegex("<br\\s*/?>|</p>\\s*<p>", RegexOptions.IgnoreCase)]
    private static partial Regex BreakPattern();
}
