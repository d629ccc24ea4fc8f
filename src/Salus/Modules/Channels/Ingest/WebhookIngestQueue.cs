using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Salus.Modules.Channels.Ingest;

/// <summary>A verified webhook body waiting for its batch to commit.</summary>
public sealed record WebhookDelivery(Guid ChannelId, string EventId, string Body, string ContentType);

/// <summary>Why a delivery was not queued: the platform gets 503 with Retry-After and delivers it again later.</summary>
public enum EnqueueRefusal
{
    None,
    Full,
    ShuttingDown,
}

/// <summary>
/// Group commit, request side: webhook requests hand their verified body to <see cref="WebhookBatchWriter"/> through
/// this bounded queue and await the outcome of the batch that commits it. Bounded by count and by bytes, so a burst
/// larger than the database can absorb is pushed back to the platforms (503 + Retry-After) instead of filling memory.
/// </summary>
public sealed class WebhookIngestQueue
{
    private readonly Channel<Pending> _channel;
    private readonly long _maxBytes;
    private long _queuedBytes;
    private volatile bool _closed;

    public WebhookIngestQueue(IOptions<ChannelsOptions> options)
    {
        var settings = options.Value;
        _maxBytes = settings.IngestQueueMaxBytes;
        // Many requests write, one writer reads; TryWrite never waits, a full queue is answered at once.
        _channel = Channel.CreateBounded<Pending>(new BoundedChannelOptions(settings.IngestQueueCapacity)
        {
            SingleReader = true, SingleWriter = false, FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Deliveries waiting for the writer (not counting the batch being committed).</summary>
    public int Count => _channel.Reader.Count;

    internal ChannelReader<Pending> Reader => _channel.Reader;

    /// <summary>
    /// Queues a delivery; the task completes when its batch has committed (or fails when the commit failed, in which
    /// case nothing of it was acknowledged). Returns a refusal instead when the queue is full or closing.
    /// </summary>
    public EnqueueRefusal TryEnqueue(WebhookDelivery delivery, out Task<StoreOutcome> committed)
    {
        var pending = new Pending(delivery, delivery.Body.Length * sizeof(char));
        committed = pending.Done.Task;
        var bytes = Interlocked.Add(ref _queuedBytes, pending.Bytes);
        // One delivery always fits in an empty queue, whatever its size (it already passed MaxWebhookBytes).
        if (bytes > _maxBytes && bytes != pending.Bytes)
        {
            Interlocked.Add(ref _queuedBytes, -pending.Bytes);
            return EnqueueRefusal.Full;
        }

        if (_channel.Writer.TryWrite(pending))
        {
            return EnqueueRefusal.None;
        }

        Interlocked.Add(ref _queuedBytes, -pending.Bytes);
        return _channel.Reader.Completion.IsCompleted || _closed ? EnqueueRefusal.ShuttingDown : EnqueueRefusal.Full;
    }

    /// <summary>No more deliveries are accepted; the writer commits what is queued and stops.</summary>
    internal void Close()
    {
        _closed = true;
        _channel.Writer.TryComplete();
    }

    /// <summary>Called by the writer when it takes a delivery out of the queue.</summary>
    internal void Taken(Pending pending) => Interlocked.Add(ref _queuedBytes, -pending.Bytes);

    internal sealed class Pending(WebhookDelivery delivery, long bytes)
    {
        public WebhookDelivery Delivery { get; } = delivery;

        public long Bytes { get; } = bytes;

        // Continuations run on the thread pool, not inline on the writer, so a slow response never delays the next batch.
        public TaskCompletionSource<StoreOutcome> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
