using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Salus.Modules.Channels.Connectors;
using Salus.Modules.Channels.Domain;
using Salus.Platform.Persistence;

namespace Salus.Modules.Channels.Ingest;

/// <summary>
/// Keeps one live stream (<see cref="ChannelStream"/>) per enabled channel set to stream whose platform can
/// (<see cref="IStreamingConnector"/>): starts new ones, restarts edited ones, stops disabled ones, and stops them all
/// on shutdown. Checks every <c>StreamSupervisorIntervalSeconds</c>, or at once after <see cref="Refresh"/>.
/// Several nodes may each stream the same channel: the unique event id makes the copies one.
/// </summary>
public sealed partial class ChannelStreamSupervisor(
    IServiceScopeFactory scopes, ChannelDirectory directory, IHttpClientFactory clients,
    IOptions<ChannelsOptions> options, TimeProvider time, IHostApplicationLifetime lifetime, ILoggerFactory loggers) : BackgroundService
{
    public const string HttpClientName = "channels.streaming";

    private readonly ILogger _logger = loggers.CreateLogger<ChannelStreamSupervisor>();
    private readonly Dictionary<Guid, (DateTime Version, ChannelStream Stream)> _streams = [];
    private readonly Lock _lock = new();
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Check the channels now (after a channel was added or edited).</summary>
    public void Refresh()
    {
        lock (_lock)
        {
            _wake.TrySetResult();
        }
    }

    /// <summary>Channels whose stream is running (connected or reconnecting).</summary>
    public IReadOnlyList<Guid> Running
    {
        get
        {
            lock (_lock)
            {
                return [.. _streams.Keys];
            }
        }
    }

    /// <summary>Whether the channel's stream is connected right now.</summary>
    public bool IsConnected(Guid channelId)
    {
        lock (_lock)
        {
            return _streams.TryGetValue(channelId, out var entry) && entry.Stream.Connected;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.StreamSupervisorIntervalSeconds);
        // Streams start once the server listens (the sandbox platforms stream from this very server).
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                Task wake;
                lock (_lock)
                {
                    if (_wake.Task.IsCompleted)
                    {
                        _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    }

                    wake = _wake.Task;
                }

                try
                {
                    await SyncAsync(stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or TimeoutException or System.Data.Common.DbException)
                {
                    LogSyncFailed(_logger, ex);
                }

                await ((Task)Task.WhenAny(wake, Task.Delay(interval, time, stoppingToken))).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
        finally
        {
            await StopAllAsync();
        }
    }

    private async Task SyncAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var channels = await scope.ServiceProvider.GetRequiredService<SalusDbContext>().Set<Channel>().AsNoTracking()
            .Where(c => c.Enabled && c.Streaming).ToListAsync(cancellationToken);
        // The connectors (and their HttpClient) are resolved only when something streams, never while the host starts.
        var connectors = channels.Count == 0 ? null : scope.ServiceProvider.GetRequiredService<ConnectorRegistry>();
        List<Channel> wanted = connectors is null ? [] : [.. channels.Where(c => connectors.For(c.Kind) is IStreamingConnector)];

        var stale = new List<ChannelStream>();
        var started = new List<ChannelStream>();
        lock (_lock)
        {
            foreach (var (id, entry) in _streams.ToList())
            {
                if (!wanted.Any(c => c.Id == id && c.UpdatedUtc == entry.Version))
                {
                    stale.Add(entry.Stream);
                    _streams.Remove(id);
                }
            }

            foreach (var channel in wanted.Where(c => !_streams.ContainsKey(c.Id)))
            {
                var stream = new ChannelStream(directory.ToContext(channel), (IStreamingConnector)connectors!.For(channel.Kind),
                    clients.CreateClient(HttpClientName), scopes, options.Value, time, loggers.CreateLogger<ChannelStream>());
                _streams[channel.Id] = (channel.UpdatedUtc, stream);
                started.Add(stream);
            }
        }

        foreach (var stream in stale)
        {
            await stream.DisposeAsync();
        }

        foreach (var stream in started)
        {
            stream.Start();
        }
    }

    private async Task StopAllAsync()
    {
        List<ChannelStream> all;
        lock (_lock)
        {
            all = [.. _streams.Values.Select(e => e.Stream)];
            _streams.Clear();
        }

        await Task.WhenAll(all.Select(s => s.DisposeAsync().AsTask()));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking the channels to stream failed")]
    private static partial void LogSyncFailed(ILogger logger, Exception ex);
}
