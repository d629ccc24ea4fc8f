using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Salus.Modules.Channels.Connectors;

namespace Salus.Modules.Channels.Ingest;

/// <summary>
/// <c>/webhooks/channels/{id}</c>: anonymous, because platforms cannot sign in, but every POST must carry the platform's
/// signature over the raw body. 2xx only after the body is committed; 401 for a bad, missing or stale signature;
/// 413 for an oversize body; nothing is stored in any of those cases. Not rate limited: platforms deliver in bursts.
/// </summary>
internal static partial class WebhookEndpoints
{
    public const string Route = "/webhooks/channels/{channelId:guid}";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Route, HandshakeAsync).AllowAnonymous().DisableRateLimiting().WithTags("Channels").WithName("ChannelWebhookHandshake")
            .WithSummary("Subscription handshake of a platform (Meta hub.challenge, X CRC, LinkedIn challengeCode, WebSub hub.challenge).");
        endpoints.MapPost(Route, ReceiveAsync).AllowAnonymous().DisableRateLimiting().WithTags("Channels").WithName("ChannelWebhook")
            .WithSummary("A signed platform notification; acknowledged once its raw body is durably stored.");
    }

    private static async Task<IResult> HandshakeAsync(Guid channelId, HttpContext http, ChannelDirectory directory, ConnectorRegistry connectors)
    {
        var channel = await directory.FindEnabledAsync(channelId, http.RequestAborted);
        if (channel is null)
        {
            return Results.NotFound();
        }

        var answer = connectors.For(channel.Kind).Handshake(channel, http.Request.Query);
        return Results.Text(answer.Body, answer.ContentType, Encoding.UTF8, answer.Status);
    }

    private static async Task<IResult> ReceiveAsync(
        Guid channelId, HttpContext http, ChannelDirectory directory, ConnectorRegistry connectors, RawEventStore store,
        IOptions<ChannelsOptions> options, TimeProvider time, ILoggerFactory loggers)
    {
        var limit = options.Value.MaxWebhookBytes;
        if (http.Request.ContentLength > limit)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var channel = await directory.FindEnabledAsync(channelId, http.RequestAborted);
        if (channel is null)
        {
            return Results.NotFound();
        }

        var body = await ReadLimitedAsync(http.Request.Body, limit, http.RequestAborted);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var logger = loggers.CreateLogger("Salus.Channels.Webhooks");
        var check = connectors.For(channel.Kind).VerifyWebhook(channel, body, http.Request.Headers, time.GetUtcNow(), TimeSpan.FromHours(options.Value.MaxEventAgeHours));
        switch (check.Verdict)
        {
            case WebhookVerdict.NotSupported:
                return Results.NotFound();
            case WebhookVerdict.BadSignature or WebhookVerdict.Stale:
                LogRejected(logger, channel.Kind.ToString(), channelId, check.Verdict.ToString());
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Authentication failed.",
                    detail: check.Verdict == WebhookVerdict.Stale ? "The signed payload is too old (a replay)." : "The signature is missing or does not match the body.");
        }

        var contentType = http.Request.ContentType ?? "application/json";
        var outcome = await store.StoreWebhookAsync(channelId, check.EventId!, Encoding.UTF8.GetString(body), contentType.Length > 100 ? contentType[..100] : contentType, http.RequestAborted);
        return Results.Ok(new { stored = outcome == StoreOutcome.Stored, duplicate = outcome == StoreOutcome.Duplicate });
    }

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> (a missing or lying Content-Length).</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream stream, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a {Kind} webhook for channel {ChannelId}: {Verdict}")]
    private static partial void LogRejected(ILogger logger, string kind, Guid channelId, string verdict);
}
