using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salus.Modules.Channels.Connectors;
using Salus.Modules.Channels.Contracts;
using Salus.Modules.Channels.Domain;
using Salus.Modules.Channels.Ingest;
using Salus.Modules.Channels.Sandbox;
using Salus.Modules.Inbox.Domain;
using Salus.Platform.Jobs;
using Salus.Platform.Persistence;
using Salus.Tests.Infrastructure;

namespace Salus.Tests.Modules.Channels;

/// <summary>X direct messages: polled from /2/dm_events across pages, received by Account Activity webhook, stored once, replied to in the conversation, rate limits respected.</summary>
public abstract class XDirectMessageTests(SalusApp app)
{
    private static readonly ChannelCredentials Bearer = new() { AccessToken = SandboxState.Token, WebhookSecret = SandboxState.AppSecret };

    private SandboxState Sandbox => app.Factory.Services.GetRequiredService<SandboxState>();

    [SkippableFact]
    public async Task Direct_messages_are_polled_across_pages_and_the_cursor_resumes_after_the_newest()
    {
        app.SkipIfUnavailable();
        var channel = await XChannelAsync();
        var before = Sandbox.Comments(SandboxX.DirectMessages).Count(m => !m.ByOrganisation);
        for (var i = 0; i < 230; i++)
        {
            SandboxX.ReceiveDirectMessage(Sandbox, "44" + i, "patient" + i, $"messaggio privato {i}");
        }

        await app.InScope(sp => sp.GetRequiredService<IChannelActions>().SendPrivateMessageAsync(channel.Id, "440", null, "Ci scriva i dettagli, grazie", CancellationToken.None));

        await PollAsync(channel);
        var state = await StateAsync(channel);
        Assert.Null(state.LastError);
        Assert.Equal(before + 230, await DmRawCountAsync(channel)); // three pages of 100, 100 and 30; our own message is not inbound
        var newest = Sandbox.Comments(SandboxX.DirectMessages).Select(m => m.Id).Max(StringComparer.Ordinal);
        Assert.Equal(newest, XConnector.ReadCursor(state.PollCursor).DirectMessages);

        await PollAsync(channel);
        Assert.Equal(before + 230, await DmRawCountAsync(channel)); // nothing new, nothing twice

        var late = SandboxX.ReceiveDirectMessage(Sandbox, "4499", "late", "Ho avuto palpitazioni dopo la terza dose");
        await PollAsync(channel);
        Assert.Equal(before + 231, await DmRawCountAsync(channel));
        var item = Assert.Single(RecordingSink.Of(channel.Id), i => i.EventId == $"x:dm:{late.Id}");
        Assert.Equal(InboundItemKind.PrivateMessage, item.ItemKind);
        Assert.Equal(XConnector.DmItemId("4499", late.Id), item.PlatformItemId);
        Assert.Equal("late", item.AuthorHandle);
        Assert.Equal("Ho avuto palpitazioni dopo la terza dose", item.Text);
    }

    [SkippableFact]
    public async Task Direct_message_received_by_webhook_and_by_poll_reaches_the_inbox_once()
    {
        app.SkipIfUnavailable();
        var channel = await XChannelAsync();
        var dm = SandboxX.ReceiveDirectMessage(Sandbox, "5501", "giulia_r", "Mia madre prende il vostro farmaco e ha le caviglie gonfie");

        using var request = SandboxSigner.SignedRequest($"/webhooks/channels/{channel.Id}", ChannelKind.X, SandboxX.DirectMessagePayload(dm), SandboxState.AppSecret);
        var response = await app.Anonymous().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await app.DrainJobsAsync();
        await PollAsync(channel);

        var itemId = XConnector.DmItemId("5501", dm.Id);
        var items = await app.InScope(sp => sp.GetRequiredService<SalusDbContext>().Set<InboxItem>().AsNoTracking()
            .Where(i => i.ChannelId == channel.Id && i.PlatformItemId == itemId).ToListAsync());
        var stored = Assert.Single(items);
        Assert.Equal(InboundItemKind.PrivateMessage, stored.ItemKind);
        Assert.Equal("giulia_r", stored.AuthorHandle);
        Assert.Equal(1, await app.InScope(sp => sp.GetRequiredService<SalusDbContext>().Set<ProcessedInboundEvent>()
            .CountAsync(p => p.ChannelId == channel.Id && p.EventId == $"x:dm:{dm.Id}")));
        // Both copies were stored raw (the webhook delivery and the polled event) and both were handed over with the same event id.
        Assert.Equal(2, RecordingSink.Of(channel.Id).Count(i => i.EventId == $"x:dm:{dm.Id}"));
    }

    [SkippableFact]
    public async Task Reply_to_a_direct_message_is_sent_to_the_conversation_with_its_sender()
    {
        app.SkipIfUnavailable();
        var channel = await XChannelAsync();
        var dm = SandboxX.ReceiveDirectMessage(Sandbox, "6601", "marco", "Dove trovo il foglietto illustrativo?");
        var tweetsBefore = Sandbox.Comments("x").Count;

        var sent = await app.InScope(sp => sp.GetRequiredService<IChannelActions>()
            .ReplyAsync(channel.Id, XConnector.DmItemId("6601", dm.Id), "Le scriviamo il link in privato", CancellationToken.None));

        Assert.True(sent.IsSuccess, sent.Error?.Message);
        var action = Sandbox.Actions("x").Single(a => a.ResultId == sent.Value);
        Assert.Equal("private-message", action.Action);
        Assert.Equal("6601", action.Target);
        Assert.Equal("Le scriviamo il link in privato", action.Text);
        Assert.Equal(tweetsBefore, Sandbox.Comments("x").Count); // no public post
        var message = Assert.Single(Sandbox.Comments(SandboxX.DirectMessages), m => m.Id == sent.Value);
        Assert.Equal(SandboxX.ConversationId("6601"), message.ThreadId);
        Assert.True(message.ByOrganisation);
    }

    [SkippableFact]
    public async Task Rate_limited_dm_poll_keeps_the_mentions_and_waits_for_the_reset()
    {
        app.SkipIfUnavailable();
        var channel = await XChannelAsync();
        app.Factory.Clock.Advance(TimeSpan.FromMinutes(16)); // a fresh 15-minute window
        var mention = Sandbox.Add("x", "", "7701", "lucia", "@salusdemo il prodotto è disponibile in farmacia?");
        var dm = SandboxX.ReceiveDirectMessage(Sandbox, "7702", "paolo", "Ho un dubbio sul dosaggio");
        Sandbox.XRequestsPerWindow = 1; // the mentions call uses the window; the DM call gets 429 with the reset
        try
        {
            await PollAsync(channel);
        }
        finally
        {
            Sandbox.XRequestsPerWindow = 10_000;
        }

        var state = await StateAsync(channel);
        Assert.Contains("channel.rate-limited", state.LastError, StringComparison.Ordinal);
        Assert.True(state.NextPollUtc > app.Factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(10), $"next poll {state.NextPollUtc}");
        Assert.Single(RecordingSink.Of(channel.Id), i => i.EventId == $"x:tweet:{mention.Id}:create");
        Assert.DoesNotContain(RecordingSink.Of(channel.Id), i => i.EventId == $"x:dm:{dm.Id}");
        var (mentions, dms) = XConnector.ReadCursor(state.PollCursor);
        Assert.NotNull(mentions);
        Assert.Null(dms);

        // The scheduler does not poll before the reset.
        Assert.Equal(0, await app.InScope(sp => sp.GetRequiredService<PollScheduling>().EnqueueDueAsync(CancellationToken.None)
            .ContinueWith(_ => sp.GetRequiredService<SalusDbContext>().Jobs.CountAsync(j => j.Type == PollScheduling.PollJob && j.Status == JobStatus.Pending && j.Payload.Contains(channel.Id.ToString()))).Unwrap()));

        app.Factory.Clock.Advance(TimeSpan.FromMinutes(16));
        await PollAsync(channel);
        state = await StateAsync(channel);
        Assert.Equal(ChannelHealth.Healthy, state.Health);
        Assert.Single(RecordingSink.Of(channel.Id), i => i.EventId == $"x:dm:{dm.Id}");
        Assert.Single(RecordingSink.Of(channel.Id), i => i.EventId == $"x:tweet:{mention.Id}:create"); // not read twice
    }

    private async Task<Channel> XChannelAsync() =>
        await app.AddChannelAsync(ChannelKind.X, ChannelTestKit.Base + "/x", SandboxX.AccountId, Bearer, "IT");

    private async Task PollAsync(Channel channel)
    {
        await app.InScope(async sp =>
        {
            await sp.GetRequiredService<JobQueue>().EnqueueAsync(PollScheduling.PollJob, System.Text.Json.JsonSerializer.Serialize(new PollChannel(channel.Id)));
            return 0;
        });
        await app.DrainJobsAsync();
    }

    private Task<ChannelState> StateAsync(Channel channel) =>
        app.InScope(sp => sp.GetRequiredService<SalusDbContext>().Set<ChannelState>().AsNoTracking().SingleAsync(s => s.ChannelId == channel.Id));

    private Task<int> DmRawCountAsync(Channel channel) =>
        app.InScope(sp => sp.GetRequiredService<SalusDbContext>().Set<RawEvent>().CountAsync(e => e.ChannelId == channel.Id && e.EventId.StartsWith("x:dm:")));
}

public sealed class XDirectMessageTests_Sqlite(SqliteChannelsApp app) : XDirectMessageTests(app), IClassFixture<SqliteChannelsApp>;

public sealed class XDirectMessageTests_Postgres(PostgresChannelsApp app) : XDirectMessageTests(app), IClassFixture<PostgresChannelsApp>;
