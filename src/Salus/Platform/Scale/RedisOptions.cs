namespace Salus.Platform.Scale;

/// <summary>
/// Redis, for running several <c>salus serve</c> nodes on one PostgreSQL database: rate limits are counted across the
/// nodes and SignalR messages reach clients on every node. Empty (the default) keeps both in the process.
/// </summary>
public sealed class RedisOptions
{
    public const string Section = "Salus:Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>redis.internal:6379,password=...,ssl=true</c>.</summary>
    public string? Configuration { get; set; }

    /// <summary>Prefix for every key and channel, so several Salus instances can share one Redis.</summary>
    public string Prefix { get; set; } = "salus";

    public bool Enabled => !string.IsNullOrWhiteSpace(Configuration);
}
