using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Salus.Modules.Channels.Connectors;
using Salus.Modules.Channels.Contracts;
using Salus.Modules.Channels.Domain;
using Salus.Platform.Jobs;
using Salus.Platform.Persistence;
using Salus.Platform.Results;

namespace Salus.Modules.Channels.Ingest;

/// <summary>The payload of a <c>channels.recheck</c> job; <paramref name="Before"/>: resume with the statuses older than this id.</summary>
public sealed record RecheckChannel(Guid ChannelId, string? Before = null);

/// <summary>
/// <c>channels.recheck</c>: catches up edits and deletions that happened while nothing was listening. The statuses
/// stored for the channel within <see cref="ChannelsOptions.StatusRecheckWindowHours"/> (newest first, at most
/// <see cref="ChannelsOptions.StatusRecheckMaxStatuses"/>, not already deleted) are looked up again in batches; a
/// status edited later than the latest version stored becomes an edit, a status the platform no longer shows a
/// deletion, both stored exactly as the live stream stores them (same event ids, so an edit seen both ways is one
/// row), hence processed by the same job, inbox and screening. Unchanged statuses store nothing, so running it twice
/// changes nothing. Each batch is committed before the next request; a rate limit (429, or the remaining budget
/// falling to <see cref="ChannelsOptions.StatusRecheckRateLimitReserve"/>) keeps what was applied and resumes from the
/// next status after the platform's reset.
/// </summary>
internal sealed partial class StatusRecheckHandler(
    SalusDbContext db, ChannelDirectory directory, ConnectorRegistry connectors, StreamedEventStore store, ChannelHealthRecorder health,
    JobQueue queue, IOptions<ChannelsOptions> options, TimeProvider time, ILogger<StatusRecheckHandler> logger) : IJobHandler
{
    public const string RecheckJob = "channels.recheck";

    public async Task HandleAsync(Job job, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize<RecheckChannel>(job.Payload) ?? throw new InvalidOperationException("Empty payload.");
        var settings = options.Value;
        var channel = await db.Set<Channel>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == payload.ChannelId, cancellationToken);
        if (channel is null || !channel.Enabled || settings.StatusRecheckMaxStatuses == 0
            || connectors.For(channel.Kind) is not { } connector || connector is not IStatusRecheckConnector recheck)
        {
            return;
        }

        var context = directory.ToContext(channel);
        var known = await KnownStatusesAsync(context, connector, settings, cancellationToken);
        var candidates = known.Values
            .Where(k => !k.Deleted && recheck.IsStatusId(k.Id) && (payload.Before is null || recheck.CompareStatusIds(k.Id, payload.Before) < 0))
            .Select(k => k.Id).OrderDescending(Comparer<string>.Create(recheck.CompareStatusIds)).Take(settings.StatusRecheckMaxStatuses).ToList();
        var batches = candidates.Chunk(Math.Max(1, recheck.MaxIdsPerLookup)).ToList();
        var resume = payload.Before;
        var multi = true;
        var (edits, deletions) = (0, 0);
        for (var b = 0; b < batches.Count; b++)
        {
            var batch = batches[b];
            var looked = await recheck.LookUpStatusesAsync(context, batch, multi, cancellationToken);
            if (!looked.IsSuccess)
            {
                await PauseAsync(channel.Id, resume, looked.Error!, cancellationToken);
                return;
            }

            var lookup = looked.Value;
            multi = !lookup.MultiUnsupported;
            foreach (var status in lookup.Found)
            {
                if (known.TryGetValue(status.Id, out var stored) && status.EditedAt is { } editedAt && editedAt > stored.Latest
                    && await store.StoreAsync(channel.Id, recheck.EditOf(status), cancellationToken) == StoreOutcome.Stored)
                {
                    edits++;
                }
            }

            foreach (var gone in lookup.Gone)
            {
                if (await store.StoreAsync(channel.Id, recheck.DeletionOf(gone), cancellationToken) == StoreOutcome.Stored)
                {
                    deletions++;
                }
            }

            if (lookup.Partial is { } partial)
            {
                // Looked up one by one and stopped part way: what was found is applied, the batch is redone later.
                await PauseAsync(channel.Id, resume, partial, cancellationToken);
                return;
            }

            resume = batch[^1];
            if (b < batches.Count - 1 && lookup.RateLimitRemaining is { } remaining && remaining <= settings.StatusRecheckRateLimitReserve)
            {
                // Not an error: leave the rest of the window's budget to polls and replies, continue after the reset.
                var at = lookup.RateLimitReset is { } reset && reset > time.GetUtcNow() ? reset : time.GetUtcNow().AddMinutes(5);
                queue.Add(RecheckJob, JsonSerializer.Serialize(new RecheckChannel(channel.Id, resume)), runAfterUtc: at.UtcDateTime);
                await db.SaveChangesAsync(cancellationToken);
                LogBudgetLow(logger, channel.Id, remaining);
                break;
            }
        }

        LogRechecked(logger, channel.Id, candidates.Count, edits, deletions);
    }

    /// <summary>
    /// What is stored for the channel within the window, per platform item: the time of its latest stored version and
    /// whether a deletion is stored. Reads the newest raw events only (bounded by the window and a row cap).
    /// </summary>
    private async Task<Dictionary<string, KnownStatus>> KnownStatusesAsync(
        ChannelContext context, IChannelConnector connector, ChannelsOptions settings, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow().UtcDateTime.AddHours(-settings.StatusRecheckWindowHours);
        var rows = await db.Set<RawEvent>().AsNoTracking()
            .Where(e => e.ChannelId == context.Id && e.ReceivedUtc >= since)
            .OrderByDescending(e => e.ReceivedUtc).ThenByDescending(e => e.Id)
            .Take((settings.StatusRecheckMaxStatuses * 4) + 100)
            .ToListAsync(cancellationToken);
        var known = new Dictionary<string, KnownStatus>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            IReadOnlyList<InboundItem> items;
            try
            {
                items = connector.Normalize(context, row);
            }
            catch (JsonException)
            {
                continue; // a payload that cannot be read is the processing job's concern, not the catch-up's
            }

            foreach (var item in items.Where(i => i.PlatformItemId.Length > 0))
            {
                var entry = known.TryGetValue(item.PlatformItemId, out var existing) ? existing : new KnownStatus(item.PlatformItemId, DateTimeOffset.MinValue, false);
                known[item.PlatformItemId] = entry with
                {
                    Latest = item.Change == InboundChange.Deleted || item.OccurredAt <= entry.Latest ? entry.Latest : item.OccurredAt,
                    Deleted = entry.Deleted || item.Change == InboundChange.Deleted,
                };
            }
        }

        return known;
    }

    /// <summary>Records the failure as the channel's health; a rate limit schedules the rest after the platform's reset.</summary>
    private async Task PauseAsync(Guid channelId, string? resumeBefore, Error error, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var state = await health.StateOfAsync(channelId, cancellationToken);
        health.Failed(state, error);
        if (PlatformHttp.RetryAtOf(error) is { } retryAt)
        {
            queue.Add(RecheckJob, JsonSerializer.Serialize(new RecheckChannel(channelId, resumeBefore)), runAfterUtc: retryAt.UtcDateTime);
        }

        await db.SaveChangesAsync(cancellationToken);
        LogPaused(logger, channelId, error.Code);
    }

    private sealed record KnownStatus(string Id, DateTimeOffset Latest, bool Deleted);

    [LoggerMessage(Level = LogLevel.Information, Message = "Catch-up of channel {ChannelId}: {Checked} statuses looked up, {Edits} edits and {Deletions} deletions stored")]
    private static partial void LogRechecked(ILogger logger, Guid channelId, int @checked, int edits, int deletions);

    [LoggerMessage(Level = LogLevel.Information, Message = "Catch-up of channel {ChannelId} paused: {Remaining} requests left in the rate-limit window")]
    private static partial void LogBudgetLow(ILogger logger, Guid channelId, int remaining);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catch-up of channel {ChannelId} stopped: {Code}")]
    private static partial void LogPaused(ILogger logger, Guid channelId, string code);
}
