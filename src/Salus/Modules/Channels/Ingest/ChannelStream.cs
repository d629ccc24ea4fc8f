using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Salus.Modules.Channels.Connectors;
using Salus.Modules.Channels.Domain;
using Salus.Platform.Jobs;
using Salus.Platform.Persistence;
using Salus.Platform.Results;

namespace Salus.Modules.Channels.Ingest;

/// <summary>
/// The live stream of one channel. Connects; on every (re)connect records the channel healthy and enqueues one poll
/// from the stored cursor (what was sent while disconnected is caught up; the stream is already open, so nothing falls
/// in between) and one look-up of the recently stored statuses (edits and deletions made meanwhile, see
/// <see cref="StatusRecheckHandler"/>; paced by <see cref="RecheckPacer"/>); stores each relevant event durably
/// (<see cref="StreamedEventStore"/>) before reading the next; on a drop, a refusal or an error reconnects after an
/// exponential backoff with jitter. A refused connection is recorded as the channel's last error.
/// </summary>
public sealed partial class ChannelStream(
    ChannelContext channel, IStreamingConnector connector, HttpClient client, IServiceScopeFactory scopes, ChannelsOptions options,
    TimeProvider time, ILogger<ChannelStream> logger) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly RecheckPacer _recheckPacer = new(TimeSpan.FromSeconds(options.StatusRecheckMinGapSeconds));
    private Task _run = Task.CompletedTask;
    private volatile bool _connected;

    public bool Connected => _connected;

    public void Start() => _run = Task.Run(() => RunAsync(_stop.Token));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
        client.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        var failures = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var opened = await connector.OpenStreamAsync(channel, client, stop);
                if (!opened.IsSuccess)
                {
                    failures++;
                    LogRefused(logger, channel.Id, opened.Error!.Code);
                    await RecordAsync(state => state.StreamConnectedUtc = null, catchUp: false, stop, opened.Error);
                }
                else
                {
                    failures = 0;
                    using var response = opened.Value;
                    await RecordAsync(ConnectedState, catchUp: true, stop);
                    _connected = true;
                    LogConnected(logger, channel.Id);
                    await ReadAsync(response, stop);
                    LogDropped(logger, channel.Id, "the platform closed the stream");
                    failures = 1;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException or OperationCanceledException or DbUpdateException
                or System.Data.Common.DbException or InvalidOperationException or JsonException)
            {
                // Dropped, idle or an event could not be stored: reconnect; the catch-up poll covers anything not stored.
                var reason = ex.GetType().Name;
                LogDropped(logger, channel.Id, reason);
                failures = Math.Max(failures, 1);
            }

            if (_connected)
            {
                _connected = false;
                using var shortly = new CancellationTokenSource(TimeSpan.FromSeconds(5)); // also on shutdown, but never holding it up long
                await RecordAsync(state => state.StreamConnectedUtc = null, catchUp: false, shortly.Token)
                    .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            await Task.Delay(Backoff(failures), time, stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task ReadAsync(HttpResponseMessage response, CancellationToken stop)
    {
        var idleTimeout = TimeSpan.FromSeconds(options.StreamIdleTimeoutSeconds);
        using var idle = new CancellationTokenSource(idleTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop, idle.Token);
        // Not every response stream honours a cancelled read (the test server's does not): closing the response ends it.
        await using var abort = linked.Token.Register(response.Dispose);
        await using var body = await response.Content.ReadAsStreamAsync(stop);
        using var reader = new StreamReader(body, Encoding.UTF8);
        await foreach (var streamed in ServerSentEventReader.ReadAsync(reader, linked.Token))
        {
            idle.CancelAfter(idleTimeout);
            if (streamed.IsHeartbeat || connector.Interpret(channel, streamed) is not { } item)
            {
                continue;
            }

            await using var scope = scopes.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<StreamedEventStore>().StoreAsync(channel.Id, item, stop);
            var stored = outcome is null ? "Skipped" : outcome.Value == StoreOutcome.Stored ? "Stored" : "Duplicate";
            LogStored(logger, channel.Id, stored);
        }
    }

    /// <summary>Exponential from the minimum, capped, with "equal jitter" (half fixed, half random) so many channels do not reconnect in step.</summary>
    private TimeSpan Backoff(int failures)
    {
        var min = options.StreamReconnectMinSeconds;
        var max = Math.Max(min, options.StreamReconnectMaxSeconds);
        var ceiling = Math.Min(max, min * Math.Pow(2, Math.Clamp(failures - 1, 0, 20)));
        return TimeSpan.FromSeconds((ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2));
    }

    private void ConnectedState(ChannelState state) => state.StreamConnectedUtc = time.GetUtcNow().UtcDateTime;

    /// <summary>Updates the channel's state (health, stream status) and, on connect, enqueues the catch-up poll in the same save.</summary>
    private async Task RecordAsync(Action<ChannelState> change, bool catchUp, CancellationToken cancellationToken, Error? failure = null)
    {
        var recheckAt = catchUp && connector is IStatusRecheckConnector && options.StatusRecheckMaxStatuses > 0
            ? _recheckPacer.Plan(time.GetUtcNow().UtcDateTime)
            : null;
        for (var attempt = 0; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var health = scope.ServiceProvider.GetRequiredService<ChannelHealthRecorder>();
            var db = scope.ServiceProvider.GetRequiredService<SalusDbContext>();
            var state = await health.StateOfAsync(channel.Id, cancellationToken);
            change(state);
            if (catchUp)
            {
                health.Succeeded(state);
                var jobs = scope.ServiceProvider.GetRequiredService<JobQueue>();
                jobs.Add(PollScheduling.PollJob, JsonSerializer.Serialize(new PollChannel(channel.Id)));
                if (recheckAt is { } at)
                {
                    // Edits and deletions of stored statuses made while disconnected: looked up again (see StatusRecheckHandler).
                    jobs.Add(StatusRecheckHandler.RecheckJob, JsonSerializer.Serialize(new RecheckChannel(channel.Id)), runAfterUtc: at);
                }
            }
            else if (failure is not null)
            {
                health.Failed(state, failure);
            }

            state.Version++;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                if (recheckAt is { } scheduled)
                {
                    _recheckPacer.Scheduled(scheduled);
                }

                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                // A poll moved the state at the same moment: read it again.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stream of channel {ChannelId} connected")]
    private static partial void LogConnected(ILogger logger, Guid channelId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stream of channel {ChannelId} refused: {Code}")]
    private static partial void LogRefused(ILogger logger, Guid channelId, string code);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stream of channel {ChannelId} dropped ({Reason}); reconnecting")]
    private static partial void LogDropped(ILogger logger, Guid channelId, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Streamed event of channel {ChannelId}: {Outcome}")]
    private static partial void LogStored(ILogger logger, Guid channelId, string outcome);
}
