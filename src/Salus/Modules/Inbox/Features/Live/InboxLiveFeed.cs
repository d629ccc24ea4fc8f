using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Salus.Modules.Inbox.Features.Live;

/// <summary>One change the open inbox pages should show: a new item, an assignment, an SLA state, a page.</summary>
public sealed record InboxUpdate(string Kind, Guid? ConversationId, string Summary, string? RecipientId = null);

/// <summary>
/// Fans inbox changes out to the Server-Sent Events streams of this node. Each subscriber has a small bounded buffer:
/// a slow browser loses old updates (it reloads the list anyway) rather than holding memory.
/// </summary>
public sealed class InboxLiveFeed
{
    private readonly ConcurrentDictionary<Guid, Channel<InboxUpdate>> _subscribers = new();

    public int SubscriberCount => _subscribers.Count;

    public void Publish(InboxUpdate update)
    {
        foreach (var channel in _subscribers.Values)
        {
            channel.Writer.TryWrite(update);
        }
    }

    public Subscription Subscribe()
    {
        var id = Guid.NewGuid();
        var channel = Channel.CreateBounded<InboxUpdate>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest });
        _subscribers[id] = channel;
        return new Subscription(channel.Reader, () => _subscribers.TryRemove(id, out _));
    }

    public sealed class Subscription(ChannelReader<InboxUpdate> reader, Action unsubscribe) : IDisposable
    {
        public ChannelReader<InboxUpdate> Reader { get; } = reader;

        public void Dispose() => unsubscribe();
    }
}
