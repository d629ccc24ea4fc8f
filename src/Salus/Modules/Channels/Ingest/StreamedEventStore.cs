using Microsoft.EntityFrameworkCore;
using Salus.Modules.Channels.Connectors;
using Salus.Modules.Channels.Domain;
using Salus.Platform.Persistence;

namespace Salus.Modules.Channels.Ingest;

/// <summary>
/// Commits a streamed event like a webhook: the raw body and its <c>channels.process</c> job in one transaction, unique
/// on (channel, event id). A streamed notification shares its event id with the polled copy, so whichever way it
/// arrives second is a duplicate and is not stored again.
/// </summary>
public sealed class StreamedEventStore(SalusDbContext db, RawEventStore raw)
{
    /// <summary>Stored or duplicate; null when the event is about nothing this channel ever received (skipped).</summary>
    public async Task<StoreOutcome?> StoreAsync(Guid channelId, StreamedItem item, CancellationToken cancellationToken)
    {
        var eventId = RawEventStore.Clip(item.EventId);
        if (await db.Set<RawEvent>().AnyAsync(e => e.ChannelId == channelId && e.EventId == eventId, cancellationToken))
        {
            return StoreOutcome.Duplicate;
        }

        if (item.RequiresKnownItem is { } marker
            && !await db.Set<RawEvent>().AnyAsync(e => e.ChannelId == channelId && e.Body.Contains(marker), cancellationToken))
        {
            return null;
        }

        return await raw.StoreOneAsync(channelId, item.EventId, RawEventSource.Stream, item.Body, "application/json", cancellationToken);
    }
}
