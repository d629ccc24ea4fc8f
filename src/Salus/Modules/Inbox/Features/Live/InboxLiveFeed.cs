using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Salus.Platform.Scale;
using StackExchange.Redis;

namespace Salus.Modules.Inbox.Features.Live;

/// <summary>One change the open inbox pages should show: a new item, an assignment, an SLA state, a page.</summary>
public sealed record InboxUpdate(string Kind, Guid? ConversationId, string Summary, string? RecipientId = null);

/// <summary>
/// Fans inbox changes out to the Server-Sent Events streams. With <see cref="InboxOptions.Redis"/> set, every update
/// goes through Redis pub/sub so the browsers on every node see it (each node, this one included, delivers what it
/// receives); otherwise within this node. Each subscriber has a small bounded buffer: a slow browser loses old updates
/// (it reloads the list anyway) rather than holding memory.
/// </summary>
public sealed partial class InboxLiveFeed : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ConcurrentDictionary<Guid, Channel<InboxUpdate>> _subscribers = new();
    private readonly ILogger<InboxLiveFeed> _logger;
    private readonly IConnectionMultiplexer? _redis;
    private readonly bool _ownsRedis;
    private readonly RedisChannel _channel;

    /// <param name="shared">The instance's Redis (<c>Salus:Redis</c>), used unless the inbox is given its own.</param>
    public InboxLiveFeed(IOptions<InboxOptions> options, ILogger<InboxLiveFeed> logger, SharedRedis? shared = null)
    {
        _logger = logger;
        _channel = RedisChannel.Literal(options.Value.RedisChannel);
        if (!string.IsNullOrWhiteSpace(options.Value.Redis))
        {
            var configuration = ConfigurationOptions.Parse(options.Value.Redis);
            configuration.AbortOnConnectFail = false;
            _redis = ConnectionMultiplexer.Connect(configuration);
            _ownsRedis = true;
        }
        else
        {
            _redis = shared?.Connection;
        }

        if (_redis is not null)
        {
            _ = ListenAsync(_redis); // Redis being down at start must not stop Salus: the multiplexer reconnects and resubscribes.
        }
    }

    private async Task ListenAsync(IConnectionMultiplexer redis)
    {
        try
        {
            await redis.GetSubscriber().SubscribeAsync(_channel, (_, message) =>
            {
                if (message.HasValue && JsonSerializer.Deserialize<InboxUpdate>(message.ToString(), Json) is { } update)
                {
                    DeliverHere(update);
                }
            });
        }
        catch (RedisException ex)
        {
            LogRedisFailed(_logger, ex.GetType().Name);
        }
    }

    public int SubscriberCount => _subscribers.Count;

    public void Publish(InboxUpdate update)
    {
        if (_redis is null || !_redis.IsConnected)
        {
            DeliverHere(update);
            return;
        }

        try
        {
            _redis.GetSubscriber().Publish(_channel, JsonSerializer.Serialize(update, Json), CommandFlags.FireAndForget);
        }
        catch (RedisException ex)
        {
            // Live updates are a convenience: the change is stored; this node's browsers still hear of it.
            LogRedisFailed(_logger, ex.GetType().Name);
            DeliverHere(update);
        }
    }

    public Subscription Subscribe()
    {
        var id = Guid.NewGuid();
        var channel = Channel.CreateBounded<InboxUpdate>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest });
        _subscribers[id] = channel;
        return new Subscription(channel.Reader, () => _subscribers.TryRemove(id, out _));
    }

    public void Dispose()
    {
        if (_ownsRedis)
        {
            _redis?.Dispose();
        }
    }

    private void DeliverHere(InboxUpdate update)
    {
        foreach (var channel in _subscribers.Values)
        {
            channel.Writer.TryWrite(update);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing an inbox live update to Redis failed ({ExceptionType}); delivered on this node only")]
    private static partial void LogRedisFailed(ILogger logger, string exceptionType);

    public sealed class Subscription(ChannelReader<InboxUpdate> reader, Action unsubscribe) : IDisposable
    {
        public ChannelReader<InboxUpdate> Reader { get; } = reader;

        public void Dispose() => unsubscribe();
    }
}
