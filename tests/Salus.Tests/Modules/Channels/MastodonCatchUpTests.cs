using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
/// Edits and deletions made on Mastodon while the live stream was down: on reconnect the statuses stored within the
/// window are looked up again (sandbox <c>GET /api/v1/statuses?id[]=</c>, or one by one on an older server) and the
/// changes are applied through the streamed-event path into the real inbox; idempotent; bounded by the window; a rate
/// limit keeps what was applied and resumes after the reset.
/// </summary>
public abstract class MastodonCatchUpTests(SalusApp app)
{
    private static readonly ChannelCredentials Bearer = new() { AccessToken = SandboxState.Token };

    private readonly MastodonStreamHarness _harness = new(app);

    private SandboxState Sandbox => _harness.Sandbox;

    private ChannelStreamSupervisor Streams => _harness.Streams;

    [SkippableFact]
    public async Task Edit_and_deletion_made_while_the_stream_was_down_reach_the_inbox_on_reconnect_and_a_second_catch_up_changes_nothing()
    {
        app.SkipIfUnavailable();
        var channel = await StreamingChannelAsync();
        await ConnectedAsync(channel);
        var edited = await MentionAsync(channel, "9101", "giulia@salute.social", "@salusdemo ho preso il farmaco ieri");
        var deleted = await MentionAsync(channel, "9102", "marco@salute.social", "@salusdemo domanda sul dosaggio");
        var unchanged = await MentionAsync(channel, "9103", "paola@salute.social", "@salusdemo grazie");
        await app.DrainJobsAsync();

        await DropAsync(channel);
        app.Factory.Clock.Advance(TimeSpan.FromMinutes(6)); // an outage longer than the 5-minute gap between two catch-ups
        Sandbox.Edit("mastodon", edited.Id, "@salusdemo ho preso il farmaco ieri e ora ho le palpitazioni");
        Sandbox.Delete("mastodon", deleted.Id);
        Assert.Equal(0, await app.InScope(sp => Raw(sp, channel).CountAsync(e => e.EventId.StartsWith("mastodon:status:")))); // nobody was listening

        var editedId = (await InboxItemAsync(channel, edited.Id)).Id.ToString();
        var trailOfEdited = await app.InScope(sp => sp.GetRequiredService<SalusDbContext>().Set<AuditEntry>().CountAsync(a => a.EntityId == editedId));
        var lookedUpBefore = Sandbox.LookedUpStatuses().Count;
        await ReconnectAsync(channel);
        Assert.Equal(1, await PendingRechecksAsync(channel)); // enqueued with the catch-up poll
        await app.DrainJobsAsync();

        // Looked up in one multi-status request; applied exactly as streamed events are.
        Assert.Equal([edited.Id, deleted.Id, unchanged.Id], Sandbox.LookedUpStatuses().Skip(lookedUpBefore).Order());
        var edit = await app.InScope(sp => Raw(sp, channel).SingleAsync(e => e.EventId.StartsWith($"mastodon:status:{edited.Id}:edit:")));
        Assert.Equal(RawEventSource.Stream, edit.Source);
        Assert.Contains("\"stream\":[\"catch-up\"],\"event\":\"status.update\"", edit.Body, StringComparison.Ordinal);
        Assert.NotNull(await app.InScope(sp => Raw(sp, channel).SingleOrDefaultAsync(e => e.EventId == $"mastodon:status:{deleted.Id}:delete")));
        Assert.Equal(0, await app.InScope(sp => Raw(sp, channel).CountAsync(e => e.EventId.StartsWith($"mastodon:status:{unchanged.Id}:"))));

        var editedItem = await InboxItemAsync(channel, edited.Id);
        Assert.Equal("@salusdemo ho preso il farmaco ieri e ora ho le palpitazioni", editedItem.Text);
        Assert.True(editedItem.Edited);
        Assert.False(editedItem.DeletedOnPlatform);
        var deletedItem = await InboxItemAsync(channel, deleted.Id);
        Assert.True(deletedItem.DeletedOnPlatform);
        Assert.Equal("@salusdemo domanda sul dosaggio", deletedItem.Text); // kept for the record, as for a streamed deletion
        var unchangedItem = await InboxItemAsync(channel, unchanged.Id);
        Assert.False(unchangedItem.Edited);
        Assert.False(unchangedItem.DeletedOnPlatform);
        Assert.Single(RecordingSink.Of(channel.Id), i => i.PlatformItemId == edited.Id && i.Change == InboundChange.Edited);
        Assert.True(await app.InScope(sp => sp.GetRequiredService<SalusDbContext>().Set<AuditEntry>().CountAsync(a => a.EntityId == editedId)) > trailOfEdited); // the edit is in the trail
        Assert.Single(RecordingSink.Of(channel.Id), i => i.PlatformItemId == deleted.Id && i.Change == InboundChange.Deleted);

        // A second catch-up looks up again (the deleted one no more) and changes nothing: no row, no job, no audit entry.
        var rows = await app.InScope(sp => Raw(sp, channel).CountAsync());
        var audits = await app.InScope(sp => sp.GetRequiredService<SalusDbContext>().Set<AuditEntry>().CountAsync());
        var sunk = RecordingSink.Of(channel.Id).Count;
        lookedUpBefore = Sandbox.LookedUpStatuses().Count;
        await EnqueueRecheckAsync(channel);
        await app.DrainJobsAsync();
        Assert.Equal([edited.Id, unchanged.Id], Sandbox.LookedUpStatuses().Skip(lookedUpBefore).Order());
        Assert.Equal(rows, await app.InScope(sp => Raw(sp, channel).CountAsync()));
        Assert.Equal(audits, await app.InScope(sp => sp.GetRequiredService<SalusDbContext>().Set<AuditEntry>().CountAsync()));
        Assert.Equal(sunk, RecordingSink.Of(channel.Id).Count);
        Assert.Equal("@salusdemo ho preso il farmaco ieri e ora ho le palpitazioni", (await InboxItemAsync(channel, edited.Id)).Text);

        // The same edit pushed live later has the same event id: a duplicate, not a second row.
        Sandbox.Push("mastodon", "edited", Sandbox.Find("mastodon", edited.Id));
        var marker = await MentionAsync(channel, "9104", "elena@salute.social", "@salusdemo marker");
        Assert.NotNull(marker);
        Assert.Equal(1, await app.InScope(sp => Raw(sp, channel).CountAsync(e => e.EventId.StartsWith($"mastodon:status:{edited.Id}:edit:"))));
    }

    [SkippableFact]
    public async Task Status_stored_before_the_window_is_not_looked_up_and_an_older_server_is_asked_one_status_at_a_time()
    {
        app.SkipIfUnavailable();
        var channel = await StreamingChannelAsync();
        await ConnectedAsync(channel);
        var old = await MentionAsync(channel, "9111", "luca@salute.social", "@salusdemo messaggio di tre giorni fa");
        var recent = await MentionAsync(channel, "9112", "sara@salute.social", "@salusdemo messaggio di oggi");
        await app.DrainJobsAsync();
        var longAgo = app.Factory.Clock.GetUtcNow().UtcDateTime.AddHours(-49); // the default window is 48 h
        await app.InScope(sp => Raw(sp, channel).Where(e => e.EventId == $"mastodon:{old.Id}")
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.ReceivedUtc, longAgo)));

        await DropAsync(channel);
        Sandbox.MastodonMultiLookup = false; // a Mastodon older than 4.3: no GET /api/v1/statuses?id[]=
        app.Factory.Clock.Advance(TimeSpan.FromMinutes(6)); // an outage longer than the 5-minute gap between two catch-ups
        Sandbox.Delete("mastodon", old.Id);
        Sandbox.Delete("mastodon", recent.Id);
        var lookedUpBefore = Sandbox.LookedUpStatuses().Count;
        try
        {
            await ReconnectAsync(channel);
            await app.DrainJobsAsync();
        }
        finally
        {
            Sandbox.MastodonMultiLookup = true;
        }

        Assert.Equal([recent.Id], Sandbox.LookedUpStatuses().Skip(lookedUpBefore)); // by GET /api/v1/statuses/:id (404 = gone)
        Assert.True((await InboxItemAsync(channel, recent.Id)).DeletedOnPlatform);
        Assert.False((await InboxItemAsync(channel, old.Id)).DeletedOnPlatform);
        Assert.Null(await app.InScope(sp => Raw(sp, channel).SingleOrDefaultAsync(e => e.EventId == $"mastodon:status:{old.Id}:delete")));
    }

    [SkippableFact]
    public async Task Rate_limit_during_the_catch_up_keeps_what_was_applied_and_the_rest_is_looked_up_after_the_reset()
    {
        app.SkipIfUnavailable();
        var channel = await StreamingChannelAsync();
        await ConnectedAsync(channel);
        var mentions = new List<SandboxComment>();
        for (var i = 0; i < 25; i++)
        {
            mentions.Add(await MentionAsync(channel, $"92{i:00}", $"utente{i}@salute.social", $"@salusdemo messaggio numero {i}"));
        }

        await app.DrainJobsAsync();
        var newest = mentions[^1];
        var oldest = mentions[0];

        await DropAsync(channel);
        app.Factory.Clock.Advance(TimeSpan.FromMinutes(6)); // an outage longer than the 5-minute gap between two catch-ups
        Sandbox.Edit("mastodon", newest.Id, "@salusdemo messaggio corretto: mi gira la testa");
        Sandbox.Delete("mastodon", oldest.Id);
        Sandbox.FailMastodonLookup(successfulLookups: 1, status: 429); // batch 1 (20 newest) answers, batch 2 is rate limited
        var lookedUpBefore = Sandbox.LookedUpStatuses().Count;
        await ReconnectAsync(channel);
        await app.DrainJobsAsync();
        await StopAllStreamsAsync(); // no further reconnect (and catch-up from the start) while the clock moves below

        var firstBatch = mentions.Skip(5).Select(m => m.Id).ToList();
        Assert.Equal(firstBatch.Order(), Sandbox.LookedUpStatuses().Skip(lookedUpBefore).Order());
        Assert.Equal("@salusdemo messaggio corretto: mi gira la testa", (await InboxItemAsync(channel, newest.Id)).Text); // kept
        Assert.False((await InboxItemAsync(channel, oldest.Id)).DeletedOnPlatform); // not reached yet
        var state = await app.InScope(sp => sp.GetRequiredService<SalusDbContext>().Set<ChannelState>().AsNoTracking().SingleAsync(s => s.ChannelId == channel.Id));
        Assert.StartsWith("channel.rate-limited:", state.LastError, StringComparison.Ordinal);
        var retry = Assert.Single(await PendingRecheckJobsAsync(channel));
        Assert.True(retry.RunAfterUtc > app.Factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(4)); // at Mastodon's X-RateLimit-Reset (5-minute window)
        Assert.Equal(mentions[5].Id, JsonSerializer.Deserialize<RecheckChannel>(retry.Payload)!.Before);

        // Before the reset nothing runs; after it the rest (and only the rest) is looked up.
        await app.DrainJobsAsync();
        Assert.Single(await PendingRecheckJobsAsync(channel));
        lookedUpBefore = Sandbox.LookedUpStatuses().Count;
        app.Factory.Clock.Advance(TimeSpan.FromMinutes(6));
        await app.DrainJobsAsync();
        Assert.Equal(mentions.Take(5).Select(m => m.Id).Order(), Sandbox.LookedUpStatuses().Skip(lookedUpBefore).Order());
        Assert.True((await InboxItemAsync(channel, oldest.Id)).DeletedOnPlatform);
        Assert.Empty(await PendingRecheckJobsAsync(channel));
        Assert.Equal(1, await app.InScope(sp => Raw(sp, channel).CountAsync(e => e.EventId.StartsWith($"mastodon:status:{newest.Id}:edit:"))));
    }

    [SkippableFact]
    public async Task Low_rate_limit_budget_pauses_the_catch_up_without_an_error_until_the_reset()
    {
        app.SkipIfUnavailable();
        var channel = await StreamingChannelAsync();
        await ConnectedAsync(channel);
        var mentions = new List<SandboxComment>();
        for (var i = 0; i < 21; i++)
        {
            mentions.Add(await MentionAsync(channel, $"93{i:00}", $"persona{i}@salute.social", $"@salusdemo domanda {i}"));
        }

        await app.DrainJobsAsync();
        await DropAsync(channel);
        app.Factory.Clock.Advance(TimeSpan.FromMinutes(6)); // an outage longer than the 5-minute gap between two catch-ups
        Sandbox.Delete("mastodon", mentions[0].Id);
        Sandbox.MastodonLookupsPerWindow = 10; // 9 left after the first look-up: below the reserve of 30 kept for polls and replies
        try
        {
            var lookedUpBefore = Sandbox.LookedUpStatuses().Count;
            await ReconnectAsync(channel);
            await app.DrainJobsAsync();
            await StopAllStreamsAsync();

            Assert.Equal(20, Sandbox.LookedUpStatuses().Count - lookedUpBefore); // one batch, then it paused
            var state = await app.InScope(sp => sp.GetRequiredService<SalusDbContext>().Set<ChannelState>().AsNoTracking().SingleAsync(s => s.ChannelId == channel.Id));
            Assert.Equal(ChannelHealth.Healthy, state.Health);
            Assert.Single(await PendingRecheckJobsAsync(channel));
            Assert.False((await InboxItemAsync(channel, mentions[0].Id)).DeletedOnPlatform);

            app.Factory.Clock.Advance(TimeSpan.FromMinutes(6));
            await app.DrainJobsAsync();
            Assert.Equal([mentions[0].Id], Sandbox.LookedUpStatuses().Skip(lookedUpBefore + 20));
            Assert.True((await InboxItemAsync(channel, mentions[0].Id)).DeletedOnPlatform);
        }
        finally
        {
            Sandbox.MastodonLookupsPerWindow = 300;
        }
    }

    [SkippableFact]
    public async Task Polled_channel_catches_up_edits_and_deletions_at_most_once_per_interval()
    {
        app.SkipIfUnavailable();
        await StopAllStreamsAsync();
        Sandbox.Reset();
        var channel = await app.AddChannelAsync(ChannelKind.Mastodon, ChannelTestKit.Base + "/mastodon", SandboxMastodon.AccountId, Bearer, "IT");
        var first = Sandbox.Add("mastodon", "", "9401", "nadia@salute.social", "@salusdemo prima domanda");
        var second = Sandbox.Add("mastodon", "", "9402", "ivo@salute.social", "@salusdemo seconda domanda");
        await PollAsync(channel); // stores both; the first poll of the interval also enqueues a look-up (nothing changed yet)
        Assert.False((await InboxItemAsync(channel, first.Id)).Edited);

        app.Factory.Clock.Advance(TimeSpan.FromSeconds(30));
        Sandbox.Edit("mastodon", first.Id, "@salusdemo prima domanda, corretta");
        Sandbox.Delete("mastodon", second.Id);
        var lookedUpBefore = Sandbox.LookedUpStatuses().Count;
        await PollAsync(channel); // same interval: no second look-up
        Assert.Equal(lookedUpBefore, Sandbox.LookedUpStatuses().Count);
        Assert.Equal("@salusdemo prima domanda", (await InboxItemAsync(channel, first.Id)).Text);

        app.Factory.Clock.Advance(TimeSpan.FromMinutes(61)); // the next interval (60 minutes by default)
        await PollAsync(channel);
        Assert.Equal([first.Id, second.Id], Sandbox.LookedUpStatuses().Skip(lookedUpBefore).Order());
        Assert.Equal("@salusdemo prima domanda, corretta", (await InboxItemAsync(channel, first.Id)).Text);
        Assert.True((await InboxItemAsync(channel, second.Id)).DeletedOnPlatform);
    }

    [SkippableFact]
    public async Task Refused_look_up_is_recorded_in_the_channel_health_stores_nothing_and_the_next_catch_up_applies_the_change()
    {
        app.SkipIfUnavailable();
        var channel = await StreamingChannelAsync();
        await ConnectedAsync(channel);
        var mention = await MentionAsync(channel, "9501", "rita@salute.social", "@salusdemo ho avuto una reazione");
        await app.DrainJobsAsync();

        await DropAsync(channel);
        app.Factory.Clock.Advance(TimeSpan.FromMinutes(6));
        Sandbox.Delete("mastodon", mention.Id);
        Sandbox.FailMastodonLookup(successfulLookups: 0, status: 401);
        await ReconnectAsync(channel);
        await app.DrainJobsAsync();

        var state = await app.InScope(sp => sp.GetRequiredService<SalusDbContext>().Set<ChannelState>().AsNoTracking().SingleAsync(s => s.ChannelId == channel.Id));
        Assert.StartsWith("channel.auth:", state.LastError, StringComparison.Ordinal);
        Assert.False((await InboxItemAsync(channel, mention.Id)).DeletedOnPlatform);
        Assert.Empty(await PendingRecheckJobsAsync(channel)); // not a rate limit: left to the next reconnect or interval

        await EnqueueRecheckAsync(channel);
        await app.DrainJobsAsync();
        Assert.True((await InboxItemAsync(channel, mention.Id)).DeletedOnPlatform);
    }

    [SkippableFact]
    public async Task Flapping_stream_gets_one_catch_up_per_gap_and_a_reconnect_inside_it_is_covered_by_the_next()
    {
        app.SkipIfUnavailable();
        var channel = await StreamingChannelAsync();
        await ConnectedAsync(channel); // the first connect's catch-up ran at once
        var connectedAt = app.Factory.Clock.GetUtcNow().UtcDateTime;

        await DropAsync(channel);
        await ReconnectAsync(channel);
        var deferred = Assert.Single(await PendingRecheckJobsAsync(channel));
        Assert.True(deferred.RunAfterUtc >= connectedAt.AddMinutes(4.9)); // at the end of the gap, not now
        await DropAsync(channel);
        Sandbox.StreamsAvailable = true;
        await UntilAsync(() => Task.FromResult(Streams.IsConnected(channel.Id)), advanceClock: true);
        await UntilAsync(async () => await PendingPollsAsync(channel) >= 1); // the reconnect was recorded (its catch-up poll is queued)
        await app.DrainJobsAsync();
        Assert.Equal(deferred.Id, Assert.Single(await PendingRecheckJobsAsync(channel)).Id); // covered by the one already scheduled

        await StopAllStreamsAsync();
        app.Factory.Clock.Advance(TimeSpan.FromMinutes(6));
        await app.DrainJobsAsync();
        Assert.Empty(await PendingRecheckJobsAsync(channel));
    }

    private Task<int> PendingPollsAsync(Channel channel) => _harness.PendingPollsAsync(channel);

    private async Task PollAsync(Channel channel)
    {
        await app.InScope(sp => sp.GetRequiredService<JobQueue>().EnqueueAsync(PollScheduling.PollJob, JsonSerializer.Serialize(new PollChannel(channel.Id))));
        await app.DrainJobsAsync();
    }

    private async Task<SandboxComment> MentionAsync(Channel channel, string authorId, string author, string text)
    {
        var mention = Sandbox.Add("mastodon", "", authorId, author, text);
        await UntilAsync(async () => await app.InScope(sp => Raw(sp, channel).AnyAsync(e => e.EventId == $"mastodon:{mention.Id}")));
        return mention;
    }

    private async Task DropAsync(Channel channel)
    {
        Sandbox.StreamsAvailable = false;
        Sandbox.DropStreams("mastodon");
        await UntilAsync(() => Task.FromResult(!Streams.IsConnected(channel.Id)));
    }

    private async Task ReconnectAsync(Channel channel)
    {
        Sandbox.StreamsAvailable = true;
        await UntilAsync(() => Task.FromResult(Streams.IsConnected(channel.Id)), advanceClock: true);
        await UntilAsync(async () => await PendingRechecksAsync(channel) == 1);
    }

    private Task<Job> EnqueueRecheckAsync(Channel channel) =>
        app.InScope(sp => sp.GetRequiredService<JobQueue>().EnqueueAsync(StatusRecheckHandler.RecheckJob, JsonSerializer.Serialize(new RecheckChannel(channel.Id))));

    private async Task<int> PendingRechecksAsync(Channel channel) => (await PendingRecheckJobsAsync(channel)).Count;

    private Task<List<Job>> PendingRecheckJobsAsync(Channel channel)
    {
        var id = channel.Id.ToString();
        return app.InScope(sp => sp.GetRequiredService<SalusDbContext>().Jobs.AsNoTracking()
            .Where(j => j.Type == StatusRecheckHandler.RecheckJob && j.Payload.Contains(id) && j.Status == JobStatus.Pending).ToListAsync());
    }

    private Task StopAllStreamsAsync() => _harness.StopAllStreamsAsync();

    private async Task<Channel> StreamingChannelAsync()
    {
        await StopAllStreamsAsync();
        Sandbox.Reset(); // each test's channel polls from the start: only its own statuses are in the sandbox
        return await _harness.StreamingChannelAsync(Bearer);
    }

    /// <summary>Waits for the stream to connect and runs its catch-up poll and look-up (nothing stored yet, so no request).</summary>
    private async Task ConnectedAsync(Channel channel)
    {
        await UntilAsync(() => Task.FromResult(Streams.IsConnected(channel.Id)), advanceClock: true);
        await UntilAsync(async () => await PendingRechecksAsync(channel) == 1);
        await app.DrainJobsAsync();
        Assert.Equal(0, await PendingRechecksAsync(channel));
    }

    private static IQueryable<RawEvent> Raw(IServiceProvider sp, Channel channel) => MastodonStreamHarness.Raw(sp, channel);

    private Task<InboxItem> InboxItemAsync(Channel channel, string platformItemId) => _harness.InboxItemAsync(channel, platformItemId);

    private Task UntilAsync(Func<Task<bool>> condition, bool advanceClock = false) => _harness.UntilAsync(condition, advanceClock);
}

public sealed class MastodonCatchUpTests_Sqlite(SqliteChannelsApp app) : MastodonCatchUpTests(app), IClassFixture<SqliteChannelsApp>;

public sealed class MastodonCatchUpTests_Postgres(PostgresChannelsApp app) : MastodonCatchUpTests(app), IClassFixture<PostgresChannelsApp>;
