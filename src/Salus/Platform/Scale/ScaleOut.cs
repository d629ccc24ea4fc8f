using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Salus.Platform.Scale;

public static class ScaleOut
{
    /// <summary>SignalR (with the Redis backplane when configured) and the shared Redis connection.</summary>
    public static IServiceCollection AddSalusScaleOut(this IServiceCollection services, IConfiguration configuration)
    {
        var redis = configuration.GetSection(RedisOptions.Section).Get<RedisOptions>() ?? new RedisOptions();
        services.AddOptions<RedisOptions>().Bind(configuration.GetSection(RedisOptions.Section))
            .Validate(o => !o.Enabled || IsParsable(o.Configuration!), $"{RedisOptions.Section}:Configuration is not a valid Redis configuration string.")
            .ValidateOnStart();
        var signalR = services.AddSignalR();
        if (!redis.Enabled || !IsParsable(redis.Configuration!))
        {
            return services;
        }

        // One multiplexer per process, connected lazily and reconnecting by itself (abortConnect=false).
        var options = ConfigurationOptions.Parse(redis.Configuration!);
        options.AbortOnConnectFail = false;
        var connection = new Lazy<IConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(options));
        services.AddSingleton(new SharedRedis(connection, redis.Prefix));
        signalR.AddStackExchangeRedis(o =>
        {
            o.Configuration = options.Clone();
            o.Configuration.ChannelPrefix = RedisChannel.Literal(redis.Prefix);
        });
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        return services;
    }

    private static bool IsParsable(string configuration)
    {
        try
        {
            ConfigurationOptions.Parse(configuration);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

/// <summary>The process's Redis connection, when one is configured.</summary>
public sealed class SharedRedis(Lazy<IConnectionMultiplexer> connection, string prefix)
{
    public IConnectionMultiplexer Connection => connection.Value;

    public string Prefix { get; } = prefix;
}

internal sealed class RedisHealthCheck(SharedRedis redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await redis.Connection.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:0} ms.");
        }
        catch (RedisException e)
        {
            return HealthCheckResult.Unhealthy("Redis is not reachable.", e);
        }
    }
}
