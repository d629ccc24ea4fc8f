using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Salus.Modules.Channels.Domain;
using Salus.Platform.Jobs;
using Salus.Platform.Persistence;

namespace Salus.Modules.Channels.Ingest;

public sealed record PollChannel(Guid ChannelId);

/// <summary>
/// <c>channels.poll</c>: reads what is new since the stored cursor and commits the new raw events, their processing
/// jobs and the moved cursor in one transaction, so a crash either keeps all of it or none (then the poll repeats).
/// A failure marks the channel's health; a rate limit moves the next poll to the platform's reset time.
/// </summary>
internal sealed class PollChannelHandler(
    SalusDbContext db, ChannelDirectory directory, ConnectorRegistry connectors, RawEventStore store, ChannelHealthRecorder health,
    JobQueue queue, Microsoft.Extensions.Options.IOptions<ChannelsOptions> options, TimeProvider time) : IJobHandler
{
    public async Task HandleAsync(Job job, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize<PollChannel>(job.Payload) ?? throw new InvalidOperationException("Empty payload.");
        var channel = await db.Set<Channel>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == payload.ChannelId, cancellationToken);
        if (channel is null || !channel.Enabled)
        {
            return;
        }

        var connector = connectors.For(channel.Kind);
        if (!connector.SupportsPolling)
        {
            return;
        }

        var state = await health.StateOfAsync(channel.Id, cancellationToken);
        var result = await connector.PollAsync(directory.ToContext(channel), state.PollCursor, cancellationToken);
        if (!result.IsSuccess)
        {
            health.Failed(state, result.Error!);
            if (Connectors.PlatformHttp.RetryAtOf(result.Error!) is { } retryAt)
            {
                state.NextPollUtc = retryAt.UtcDateTime;
            }

            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        await store.AddPolledAsync(channel.Id, result.Value.Items, cancellationToken);
        state.PollCursor = result.Value.Cursor;
        if (result.Value.Partial is { } partial)
        {
            // What was read is kept with its cursor; the part that failed is retried from its own cursor next time.
            health.Failed(state, partial);
            if (Connectors.PlatformHttp.RetryAtOf(partial) is { } partialRetryAt)
            {
                state.NextPollUtc = partialRetryAt.UtcDateTime;
            }
        }
        else
        {
            health.Succeeded(state);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (connector is Connectors.IStatusRecheckConnector && state.StreamConnectedUtc is null)
        {
            // A connected stream brings edits and deletions live (and each reconnect looks them up): no periodic look-up then.
            await EnqueueRecheckAsync(channel.Id, cancellationToken);
        }
    }

    /// <summary>
    /// The safety net for polled channels and streams that are down: at most one catch-up of edits and deletions per channel and
    /// <see cref="ChannelsOptions.StatusRecheckIntervalMinutes"/> (one job per interval slot, by its dedup key).
    /// </summary>
    private async Task EnqueueRecheckAsync(Guid channelId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.StatusRecheckIntervalMinutes == 0 || settings.StatusRecheckMaxStatuses == 0)
        {
            return;
        }

        var slot = time.GetUtcNow().UtcTicks / TimeSpan.FromMinutes(settings.StatusRecheckIntervalMinutes).Ticks;
        var key = $"{StatusRecheckHandler.RecheckJob}:{channelId:N}:{slot}";
        if (await db.Jobs.AnyAsync(j => j.DedupKey == key, cancellationToken))
        {
            return;
        }

        queue.Add(StatusRecheckHandler.RecheckJob, JsonSerializer.Serialize(new RecheckChannel(channelId)), dedupKey: key);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // another node enqueued the same slot a moment ago
        }
    }
}
