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
/// Mastodon: mention and edit notifications polled with <c>since_id</c>, following the <c>Link: rel="next"</c> header,
/// and, for channels set to stream, pushed live over the user stream (server-sent events, see <see cref="IStreamingConnector"/>);
/// replies and direct messages posted with an <c>Idempotency-Key</c> derived from what is sent, so a retried job cannot post twice.
/// </summary>
public sealed partial class MastodonConnector(PlatformHttp http) : ConnectorBase(http), IStreamingConnector, IStatusRecheckConnector
{
    private static readonly TimeSpan HeadersTimeout = TimeSpan.FromSeconds(30);

    public override ChannelKind Kind => ChannelKind.Mastodon;

    public override bool SupportsPolling => true;

    public override IReadOnlyList<InboundItem> Normalize(ChannelContext channel, RawEvent raw)
    {
        using var document = JsonDocument.Parse(raw.Body);
        var root = document.RootElement;
        if (raw.Source != RawEventSource.Stream)
        {
            return FromNotification(channel, raw, root);
        }

        // A streamed event is stored as {"stream":[...],"event":name,"payload":...} (see Interpret).
        var payload = Obj(root, "payload");
        return Str(root, "event") switch
        {
            "notification" => FromNotification(channel, raw, payload),
            "status.update" => [FromEditedStatus(channel, raw, payload)],
            "delete" when Str(root, "payload") is { Length: > 0 } statusId =>
                [Item(channel, $"mastodon:status:{statusId}:delete", InboundChange.Deleted, InboundItemKind.Mention, statusId, null, null, "",
                    null, null, "", null, null, new DateTimeOffset(DateTime.SpecifyKind(raw.ReceivedUtc, DateTimeKind.Utc)), raw.ReceivedUtc)],
            _ => [],
        };
    }

    private static List<InboundItem> FromNotification(ChannelContext channel, RawEvent raw, JsonElement notification)
    {
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
        return [Item(channel, $"mastodon:{Str(notification, "id")}", type == "update" ? InboundChange.Edited : InboundChange.Created, KindOf(status), id,
            Str(status, "conversation_id") ?? parent ?? id, parent, Str(account, "id") ?? "", Str(account, "acct"), Str(account, "display_name"),
            PlainText(Str(status, "content") ?? ""), Str(status, "language"), Str(status, "url"),
            FromIso(edited ?? Str(status, "created_at") ?? Str(notification, "created_at"), raw.ReceivedUtc), raw.ReceivedUtc)];
    }

    private static InboundItem FromEditedStatus(ChannelContext channel, RawEvent raw, JsonElement status)
    {
        var account = Obj(status, "account");
        var id = Str(status, "id") ?? "";
        var parent = Str(status, "in_reply_to_id");
        var edited = Str(status, "edited_at");
        return Item(channel, $"mastodon:status:{id}:edit:{edited}", InboundChange.Edited, KindOf(status), id, parent ?? id, parent,
            Str(account, "id") ?? "", Str(account, "acct"), Str(account, "display_name"), PlainText(Str(status, "content") ?? ""),
            Str(status, "language"), Str(status, "url"), FromIso(edited ?? Str(status, "created_at"), raw.ReceivedUtc), raw.ReceivedUtc);
    }

    private static InboundItemKind KindOf(JsonElement status) =>
        Str(status, "visibility") == "direct" ? InboundItemKind.PrivateMessage
        : Str(status, "in_reply_to_id") is null ? InboundItemKind.Mention : InboundItemKind.Reply;

    /// <summary>
    /// The user stream, <c>GET /api/v1/streaming/user</c> with the bearer token, on the streaming host: the REST host
    /// unless <c>GET /api/v1/streaming</c> there redirects elsewhere (the documented hostname discovery).
    /// </summary>
    public async Task<Result<HttpResponseMessage>> OpenStreamAsync(ChannelContext channel, HttpClient client, CancellationToken cancellationToken)
    {
        var url = await StreamingBaseAsync(channel, client, cancellationToken) + "/api/v1/streaming/user";
        using var request = PlatformHttp.Request(HttpMethod.Get, url, channel.Credentials.AccessToken);
        request.Headers.Accept.ParseAdd("text/event-stream");
        HttpResponseMessage response;
        try
        {
            // A time limit for the headers only (the client has none: the body is open for hours); disposed before it can fire later.
            using var headers = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            headers.CancelAfter(HeadersTimeout);
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, headers.Token);
        }
        catch (HttpRequestException ex)
        {
            return Errors.Conflict("channel.unreachable", $"Mastodon streaming could not be reached: {ex.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Errors.Conflict("channel.unreachable", "Mastodon streaming did not answer in time.");
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var message = ErrorMessage(body) ?? response.ReasonPhrase ?? "";
            return response.StatusCode switch
            {
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                    Errors.Unauthorized("channel.auth", $"Mastodon streaming refused the token ({status}): {message}"),
                _ => Errors.Conflict("channel.stream-error", $"Mastodon streaming answered {status}: {message}"),
            };
        }
    }

    private static async Task<string> StreamingBaseAsync(ChannelContext channel, HttpClient client, CancellationToken cancellationToken)
    {
        var own = channel.ApiBaseUrl.TrimEnd('/');
        try
        {
            using var headers = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            headers.CancelAfter(HeadersTimeout);
            using var response = await client.GetAsync(channel.Api("api/v1/streaming"), HttpCompletionOption.ResponseHeadersRead, headers.Token);
            var moved = (int)response.StatusCode is >= 300 and < 400 ? response.Headers.Location : null;
            var final = response.RequestMessage?.RequestUri;
            var target = moved is { IsAbsoluteUri: true } ? moved : final is not null && final.Authority != new Uri(own).Authority ? final : null;
            if (target is null)
            {
                return own;
            }

            var scheme = target.Scheme switch { "wss" => "https", "ws" => "http", var other => other };
            return $"{scheme}://{target.Authority}";
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return own; // the stream request itself will report the failure
        }
    }

    /// <summary>
    /// Notifications (mentions and edits, as polled) keep the polled event id <c>mastodon:{notification id}</c>;
    /// <c>status.update</c> of a status mentioning the account becomes an edit; <c>delete</c> a deletion of an item
    /// already received. Home timeline posts (<c>update</c>), announcements and filters are not inbox material.
    /// </summary>
    public StreamedItem? Interpret(ChannelContext channel, ServerSentEvent streamed)
    {
        switch (streamed.Name)
        {
            case "notification":
                using (var document = TryParse(streamed.Data))
                {
                    var notification = document?.RootElement ?? default;
                    return Str(notification, "type") is "mention" or "update" && Str(notification, "id") is { } id
                        ? new StreamedItem($"mastodon:{id}", Envelope(streamed))
                        : null;
                }

            case "status.update":
                using (var document = TryParse(streamed.Data))
                {
                    var status = document?.RootElement ?? default;
                    var mentionsUs = Arr(status, "mentions").Any(m => Str(m, "id") == channel.AccountId);
                    var byUs = Str(Obj(status, "account"), "id") == channel.AccountId;
                    return mentionsUs && !byUs && Str(status, "id") is { } id
                        ? new StreamedItem($"mastodon:status:{id}:edit:{Str(status, "edited_at")}", Envelope(streamed))
                        : null;
                }

            case "delete":
                var statusId = streamed.Data.Trim();
                return statusId.Length is > 0 and <= 40 && statusId.All(char.IsAsciiLetterOrDigit)
                    ? new StreamedItem($"mastodon:status:{statusId}:delete", Envelope(streamed), RequiresKnownItem: $"\"id\":\"{statusId}\"")
                    : null;
            default:
                return null;
        }
    }

    /// <summary>The streamed event as stored: the payload kept byte for byte (JSON as JSON, a bare id as a string).</summary>
    internal static string Envelope(ServerSentEvent streamed, string stream = "user")
    {
        var payload = streamed.Data.TrimStart().StartsWith('{') ? streamed.Data : JsonSerializer.Serialize(streamed.Data.Trim());
        return $"{{\"stream\":[{JsonSerializer.Serialize(stream)}],\"event\":{JsonSerializer.Serialize(streamed.Name)},\"payload\":{payload}}}";
    }

    /// <summary>Marks events made by the catch-up lookup (instead of <c>user</c>) in the stored envelope; processing ignores it.</summary>
    internal const string CatchUpStream = "catch-up";

    /// <summary>Mastodon's limit for <c>GET /api/v1/statuses?id[]=</c> (<c>DEFAULT_STATUSES_LIMIT</c>; more ids answer 422).</summary>
    public int MaxIdsPerLookup => 20;

    public bool IsStatusId(string platformItemId) => platformItemId.Length is > 0 and <= 40 && platformItemId.All(char.IsAsciiLetterOrDigit);

    public int CompareStatusIds(string a, string b) => CompareIds(a, b);

    /// <summary>
    /// <c>GET /api/v1/statuses?id[]=…</c> (Mastodon 4.3+): statuses missing from the answer are deleted or no longer
    /// visible. A server without it answers 404; then (and in later batches) <c>GET /api/v1/statuses/:id</c> one by
    /// one, 404 meaning gone. The rate-limit budget (<c>X-RateLimit-Remaining</c>/<c>-Reset</c>) is passed back.
    /// </summary>
    public async Task<Result<StatusLookup>> LookUpStatusesAsync(ChannelContext channel, IReadOnlyList<string> ids, bool multi, CancellationToken cancellationToken)
    {
        if (multi)
        {
            var query = string.Join("&", ids.Select(id => "id[]=" + Uri.EscapeDataString(id)));
            var result = await Http.SendAsync(PlatformHttp.Request(HttpMethod.Get, channel.Api("api/v1/statuses?" + query), channel.Credentials.AccessToken),
                "Mastodon", cancellationToken);
            if (result.IsSuccess)
            {
                var wanted = ids.ToHashSet(StringComparer.Ordinal);
                var found = (result.Value.Json.ValueKind == JsonValueKind.Array ? result.Value.Json.EnumerateArray() : default)
                    .Where(s => Str(s, "id") is { } id && wanted.Contains(id)).Select(Checked).ToList();
                var seen = found.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
                var (remaining, reset) = Budget(result.Value.Headers);
                return new StatusLookup(found, [.. ids.Where(id => !seen.Contains(id))], remaining, reset);
            }

            if (result.Error!.Code != "channel.not-found")
            {
                return result.Error!;
            }
        }

        var one = new List<CheckedStatus>();
        var gone = new List<string>();
        int? left = null;
        DateTimeOffset? resetAt = null;
        foreach (var id in ids)
        {
            var result = await Http.SendAsync(PlatformHttp.Request(HttpMethod.Get, channel.Api($"api/v1/statuses/{Uri.EscapeDataString(id)}"),
                channel.Credentials.AccessToken), "Mastodon", cancellationToken);
            if (result.IsSuccess)
            {
                one.Add(Checked(result.Value.Json));
                (left, resetAt) = Budget(result.Value.Headers);
            }
            else if (result.Error!.Code == "channel.not-found")
            {
                gone.Add(id);
            }
            else if (one.Count + gone.Count == 0)
            {
                return result.Error!;
            }
            else
            {
                return new StatusLookup(one, gone, left, resetAt, MultiUnsupported: true, Partial: result.Error);
            }
        }

        return new StatusLookup(one, gone, left, resetAt, MultiUnsupported: true);
    }

    private static CheckedStatus Checked(JsonElement status)
    {
        var edited = Str(status, "edited_at");
        DateTimeOffset? editedAt = edited is null ? null : FromIso(edited, DateTime.UnixEpoch);
        return new CheckedStatus(Str(status, "id") ?? "", editedAt, status.GetRawText());
    }

    /// <summary>Mastodon's rate-limit headers: requests left in the window and when it resets (ISO 8601).</summary>
    private static (int? Remaining, DateTimeOffset? Reset) Budget(System.Net.Http.Headers.HttpResponseHeaders headers)
    {
        int? remaining = headers.TryGetValues("X-RateLimit-Remaining", out var r)
            && int.TryParse(r.FirstOrDefault(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var left)
            ? left : null;
        DateTimeOffset? reset = headers.TryGetValues("X-RateLimit-Reset", out var t)
            && DateTimeOffset.TryParse(t.FirstOrDefault(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? at : null;
        return (remaining, reset);
    }

    /// <summary>The same event id and envelope as a streamed <c>status.update</c>, so an edit seen both ways is stored once.</summary>
    public StreamedItem EditOf(CheckedStatus status)
    {
        using var document = JsonDocument.Parse(status.Json);
        var editedAt = Str(document.RootElement, "edited_at");
        return new StreamedItem($"mastodon:status:{status.Id}:edit:{editedAt}", Envelope(new ServerSentEvent("status.update", status.Json), CatchUpStream));
    }

    /// <summary>The same event id and envelope as a streamed <c>delete</c>.</summary>
    public StreamedItem DeletionOf(string statusId) =>
        new($"mastodon:status:{statusId}:delete", Envelope(new ServerSentEvent("delete", statusId), CatchUpStream));

    private static JsonDocument? TryParse(string json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? ErrorMessage(string body)
    {
        using var document = TryParse(body);
        return document is null ? null : Str(document.RootElement, "error");
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
        if (!result.IsSuccess)
        {
            return result.Error!;
        }

        if (channel.Streaming)
        {
            // Public and unauthenticated: says whether the streaming service is up (the token was checked above).
            var health = await Http.SendAsync(PlatformHttp.Request(HttpMethod.Get, channel.Api("api/v1/streaming/health"), null), "Mastodon streaming", cancellationToken);
            if (!health.IsSuccess)
            {
                return health.Error!;
            }

            if (!health.Value.Body.Trim().Equals("OK", StringComparison.OrdinalIgnoreCase))
            {
                return Errors.Conflict("channel.stream-error", "Mastodon streaming health check did not answer OK.");
            }
        }

        return "@" + Str(result.Value.Json, "acct");
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
