using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Salus.Modules.Channels.Connectors;
using Salus.Modules.Channels.Domain;
using Salus.Platform.Jobs;
using Salus.Platform.Persistence;

namespace Salus.Modules.Channels.Ingest;

public enum StoreOutcome
{
    Stored,
    Duplicate,
}

/// <summary>The payload of a <c>channels.process</c> job: which stored event to normalise and hand to the sinks.</summary>
public sealed record ProcessRawEvent(Guid ChannelId, string EventId);

/// <summary>
/// Commits raw payloads together with the job that will process them (one transaction: outbox). The unique index on
/// (channel, event id) is what makes a redelivery a no-op, also between concurrent requests and between nodes.
/// </summary>
public sealed class RawEventStore(SalusDbContext db, JobQueue queue, TimeProvider time)
{
    public const string ProcessJob = "channels.process";
    public const int MaxEventIdLength = 300;

    public Task<StoreOutcome> StoreWebhookAsync(Guid channelId, string eventId, string body, string contentType, CancellationToken cancellationToken) =>
        StoreOneAsync(channelId, eventId, RawEventSource.Webhook, body, contentType, cancellationToken);

    /// <summary>Commits one event with its processing job; an event id already stored for the channel is a duplicate.</summary>
    public async Task<StoreOutcome> StoreOneAsync(Guid channelId, string eventId, RawEventSource source, string body, string contentType, CancellationToken cancellationToken)
    {
        Add(NewEvent(channelId, eventId, source, body, contentType));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return StoreOutcome.Stored;
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            return StoreOutcome.Duplicate;
        }
    }

    /// <summary>
    /// Group commit: stores a batch of webhook deliveries and their jobs in ONE transaction and returns one outcome per
    /// delivery, in order. Deliveries already stored, and repeats of an earlier delivery in the same batch, are
    /// duplicates (no row, no job), exactly as <see cref="StoreWebhookAsync"/> decides one by one. Throws when the
    /// transaction fails (e.g. another node stored one of the ids meanwhile): then nothing of the batch is stored
    /// and the caller retries each delivery alone.
    /// </summary>
    public async Task<IReadOnlyList<StoreOutcome>> StoreWebhooksAsync(IReadOnlyList<WebhookDelivery> deliveries, CancellationToken cancellationToken)
    {
        var keys = deliveries.Select(d => (d.ChannelId, EventId: Clip(d.EventId))).ToArray();
        var known = new HashSet<(Guid, string)>();
        foreach (var channel in keys.Distinct().GroupBy(k => k.ChannelId))
        {
            foreach (var chunk in channel.Select(k => k.EventId).Chunk(200))
            {
                var stored = await db.Set<RawEvent>().Where(e => e.ChannelId == channel.Key && chunk.Contains(e.EventId)).Select(e => e.EventId).ToListAsync(cancellationToken);
                known.UnionWith(stored.Select(id => (channel.Key, id)));
            }
        }

        var outcomes = new StoreOutcome[deliveries.Count];
        for (var i = 0; i < deliveries.Count; i++)
        {
            if (!known.Add(keys[i]))
            {
                outcomes[i] = StoreOutcome.Duplicate;
                continue;
            }

            var d = deliveries[i];
            Add(NewEvent(d.ChannelId, d.EventId, RawEventSource.Webhook, d.Body, d.ContentType));
            outcomes[i] = StoreOutcome.Stored;
        }

        if (outcomes.Contains(StoreOutcome.Stored))
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        return outcomes;
    }

    /// <summary>Adds the polled items not stored yet (and their jobs) to the context; the caller saves them with the new cursor.</summary>
    public async Task<int> AddPolledAsync(Guid channelId, IReadOnlyList<PolledItem> items, CancellationToken cancellationToken)
    {
        var ids = items.Select(i => Clip(i.EventId)).Distinct().ToList();
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(200))
        {
            known.UnionWith(await db.Set<RawEvent>().Where(e => e.ChannelId == channelId && chunk.Contains(e.EventId)).Select(e => e.EventId).ToListAsync(cancellationToken));
        }

        var added = 0;
        foreach (var item in items.DistinctBy(i => Clip(i.EventId)).Where(i => !known.Contains(Clip(i.EventId))))
        {
            Add(NewEvent(channelId, item.EventId, RawEventSource.Poll, item.Body, item.ContentType));
            added++;
        }

        return added;
    }

    /// <summary>Event ids longer than the column (long feed ids, URNs) keep a readable prefix and a hash of the whole.</summary>
    public static string Clip(string eventId) =>
        eventId.Length <= MaxEventIdLength
            ? eventId
            : eventId[..200] + "#" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(eventId)));

    public static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19, // SQLITE_CONSTRAINT
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>The raw event and the job that processes it, in the same unit of work.</summary>
    private void Add(RawEvent raw)
    {
        db.Set<RawEvent>().Add(raw);
        queue.Add(ProcessJob, JsonSerializer.Serialize(new ProcessRawEvent(raw.ChannelId, raw.EventId)));
    }

    private RawEvent NewEvent(Guid channelId, string eventId, RawEventSource source, string body, string contentType) => new()
    {
        ChannelId = channelId, EventId = Clip(eventId), Source = source, Body = body, ContentType = contentType,
        ReceivedUtc = time.GetUtcNow().UtcDateTime,
    };
}
