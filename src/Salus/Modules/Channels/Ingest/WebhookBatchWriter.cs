using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Salus.Modules.Channels.Ingest;

/// <summary>
/// Group commit, writer side: the single consumer of <see cref="WebhookIngestQueue"/>. It takes whatever is waiting
/// (up to <see cref="ChannelsOptions.IngestMaxBatch"/>) and commits it in one transaction, then completes each request.
/// No timer: one waiting delivery is committed at once; batches grow by themselves while a commit is in flight.
/// If the batch fails (a unique-index race with another node, a row the database refuses), every delivery of it is
/// retried alone, so one bad delivery fails only itself. At shutdown the queue closes (new requests get 503), what is
/// queued is still committed, and if the host's shutdown timeout runs out the rest fail (503: the platform retries).
/// </summary>
internal sealed partial class WebhookBatchWriter(
    WebhookIngestQueue queue, IServiceScopeFactory scopes, IOptions<ChannelsOptions> options, ILogger<WebhookBatchWriter> logger) : BackgroundService
{
    private readonly CancellationTokenSource _abort = new();
    private long _batches;
    private long _fallbackBatches;

    /// <summary>Batches committed as one transaction.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Batches that failed as a whole and were committed one delivery at a time.</summary>
    public long FallbackBatches => Interlocked.Read(ref _fallbackBatches);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => DrainAsync();

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Close();
        // If the host's shutdown timeout runs out first, _abort cancels the commit in flight and the loop fails what is
        // left at once (503, the platform retries) instead of leaving those requests hanging.
        await using var registration = cancellationToken.Register(_abort.Cancel);
        await base.StopAsync(cancellationToken);
        if (ExecuteTask is null or { IsCompleted: true })
        {
            // The loop never ran (stopped right after starting) or has ended: nothing else reads the queue now.
            await DrainAsync();
        }
    }

    /// <summary>Reads until the queue is closed and empty (StopAsync), not until a stopping token: queued deliveries are committed.</summary>
    private async Task DrainAsync()
    {
        var max = options.Value.IngestMaxBatch;
        var batch = new List<WebhookIngestQueue.Pending>(max);
        while (await queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            while (batch.Count < max && queue.Reader.TryRead(out var pending))
            {
                queue.Taken(pending);
                batch.Add(pending);
            }

            await CommitAsync(batch, _abort.Token);
        }
    }

    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
    }

    private async Task CommitAsync(List<WebhookIngestQueue.Pending> batch, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<RawEventStore>();
            // Alone (a quiet moment), the insert itself detects a redelivery: no look-up round trip first.
            IReadOnlyList<StoreOutcome> outcomes = batch.Count == 1
                ? [await StoreAloneAsync(store, batch[0].Delivery, cancellationToken)]
                : await store.StoreWebhooksAsync([.. batch.Select(p => p.Delivery)], cancellationToken);
            Interlocked.Increment(ref _batches);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetResult(outcomes[i]);
            }

            return;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            FailAll(batch, cancellationToken);
            return;
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            Interlocked.Increment(ref _fallbackBatches);
            LogBatchFailed(logger, batch.Count, ex.GetType().Name);
        }
        catch (Exception ex)
        {
            LogDeliveryFailed(logger, batch[0].Delivery.ChannelId, ex.GetType().Name);
            batch[0].Done.TrySetException(ex);
            return;
        }

        // One transaction per delivery, each in a fresh context: the failing one fails alone.
        foreach (var pending in batch)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                pending.Done.TrySetResult(await StoreAloneAsync(scope.ServiceProvider.GetRequiredService<RawEventStore>(), pending.Delivery, cancellationToken));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                pending.Done.TrySetCanceled(cancellationToken);
            }
            catch (Exception ex)
            {
                LogDeliveryFailed(logger, pending.Delivery.ChannelId, ex.GetType().Name);
                pending.Done.TrySetException(ex);
            }
        }
    }

    private static Task<StoreOutcome> StoreAloneAsync(RawEventStore store, WebhookDelivery d, CancellationToken cancellationToken) =>
        store.StoreWebhookAsync(d.ChannelId, d.EventId, d.Body, d.ContentType, cancellationToken);

    private static void FailAll(List<WebhookIngestQueue.Pending> batch, CancellationToken cancellationToken)
    {
        foreach (var pending in batch)
        {
            pending.Done.TrySetCanceled(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} webhooks failed to commit ({ExceptionType}); committing them one by one")]
    private static partial void LogBatchFailed(ILogger logger, int count, string exceptionType);

    [LoggerMessage(Level = LogLevel.Error, Message = "A webhook for channel {ChannelId} could not be stored ({ExceptionType}); answered 503 so the platform retries")]
    private static partial void LogDeliveryFailed(ILogger logger, Guid channelId, string exceptionType);
}
