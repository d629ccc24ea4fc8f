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
/// signature over the raw body. 2xx only after the body is committed (group commit: see <see cref="WebhookBatchWriter"/>);
/// 401 for a bad, missing or stale signature; 413 for an oversize body; 503 + Retry-After when the ingest queue is full
/// or the commit failed; nothing is acknowledged in any of those cases. Not rate limited: platforms deliver in bursts.
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
        Guid channelId, HttpContext http, ChannelDirectory directory, ConnectorRegistry connectors, WebhookIngestQueue ingest,
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
        var delivery = new WebhookDelivery(channelId, check.EventId!, Encoding.UTF8.GetString(body), contentType.Length > 100 ? contentType[..100] : contentType);
        var retryAfter = options.Value.IngestRetryAfterSeconds;
        var refusal = ingest.TryEnqueue(delivery, out var committed);
        if (refusal != EnqueueRefusal.None)
        {
            LogRefused(logger, channelId, refusal.ToString());
            return Unavailable(http, retryAfter, refusal == EnqueueRefusal.Full ? "Too many webhooks are waiting to be stored; retry later." : "The server is shutting down; retry later.");
        }

        StoreOutcome outcome;
        try
        {
            // Not cancelled by RequestAborted on purpose: the delivery is in the batch; a client that left retries anyway.
            outcome = await committed;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The commit failed (or shutdown cut it short): no 2xx, so the platform delivers it again.
            return Unavailable(http, retryAfter, "The webhook could not be stored; retry later.");
        }

        return Results.Ok(new { stored = outcome == StoreOutcome.Stored, duplicate = outcome == StoreOutcome.Duplicate });
    }

    private static IResult Unavailable(HttpContext http, int retryAfterSeconds, string detail)
    {
        http.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not stored.", detail: detail);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a webhook for channel {ChannelId} with 503: {Refusal}")]
    private static partial void LogRefused(ILogger logger, Guid channelId, string refusal);
}
