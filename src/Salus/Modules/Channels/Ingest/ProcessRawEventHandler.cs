using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Salus.Modules.Channels.Contracts;
using Salus.Modules.Channels.Domain;
using Salus.Platform.Jobs;
using Salus.Platform.Persistence;

namespace Salus.Modules.Channels.Ingest;

/// <summary>
/// <c>channels.process</c>: normalises one stored payload and hands each item to every <see cref="IInboundItemSink"/>.
/// Safe to run again after a crash (the sinks are idempotent on the item's event id); marks the event processed last.
/// </summary>
internal sealed class ProcessRawEventHandler(
    SalusDbContext db, ChannelDirectory directory, ConnectorRegistry connectors, IEnumerable<IInboundItemSink> sinks, PollScheduling polls, TimeProvider time) : IJobHandler
{
    public async Task HandleAsync(Job job, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize<ProcessRawEvent>(job.Payload) ?? throw new InvalidOperationException("Empty payload.");
        var raw = await db.Set<RawEvent>().SingleOrDefaultAsync(e => e.ChannelId == payload.ChannelId && e.EventId == payload.EventId, cancellationToken);
        var channel = raw is null ? null : await db.Set<Channel>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == raw.ChannelId, cancellationToken);
        if (raw is null || channel is null)
        {
            return; // the channel was removed with its events
        }

        var context = directory.ToContext(channel);
        var connector = connectors.For(channel.Kind);
        var items = connector.Normalize(context, raw);
        foreach (var item in items)
        {
            foreach (var sink in sinks)
            {
                await sink.AcceptAsync(item, cancellationToken);
            }
        }

        if (raw.Source == RawEventSource.Webhook && connector.WebhookTriggersPoll && channel.Enabled)
        {
            await polls.EnqueueNowAsync(channel.Id, cancellationToken);
        }

        raw.ProcessedUtc = time.GetUtcNow().UtcDateTime;
        raw.ItemCount = items.Count;
        await db.SaveChangesAsync(cancellationToken);
    }
}
