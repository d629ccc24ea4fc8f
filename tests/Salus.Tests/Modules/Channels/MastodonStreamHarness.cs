using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salus.Modules.Channels.Contracts;
using Salus.Modules.Channels.Domain;
using Salus.Modules.Channels.Ingest;
using Salus.Modules.Channels.Sandbox;
using Salus.Modules.Inbox.Domain;
using Salus.Platform.Jobs;
using Salus.Platform.Persistence;
using Salus.Tests.Infrastructure;

namespace Salus.Tests.Modules.Channels;

/// <summary>What the Mastodon streaming tests share: one streaming channel at a time, waiting on the background stream, reading what it stored.</summary>
internal sealed class MastodonStreamHarness(SalusApp app)
{
    public SandboxState Sandbox => app.Factory.Services.GetRequiredService<SandboxState>();

    public ChannelStreamSupervisor Streams => app.Factory.Services.GetRequiredService<ChannelStreamSupervisor>();

    /// <summary>Stops every earlier test's stream, then adds a Mastodon channel with "stream live" on.</summary>
    public async Task<Channel> StreamingChannelAsync(ChannelCredentials credentials)
    {
        await StopAllStreamsAsync();
        var channel = await app.AddChannelAsync(ChannelKind.Mastodon, ChannelTestKit.Base + "/mastodon", SandboxMastodon.AccountId, credentials, "IT");
        await app.InScope(sp => sp.GetRequiredService<SalusDbContext>().Set<Channel>().Where(c => c.Id == channel.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Streaming, true)));
        channel.Streaming = true;
        Streams.Refresh();
        return channel;
    }

    public async Task StopAllStreamsAsync()
    {
        await app.InScope(sp => sp.GetRequiredService<SalusDbContext>().Set<Channel>().Where(c => c.Streaming)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Streaming, false)));
        Streams.Refresh();
        await UntilAsync(() => Task.FromResult(Streams.Running.Count == 0));
    }

    public Task<int> PendingPollsAsync(Channel channel)
    {
        var payload = JsonSerializer.Serialize(new PollChannel(channel.Id));
        return app.InScope(sp => sp.GetRequiredService<SalusDbContext>().Jobs
            .CountAsync(j => j.Type == PollScheduling.PollJob && j.Payload == payload && j.Status == JobStatus.Pending));
    }

    public static IQueryable<RawEvent> Raw(IServiceProvider sp, Channel channel) =>
        sp.GetRequiredService<SalusDbContext>().Set<RawEvent>().AsNoTracking().Where(e => e.ChannelId == channel.Id);

    public Task<InboxItem> InboxItemAsync(Channel channel, string platformItemId) =>
        app.InScope(sp => sp.GetRequiredService<SalusDbContext>().Set<InboxItem>().AsNoTracking()
            .SingleAsync(i => i.ChannelId == channel.Id && i.PlatformItemId == platformItemId));

    /// <summary>
    /// Waits (up to 30 s of real time) for something the background stream does; with <paramref name="advanceClock"/>
    /// the fake clock moves 100 ms per step so reconnect backoffs elapse.
    /// </summary>
    public async Task UntilAsync(Func<Task<bool>> condition, bool advanceClock = false)
    {
        for (var i = 0; i < 1500; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(20);
            if (advanceClock)
            {
                app.Factory.Clock.Advance(TimeSpan.FromMilliseconds(100));
            }
        }

        Assert.Fail("The stream did not reach the expected state in time.");
    }
}
