using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Salus.Modules.Channels.Connectors;

/// <summary>
/// Retries of the connectors' HttpClient. Reads and deletes retry on transient failures with exponential backoff and
/// jitter; writes (a reply POST) retry only when the platform said it did not process them (429) or carry an
/// <c>Idempotency-Key</c>, so a timeout never posts a reply twice. A rate limit is waited out in place when it resets
/// soon (Retry-After or x-rate-limit-reset); a longer one fails fast and the poll is rescheduled for the reset time.
/// </summary>
internal static class ChannelHttpResilience
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<ChannelsOptions>>().Value;
        var time = context.ServiceProvider.GetRequiredService<TimeProvider>();
        var maxInlineWait = TimeSpan.FromSeconds(options.MaxInlineRateLimitWaitSeconds);
        builder.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(options.RetryBaseDelayMilliseconds),
            ShouldRetryAfterHeader = false, // DelayGenerator reads Retry-After and x-rate-limit-reset itself.
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, time, maxInlineWait)),
            DelayGenerator = args =>
            {
                if (args.Outcome.Result is { } response && RateLimitHeaders.RetryAt(response, time.GetUtcNow()) is { } at)
                {
                    var wait = at - time.GetUtcNow();
                    return ValueTask.FromResult<TimeSpan?>(wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
                }

                return ValueTask.FromResult<TimeSpan?>(null); // the exponential backoff
            },
        });
        builder.AddTimeout(TimeSpan.FromSeconds(options.RequestTimeoutSeconds));
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, TimeProvider time, TimeSpan maxInlineWait)
    {
        var request = context.GetRequestMessage();
        var safe = request is null || request.Method == HttpMethod.Get || request.Method == HttpMethod.Delete
            || request.Method == HttpMethod.Put || request.Headers.Contains("Idempotency-Key");
        if (outcome.Result is { } response)
        {
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var at = RateLimitHeaders.RetryAt(response, time.GetUtcNow());
                return at is null || at.Value - time.GetUtcNow() <= maxInlineWait;
            }

            return safe && (response.StatusCode >= HttpStatusCode.InternalServerError || response.StatusCode == HttpStatusCode.RequestTimeout);
        }

        return safe && outcome.Exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException;
    }
}
