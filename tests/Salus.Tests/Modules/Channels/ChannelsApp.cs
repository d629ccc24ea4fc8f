using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Salus.Modules.Channels.Contracts;
using Salus.Modules.Channels.Domain;
using Salus.Modules.Channels.Ingest;
using Salus.Platform.Jobs;
using Salus.Platform.Persistence;
using Salus.Tests.Infrastructure;

namespace Salus.Tests.Modules.Channels;

/// <summary>Records every item handed to the sinks, by channel (channels are new per test, fixtures run in parallel).</summary>
public sealed class RecordingSink : IInboundItemSink
{
    public static readonly ConcurrentDictionary<Guid, ConcurrentQueue<InboundItem>> Items = new();

    public static List<InboundItem> Of(Guid channelId) => Items.TryGetValue(channelId, out var q) ? [.. q] : [];

    public Task AcceptAsync(InboundItem item, CancellationToken cancellationToken)
    {
        Items.GetOrAdd(item.ChannelId, _ => new ConcurrentQueue<InboundItem>()).Enqueue(item);
        return Task.CompletedTask;
    }
}

/// <summary>The app with the sandbox platforms mapped, a recording sink, and every HttpClient routed to the in-process server.</summary>
public static class ChannelsFixture
{
    public static IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Salus:Channels:Sandbox:Enabled"] = "true",
        ["Salus:Channels:RunPollScheduler"] = "false",
        ["Salus:Channels:MaxEventAgeHours"] = "17520", // the reference vectors are from 2025; the test clock is in 2026
        ["Salus:Channels:MaxWebhookBytes"] = "65536",
    };

    public static void Configure(IServiceCollection services, Func<SalusFactory> factory)
    {
        services.AddSingleton<IInboundItemSink, RecordingSink>();
        services.ConfigureHttpClientDefaults(b => b.ConfigurePrimaryHttpMessageHandler(() => factory().Server.CreateHandler()));
    }
}

public sealed class SqliteChannelsApp : SqliteApp
{
    protected override IDictionary<string, string?> Settings => ChannelsFixture.Settings;

    protected override void ConfigureServices(IServiceCollection services) => ChannelsFixture.Configure(services, () => Factory);
}

public sealed class PostgresChannelsApp : PostgresApp
{
    protected override IDictionary<string, string?> Settings => ChannelsFixture.Settings;

    protected override void ConfigureServices(IServiceCollection services) => ChannelsFixture.Configure(services, () => Factory);
}

/// <summary>Helpers shared by the channel tests.</summary>
public static class ChannelTestKit
{
    public const string Base = "http://localhost/sandbox";

    public static async Task<Channel> AddChannelAsync(this SalusApp app, ChannelKind kind, string api, string account, ChannelCredentials credentials, string market = "IT",
        string? product = null)
    {
        return await app.Factory.InScopeAsync(async sp =>
        {
            var directory = sp.GetRequiredService<ChannelDirectory>();
            var now = app.Factory.Clock.GetUtcNow().UtcDateTime;
            var channel = new Channel
            {
                Id = Guid.NewGuid(), Kind = kind, Name = $"{kind} test", Market = market, ApiBaseUrl = api, AccountId = account, Product = product,
                ProtectedCredentials = directory.ProtectCredentials(credentials), CreatedUtc = now, UpdatedUtc = now,
            };
            var db = sp.GetRequiredService<SalusDbContext>();
            db.Set<Channel>().Add(channel);
            await db.SaveChangesAsync();
            return channel;
        });
    }

    /// <summary>Runs the job worker until the queue has nothing due.</summary>
    public static async Task DrainJobsAsync(this SalusApp app)
    {
        var worker = app.Factory.Services.GetRequiredService<JobWorker>();
        for (var i = 0; i < 100 && await worker.RunOnceAsync(CancellationToken.None) > 0; i++)
        {
        }
    }

    /// <summary>Awaits work that waits on the fake clock (retry backoff, rate-limit reset), advancing it a second at a time.</summary>
    public static async Task<T> WithClockAsync<T>(this SalusApp app, Func<Task<T>> work, int maxSeconds = 3600)
    {
        var task = work();
        for (var i = 0; i < maxSeconds * 10 && !task.IsCompleted; i++)
        {
            await Task.Delay(5);
            if (!task.IsCompleted)
            {
                app.Factory.Clock.Advance(TimeSpan.FromMilliseconds(100));
            }
        }

        return await task;
    }

    public static Task<T> InScope<T>(this SalusApp app, Func<IServiceProvider, Task<T>> work) => app.Factory.InScopeAsync(work);
}

/// <summary>The role matrix with the sandbox platforms mapped too (they must be the deliberately anonymous ones listed).</summary>
public sealed class RoleMatrixWithSandboxTests_Sqlite(SqliteChannelsApp app) : Salus.Tests.Platform.RoleMatrixTests(app), IClassFixture<SqliteChannelsApp>;
