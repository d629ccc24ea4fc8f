using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RedisRateLimiting;
using Salus.Platform.Identity;
using Salus.Platform.Scale;

namespace Salus.Platform.Web;

/// <summary>
/// Per-client fixed windows; over the limit answers 429 with Retry-After and a problem body. With Redis configured the
/// windows are counted in Redis, so a client cannot multiply its allowance by spreading requests over the nodes.
/// </summary>
public static class RateLimiting
{
    public const string SignInPolicy = "sign-in";

    public static IServiceCollection AddSalusRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var security = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx => Window(ctx, "all", security.RequestsPerMinute));
            o.AddPolicy(SignInPolicy, ctx => Window(ctx, SignInPolicy, security.SignInAttemptsPerMinute));
            o.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60);
                var response = context.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await response.WriteAsJsonAsync(new ProblemDetails
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many requests.",
                    Detail = "Slow down and retry after the number of seconds in the Retry-After header.",
                    Type = "https://www.rfc-editor.org/rfc/rfc6585#section-4",
                }, options: null, contentType: "application/problem+json", cancellationToken);
            };
        });
        return services;
    }

    private static RateLimitPartition<string> Window(HttpContext context, string policy, int permits)
    {
        var key = $"{policy}:{ClientKey(context)}";
        if (context.RequestServices.GetService<SharedRedis>() is { } redis)
        {
            return RedisRateLimitPartition.GetFixedWindowRateLimiter($"{redis.Prefix}:rl:{key}", _ => new RedisFixedWindowRateLimiterOptions
            {
                ConnectionMultiplexerFactory = () => redis.Connection, PermitLimit = permits, Window = TimeSpan.FromMinutes(1),
            });
        }

        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        });
    }

    private static string ClientKey(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true
            ? "user:" + context.User.Identity.Name
            : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
}
