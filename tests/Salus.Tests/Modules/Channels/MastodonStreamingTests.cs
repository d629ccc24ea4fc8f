using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salus.Modules.Channels.Connectors;
using Salus.Modules.Channels.Contracts;
using Salus.Modules.Channels.Domain;
using Salus.Modules.Channels.Ingest;
using Salus.Modules.Channels.Sandbox;
using Salus.Modules.Inbox.Domain;
using Salus.Platform.Audit;
using Salus.Platform.Jobs;
using Salus.Platform.Persistence;
using Salus.Tests.Infrastructure;

namespace Salus.Tests.Modules.Channels;

/// <summary>
/// Mastodon's user stream against the sandbox's server-sent events (in-process Kestrel test server): live delivery
/// through the raw-event store and the job queue into the real inbox, reconnect with a catch-up poll, one copy of an
/// item seen by stream and poll, edits and deletions, and a refused token in the channel's health.
/// </summary>
public abstract class MastodonStreamingTests(SalusApp app)
{
    private static readonly ChannelCredentials Bearer = new() { AccessToken = SandboxState.Token };

    private readonly MastodonStreamHarness _harness = new(app);

    private SandboxState Sandbox => _harness.Sandbox;

    private ChannelStreamSupervisor Streams => _harness.Streams;

    [SkippableFact]
    public async Task Mention_posted_on_mastodon_reaches_the_inbox_through_the_stream_without_a_poll()
    {
        app.SkipIfUnavailable();
        var channel = await StreamingChannelAsync(Bearer);
        await ConnectedAsync(channel);

        var mention = Sandbox.Add("mastodon", "", "9001", "anna@salute.social", "@salusdemo dopo la compressa ho la nausea da tre giorni");
        var raw = await RawAsync(channel, $"mastodon:{mention.Id}");
        Assert.Equal(RawEventSource.Stream, raw.Source);
        Assert.Equal(0, await PendingPollsAsync(channel)); // stored by the stream alone: no poll was due or run

        await app.DrainJobsAsync();
        var item = await InboxItemAsync(channel, mention.Id);
        Assert.Equal("@salusdemo dopo la compressa ho la nausea da tre giorni", item.Text);
        Assert.Equal(InboundItemKind.Mention, item.ItemKind);
        Assert.Single(RecordingSink.Of(channel.Id), i => i.PlatformItemId == mention.Id && i.Change == InboundChange.Created);

        // The connection test also asks the streaming health endpoint for a streaming channel.
        var tested = await TestConnectionAsync(channel);
        Assert.True(tested.IsSuccess, tested.Error?.Message);
        Assert.Equal("@salusdemo", tested.Value);
    }

    [SkippableFact]
    public async Task Dropped_stream_reconnects_and_the_catch_up_poll_brings_what_was_sent_while_disconnected()
    {
        app.SkipIfUnavailable();
        var channel = await StreamingChannelAsync(Bearer);
        await ConnectedAsync(channel);

        Sandbox.StreamsAvailable = false;
        Sandbox.DropStreams("mastodon");
        await UntilAsync(() => Task.FromResult(!Streams.IsConnected(channel.Id)));
        var missed = Sandbox.Add("mastodon", "", "9002", "bruno@salute.social", "@salusdemo il farmaco mi ha dato un'eruzione cutanea");
        await UntilAsync(async () => (await StateAsync(channel)).LastError?.Contains("503", StringComparison.Ordinal) == true, advanceClock: true);
        Assert.Null(await app.InScope(sp => Raw(sp, channel).SingleOrDefaultAsync(e => e.EventId == $"mastodon:{missed.Id}")));
        var tested = await app.WithClockAsync(() => TestConnectionAsync(channel)); // the streaming health check fails (after retries) while the streaming server is down
        Assert.False(tested.IsSuccess);
        Assert.Contains("503", tested.Error!.Message, StringComparison.Ordinal);

        Sandbox.StreamsAvailable = true;
        await UntilAsync(() => Task.FromResult(Streams.IsConnected(channel.Id)), advanceClock: true);
        Assert.Equal(1, await PendingPollsAsync(channel)); // the catch-up poll of the reconnect
        await app.DrainJobsAsync();

        var raw = await RawAsync(channel, $"mastodon:{missed.Id}");
        Assert.Equal(RawEventSource.Poll, raw.Source);
        Assert.Equal("@salusdemo il farmaco mi ha dato un'eruzione cutanea", (await InboxItemAsync(channel, missed.Id)).Text);
        var state = await StateAsync(channel);
        Assert.Equal(ChannelHealth.Healthy, state.Health);
        Assert.NotNull(state.StreamConnectedUtc);

        // Live again: the next mention comes by stream.
        var live = Sandbox.Add("mastodon", "", "9003", "carla@salute.social", "@salusdemo grazie per la risposta");
        Assert.Equal(RawEventSource.Stream, (await RawAsync(channel, $"mastodon:{live.Id}")).Source);
    }

    [SkippableFact]
    public async Task Notification_seen_by_the_stream_and_by_a_poll_is_stored_and_delivered_once()
    {
        app.SkipIfUnavailable();
        var channel = await StreamingChannelAsync(Bearer);
        await ConnectedAsync(channel);

        var mention = Sandbox.Add("mastodon", "", "9004", "dario@salute.social", "@salusdemo posso prenderlo con l'ibuprofene?");
        await RawAsync(channel, $"mastodon:{mention.Id}");

        // A poll now reads the same notification (its cursor is older), and the stream sends it a second time.
        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<SalusDbContext>();
            var state = await db.Set<ChannelState>().SingleAsync(s => s.ChannelId == channel.Id);
            state.PollCursor = null;
            await db.SaveChangesAsync();
            await sp.GetRequiredService<JobQueue>().EnqueueAsync(PollScheduling.PollJob, System.Text.Json.JsonSerializer.Serialize(new PollChannel(channel.Id)));
            return 0;
        });
        await app.DrainJobsAsync();
        Sandbox.Push("mastodon", "created", mention);
        var marker = Sandbox.Add("mastodon", "", "9005", "elena@salute.social", "@salusdemo marker");
        await RawAsync(channel, $"mastodon:{marker.Id}"); // the stream handled the repeat before the marker
        await app.DrainJobsAsync();

        Assert.Equal(1, await app.InScope(sp => Raw(sp, channel).CountAsync(e => e.EventId == $"mastodon:{mention.Id}")));
        Assert.Equal(1, await app.InScope(sp => sp.GetRequiredService<SalusDbContext>().Set<InboxItem>()
            .CountAsync(i => i.ChannelId == channel.Id && i.PlatformItemId == mention.Id)));
    }

    [SkippableFact]
    public async Task Edit_and_deletion_events_update_the_inbox_item_and_unknown_deletions_are_ignored()
    {
        app.SkipIfUnavailable();
        var channel = await StreamingChannelAsync(Bearer);
        await ConnectedAsync(channel);

        var mention = Sandbox.Add("mastodon", "", "9006", "fabio@salute.social", "@salusdemo ho mal di testa");
        await RawAsync(channel, $"mastodon:{mention.Id}");
        await app.DrainJobsAsync();

        app.Factory.Clock.Advance(TimeSpan.FromSeconds(5));
        Sandbox.Edit("mastodon", mention.Id, "@salusdemo ho mal di testa e febbre dopo il vaccino");
        var edit = await UntilRawAsync(channel, e => e.EventId.StartsWith("mastodon:status:" + mention.Id + ":edit:"));
        Assert.Equal(RawEventSource.Stream, edit.Source);
        await app.DrainJobsAsync();
        var item = await InboxItemAsync(channel, mention.Id);
        Assert.Equal("@salusdemo ho mal di testa e febbre dopo il vaccino", item.Text);
        Assert.True(item.Edited);

        // A deletion of a status this channel never received (a post of an account it follows) is not stored.
        var stranger = new SandboxComment
        {
            Platform = "mastodon", Id = Sandbox.NewId("mastodon"), ThreadId = "", AuthorId = "77", AuthorName = "someone", Text = "x",
            CreatedAt = app.Factory.Clock.GetUtcNow(),
        };
        Sandbox.Push("mastodon", "deleted", stranger);
        Sandbox.Delete("mastodon", mention.Id);
        await RawAsync(channel, $"mastodon:status:{mention.Id}:delete");
        Assert.Null(await app.InScope(sp => Raw(sp, channel).SingleOrDefaultAsync(e => e.EventId == $"mastodon:status:{stranger.Id}:delete")));

        await app.DrainJobsAsync();
        item = await InboxItemAsync(channel, mention.Id);
        Assert.True(item.DeletedOnPlatform);
        Assert.Equal("@salusdemo ho mal di testa e febbre dopo il vaccino", item.Text); // the text is kept for the record
        Assert.Equal(0, await app.InScope(sp => sp.GetRequiredService<SalusDbContext>().Set<InboxItem>()
            .CountAsync(i => i.ChannelId == channel.Id && i.PlatformItemId == stranger.Id)));
    }

    [SkippableFact]
    public async Task Refused_token_shows_as_an_auth_error_in_the_channel_health()
    {
        app.SkipIfUnavailable();
        var channel = await StreamingChannelAsync(new ChannelCredentials { AccessToken = "revoked-token" });

        await UntilAsync(async () => (await app.InScope(sp => sp.GetRequiredService<SalusDbContext>().Set<ChannelState>().AsNoTracking()
            .SingleOrDefaultAsync(s => s.ChannelId == channel.Id)))?.LastError is not null, advanceClock: true);
        var state = await StateAsync(channel);
        Assert.Equal(ChannelHealth.Failing, state.Health);
        Assert.StartsWith("channel.auth:", state.LastError, StringComparison.Ordinal);
        Assert.Contains("401", state.LastError, StringComparison.Ordinal);
        Assert.Null(state.StreamConnectedUtc);
        Assert.False(Streams.IsConnected(channel.Id));
        Assert.Equal(0, await PendingPollsAsync(channel)); // no catch-up poll without a connection
        Assert.True(await app.InScope(sp => sp.GetRequiredService<SalusDbContext>().Set<AuditEntry>()
            .AnyAsync(e => e.Action == ChannelHealthRecorder.BrokenEvent && e.EntityId == channel.Id.ToString())));
    }

    [SkippableFact]
    public async Task Administrator_turns_on_streaming_in_the_ui_and_the_list_shows_the_live_stream()
    {
        app.SkipIfUnavailable();
        await StopAllStreamsAsync();
        var admin = await app.SignInAsync(Demo.Admin);
        var name = "Mastodon " + Guid.NewGuid().ToString("N")[..6];
        var response = await SalusApp.PostFormAsync(admin, "/channels/edit", new()
        {
            ["Input.Kind"] = "Mastodon", ["Input.Name"] = name, ["Input.Market"] = "IT", ["Input.ApiBaseUrl"] = ChannelTestKit.Base + "/mastodon",
            ["Input.AccountId"] = SandboxMastodon.AccountId, ["Input.PollIntervalSeconds"] = "60", ["Input.Enabled"] = "true",
            ["Input.Streaming"] = "true", ["Input.AccessToken"] = SandboxState.Token,
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        var channel = await app.InScope(sp => sp.GetRequiredService<SalusDbContext>().Set<Channel>().AsNoTracking().SingleAsync(c => c.Name == name));
        Assert.True(channel.Streaming);

        await UntilAsync(() => Task.FromResult(Streams.IsConnected(channel.Id)), advanceClock: true); // the save nudged the supervisor
        await UntilAsync(async () => (await StateAsync(channel)).StreamConnectedUtc is not null);
        var list = await admin.GetStringAsync("/channels");
        Assert.Contains(">streaming<", list, StringComparison.Ordinal);

        // Unticked: the stream stops.
        var edit = await admin.GetStringAsync($"/channels/edit/{channel.Id}");
        Assert.Contains("name=\"Input.Streaming\" value=\"true\" checked", edit, StringComparison.Ordinal);
        await SalusApp.PostFormAsync(admin, $"/channels/edit/{channel.Id}", new()
        {
            ["Input.Kind"] = "Mastodon", ["Input.Name"] = name, ["Input.Market"] = "IT", ["Input.ApiBaseUrl"] = ChannelTestKit.Base + "/mastodon",
            ["Input.AccountId"] = SandboxMastodon.AccountId, ["Input.PollIntervalSeconds"] = "60", ["Input.Enabled"] = "true",
        }, tokenFrom: $"/channels/edit/{channel.Id}");
        await UntilAsync(() => Task.FromResult(!Streams.Running.Contains(channel.Id)));
        Assert.False((await app.InScope(sp => sp.GetRequiredService<SalusDbContext>().Set<Channel>().AsNoTracking().SingleAsync(c => c.Id == channel.Id))).Streaming);
    }

    private Task<Salus.Platform.Results.Result<string>> TestConnectionAsync(Channel channel) =>
        app.InScope(sp => sp.GetRequiredService<IEnumerable<IChannelConnector>>().Single(c => c.Kind == ChannelKind.Mastodon)
            .TestAsync(sp.GetRequiredService<ChannelDirectory>().ToContext(channel), CancellationToken.None));

    private Task StopAllStreamsAsync() => _harness.StopAllStreamsAsync();

    private Task<Channel> StreamingChannelAsync(ChannelCredentials credentials)
    {
        Sandbox.StreamsAvailable = true;
        return _harness.StreamingChannelAsync(credentials);
    }

    /// <summary>Waits for the stream to connect, then runs its catch-up poll so later notifications are new to the cursor.</summary>
    private async Task ConnectedAsync(Channel channel)
    {
        await UntilAsync(() => Task.FromResult(Streams.IsConnected(channel.Id)), advanceClock: true);
        await UntilAsync(async () => await PendingPollsAsync(channel) == 1);
        await app.DrainJobsAsync();
        Assert.Equal(0, await PendingPollsAsync(channel));
    }

    private Task<int> PendingPollsAsync(Channel channel) => _harness.PendingPollsAsync(channel);

    private static IQueryable<RawEvent> Raw(IServiceProvider sp, Channel channel) => MastodonStreamHarness.Raw(sp, channel);

    private Task<RawEvent> RawAsync(Channel channel, string eventId) => UntilRawAsync(channel, e => e.EventId == eventId);

    private async Task<RawEvent> UntilRawAsync(Channel channel, System.Linq.Expressions.Expression<Func<RawEvent, bool>> match)
    {
        RawEvent? found = null;
        await UntilAsync(async () => (found = await app.InScope(sp => Raw(sp, channel).FirstOrDefaultAsync(match))) is not null);
        return found!;
    }

    private Task<ChannelState> StateAsync(Channel channel) =>
        app.InScope(sp => sp.GetRequiredService<SalusDbContext>().Set<ChannelState>().AsNoTracking().SingleAsync(s => s.ChannelId == channel.Id));

    private Task<InboxItem> InboxItemAsync(Channel channel, string platformItemId) => _harness.InboxItemAsync(channel, platformItemId);

    private Task UntilAsync(Func<Task<bool>> condition, bool advanceClock = false) => _harness.UntilAsync(condition, advanceClock);
}

public sealed class MastodonStreamingTests_Sqlite(SqliteChannelsApp app) : MastodonStreamingTests(app), IClassFixture<SqliteChannelsApp>;

public sealed class MastodonStreamingTests_Postgres(PostgresChannelsApp app) : MastodonStreamingTests(app), IClassFixture<PostgresChannelsApp>;
