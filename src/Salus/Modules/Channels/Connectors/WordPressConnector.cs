using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Salus.Modules.Channels.Contracts;
using Salus.Modules.Channels.Domain;
using Salus.Platform.Results;

namespace Salus.Modules.Channels.Connectors;

/// <summary>
/// WordPress REST API comments on the organisation's blog: polled oldest first with <c>after</c>, <c>page</c> and
/// <c>per_page</c> until <c>X-WP-TotalPages</c>; replies, hold (hide) and delete with an Application Password (HTTP Basic).
/// </summary>
public sealed partial class WordPressConnector(PlatformHttp http) : ConnectorBase(http)
{
    public override ChannelKind Kind => ChannelKind.WordPress;

    public override bool SupportsPolling => true;

    public override IReadOnlyList<InboundItem> Normalize(ChannelContext channel, RawEvent raw)
    {
        using var document = JsonDocument.Parse(raw.Body);
        var comment = document.RootElement;
        var id = Str(comment, "id") ?? "";
        var parent = Str(comment, "parent");
        var status = Str(comment, "status");
        var change = status is "trash" or "spam" ? InboundChange.Deleted : InboundChange.Created;
        return [Item(channel, raw.EventId, change, parent is null or "0" ? InboundItemKind.Comment : InboundItemKind.Reply, id, Str(comment, "post"),
            parent is null or "0" ? null : parent, Str(comment, "author") ?? "0", null, Str(comment, "author_name"),
            WebUtility.HtmlDecode(TagPattern().Replace(Str(Obj(comment, "content"), "rendered") ?? "", "")).Trim(), null, Str(comment, "link"),
            FromIso(Str(comment, "date_gmt") is { } d ? d + "Z" : null, raw.ReceivedUtc), raw.ReceivedUtc)];
    }

    public override async Task<Result<PollResult>> PollAsync(ChannelContext channel, string? cursor, CancellationToken cancellationToken)
    {
        var items = new List<PolledItem>();
        var newest = cursor;
        var totalPages = 1;
        for (var page = 1; page <= totalPages && page <= 50; page++)
        {
            var url = channel.Api($"wp/v2/comments?per_page=100&page={page}&orderby=date_gmt&order=asc"
                + (cursor is null ? "" : $"&after={Uri.EscapeDataString(OneSecondBefore(cursor))}"));
            var result = await Http.SendAsync(Authorized(channel, HttpMethod.Get, url), "WordPress", cancellationToken);
            if (!result.IsSuccess)
            {
                return result.Error!;
            }

            totalPages = result.Value.Headers.TryGetValues("X-WP-TotalPages", out var values)
                && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 1;
            foreach (var comment in result.Value.Json.ValueKind == JsonValueKind.Array ? result.Value.Json.EnumerateArray() : default)
            {
                var date = Str(comment, "date_gmt");
                if (date is not null && (newest is null || string.CompareOrdinal(date, newest) > 0))
                {
                    newest = date;
                }

                items.Add(new PolledItem($"wp:{Str(comment, "id")}:{Str(comment, "status")}", comment.GetRawText()));
            }
        }

        return new PollResult(items, newest);
    }

    public override async Task<Result<string>> ReplyAsync(ChannelContext channel, string platformItemId, string text, CancellationToken cancellationToken)
    {
        var original = await Http.SendAsync(Authorized(channel, HttpMethod.Get, channel.Api($"wp/v2/comments/{Uri.EscapeDataString(platformItemId)}")), "WordPress", cancellationToken);
        if (!original.IsSuccess)
        {
            return original.Error!;
        }

        var result = await Http.SendAsync(Authorized(channel, HttpMethod.Post, channel.Api("wp/v2/comments"),
            new { post = original.Value.Json.GetProperty("post").GetInt64(), parent = long.Parse(platformItemId, CultureInfo.InvariantCulture), content = text }), "WordPress", cancellationToken);
        return result.IsSuccess ? Str(result.Value.Json, "id") ?? "" : result.Error!;
    }

    /// <summary>Hiding a blog comment puts it back in moderation (<c>hold</c>); un-hiding approves it.</summary>
    public override async Task<Result<string>> HideAsync(ChannelContext channel, string platformItemId, bool hidden, CancellationToken cancellationToken)
    {
        var result = await Http.SendAsync(Authorized(channel, HttpMethod.Post, channel.Api($"wp/v2/comments/{Uri.EscapeDataString(platformItemId)}"),
            new { status = hidden ? "hold" : "approved" }), "WordPress", cancellationToken);
        return result.IsSuccess ? platformItemId : result.Error!;
    }

    public override async Task<Result<string>> DeleteAsync(ChannelContext channel, string platformItemId, CancellationToken cancellationToken)
    {
        var result = await Http.SendAsync(Authorized(channel, HttpMethod.Delete, channel.Api($"wp/v2/comments/{Uri.EscapeDataString(platformItemId)}?force=true")), "WordPress", cancellationToken);
        return result.IsSuccess ? platformItemId : result.Error!;
    }

    public override async Task<Result<string>> TestAsync(ChannelContext channel, CancellationToken cancellationToken)
    {
        var result = await Http.SendAsync(Authorized(channel, HttpMethod.Get, channel.Api("wp/v2/users/me")), "WordPress", cancellationToken);
        return result.IsSuccess ? Str(result.Value.Json, "name") ?? "" : result.Error!;
    }

    /// <summary><c>after</c> is strict and dates have one-second precision: ask from a second earlier, dedup by event id.</summary>
    private static string OneSecondBefore(string cursor) =>
        DateTime.TryParse(cursor, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
            ? at.AddSeconds(-1).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
            : cursor;

    private static HttpRequestMessage Authorized(ChannelContext channel, HttpMethod method, string url, object? body = null)
    {
        var request = PlatformHttp.Request(method, url, null, body);
        if (channel.Credentials.Username is { Length: > 0 } user)
        {
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{channel.Credentials.Password}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        }

        return request;
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex TagPattern();
}
