using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Salus.Platform.Results;

namespace Salus.Modules.Channels.Connectors;

/// <summary>A platform's answer: status, headers and the parsed JSON body (default when the body is not JSON).</summary>
public sealed record PlatformResponse(HttpStatusCode Status, HttpResponseHeaders Headers, string Body, JsonElement Json);

/// <summary>
/// The typed HttpClient of the connectors (resilience in <see cref="ChannelHttpResilience"/>). Turns platform failures
/// into <see cref="Error"/> values: 401/403 auth, 404, 429 with the time the limit resets, anything else with the
/// platform's own message. Never logs bodies or tokens.
/// </summary>
public sealed class PlatformHttp(HttpClient client, TimeProvider time)
{
    public const string RateLimitedCode = "channel.rate-limited";

    public static HttpRequestMessage Request(HttpMethod method, string url, string? bearer, object? json = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (!string.IsNullOrEmpty(bearer))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (json is not null)
        {
            request.Content = JsonContent.Create(json, json.GetType());
        }

        return request;
    }

    public async Task<Result<PlatformResponse>> SendAsync(HttpRequestMessage request, string platform, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            return Errors.Conflict("channel.unreachable", $"{platform} could not be reached: {ex.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Errors.Conflict("channel.unreachable", $"{platform} did not answer in time.");
        }
        catch (Polly.Timeout.TimeoutRejectedException)
        {
            return Errors.Conflict("channel.unreachable", $"{platform} did not answer in time.");
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var json = TryParse(body);
            if (response.IsSuccessStatusCode)
            {
                return new PlatformResponse(response.StatusCode, response.Headers, body, json);
            }

            var message = PlatformMessage(json) ?? response.ReasonPhrase ?? "";
            var status = (int)response.StatusCode;
            return response.StatusCode switch
            {
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                    Errors.Unauthorized("channel.auth", $"{platform} refused the request ({status}): {message}"),
                HttpStatusCode.NotFound => Errors.NotFound("channel.not-found", $"{platform} does not know this item ({status}): {message}"),
                HttpStatusCode.TooManyRequests => RateLimited(platform, response, message),
                _ => Errors.Conflict("channel.platform-error", $"{platform} answered {status}: {message}"),
            };
        }
    }

    private Error RateLimited(string platform, HttpResponseMessage response, string message)
    {
        var retryAt = RateLimitHeaders.RetryAt(response, time.GetUtcNow()) ?? time.GetUtcNow().AddMinutes(1);
        return Errors.Conflict(RateLimitedCode, $"{platform} rate limit reached until {retryAt:u}: {message}")
            with { Fields = new Dictionary<string, string[]> { ["retryAt"] = [retryAt.ToString("O", CultureInfo.InvariantCulture)] } };
    }

    /// <summary>When a rate-limited call may be retried, from an error made by <see cref="SendAsync"/>.</summary>
    public static DateTimeOffset? RetryAtOf(Error error) =>
        error.Code == RateLimitedCode && error.Fields?.TryGetValue("retryAt", out var values) == true
            && DateTimeOffset.TryParse(values[0], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at
            : null;

    private static JsonElement TryParse(string body)
    {
        if (body.Length == 0 || (body[0] != '{' && body[0] != '['))
        {
            return default;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static string? PlatformMessage(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (json.TryGetProperty("error", out var error))
        {
            if (error.ValueKind == JsonValueKind.String)
            {
                return error.GetString();
            }

            if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var m))
            {
                return m.GetString();
            }
        }

        foreach (var name in (string[])["detail", "message", "title"])
        {
            if (json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }
        }

        return null;
    }
}

/// <summary>Reads the rate-limit headers the platforms send: <c>Retry-After</c>, X's <c>x-rate-limit-reset</c> (epoch seconds) and Mastodon's <c>X-RateLimit-Reset</c> (ISO 8601).</summary>
public static class RateLimitHeaders
{
    public static DateTimeOffset? RetryAt(HttpResponseMessage response, DateTimeOffset now)
    {
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
            {
                return now + delta;
            }

            if (retryAfter.Date is { } date)
            {
                return date;
            }
        }

        if (response.Headers.TryGetValues("x-rate-limit-reset", out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch))
        {
            var remaining = response.Headers.TryGetValues("x-rate-limit-remaining", out var r) ? r.FirstOrDefault() : null;
            if (response.StatusCode == HttpStatusCode.TooManyRequests || remaining == "0")
            {
                return DateTimeOffset.FromUnixTimeSeconds(epoch);
            }
        }

        // Mastodon: X-RateLimit-Reset is an ISO 8601 time (X's header above is spelt differently and holds epoch seconds).
        if (response.Headers.TryGetValues("X-RateLimit-Reset", out var iso)
            && DateTimeOffset.TryParse(iso.FirstOrDefault(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var resetAt))
        {
            var remaining = response.Headers.TryGetValues("X-RateLimit-Remaining", out var r) ? r.FirstOrDefault() : null;
            if (response.StatusCode == HttpStatusCode.TooManyRequests || remaining == "0")
            {
                return resetAt;
            }
        }

        return null;
    }
}
