using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Salus.Modules.Channels.Domain;
using Salus.Platform.Jobs;
using Salus.Platform.Persistence;

namespace Salus.Modules.Channels.Ingest;

/// <summary>Enqueues poll jobs: for channels whose next poll is due, and at once when a webhook says something changed.</summary>
public sealed class PollScheduling(SalusDbContext db, JobQueue queue, ConnectorRegistry connectors, TimeProvider time)
{
    public const string PollJob = "channels.poll";

    /// <summary>Enqueues a poll for every enabled polling channel that is due; returns how many.</summary>
    public async Task<int> EnqueueDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var channels = await db.Set<Channel>().Where(c => c.Enabled).ToListAsync(cancellationToken);
        var states = await db.Set<ChannelState>().ToDictionaryAsync(s => s.ChannelId, cancellationToken);
        var count = 0;
        foreach (var channel in channels.Where(c => connectors.For(c.Kind).SupportsPolling))
        {
            if (!states.TryGetValue(channel.Id, out var state))
            {
                state = new ChannelState { ChannelId = channel.Id };
                db.Set<ChannelState>().Add(state);
            }

            if (state.NextPollUtc is { } next && next > now)
            {
                continue;
            }

            state.NextPollUtc = now.AddSeconds(channel.PollIntervalSeconds);
            state.Version++;
            queue.Add(PollJob, JsonSerializer.Serialize(new PollChannel(channel.Id)), dedupKey: $"{PollJob}:{channel.Id:N}:{now.Ticks}");
            count++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return count;
    }

    public async Task EnqueueNowAsync(Guid channelId, CancellationToken cancellationToken)
    {
        // One pending poll per channel and second is plenty, however many notifications arrive.
        var now = time.GetUtcNow().UtcDateTime;
        await queue.EnqueueAsync(PollJob, JsonSerializer.Serialize(new PollChannel(channelId)),
            dedupKey: $"{PollJob}:{channelId:N}:{now.Ticks / TimeSpan.TicksPerSecond}", cancellationToken: cancellationToken);
    }
}

/// <summary>Runs <see cref="PollScheduling.EnqueueDueAsync"/> every few seconds on each node (duplicate polls are harmless).</summary>
internal sealed partial class PollSchedulerService(IServiceScopeFactory scopes, IOptions<ChannelsOptions> options, TimeProvider time, ILogger<PollSchedulerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.SchedulerIntervalSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<PollScheduling>().EnqueueDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or TimeoutException or System.Data.Common.DbException)
            {
                LogSchedulingFailed(logger, ex);
            }

            await Task.Delay(interval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduling channel polls failed")]
    private static partial void LogSchedulingFailed(ILogger logger, Exception ex);
}
