using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salus.Modules.Channels.Connectors;
using Salus.Modules.Channels.Contracts;
using Salus.Modules.Channels.Domain;
using Salus.Modules.Channels.Ingest;
using Salus.Modules.Channels.Sandbox;
using Salus.Platform.Audit;
using Salus.Platform.Persistence;
using Salus.Tests.Infrastructure;

namespace Salus.Tests.Modules.Channels;

/// <summary>Polling against the sandbox platforms (paging, cursors, rate limits, errors) and the actions of IChannelActions.</summary>
public abstract class PollingAndActionsTests(SalusApp app)
{
    private static readonly ChannelCredentials Bearer = new() { AccessToken = SandboxState.Token, WebhookSecret = SandboxState.AppSecret };

    private SandboxState Sandbox => app.Factory.Services.GetRequiredService<SandboxState>();

    private Task PollAsync(Channel channel) => app.InScope(async sp =>
    {
        await sp.GetRequiredService<Salus.Platform.Jobs.JobQueue>().EnqueueAsync(PollScheduling.PollJob,
            System.Text.Json.JsonSerializer.Serialize(new PollChannel(channel.Id)));
        return 0;
    }).ContinueWith(_ => app.DrainJobsAsync()).Unwrap();

    private Task<ChannelState> StateAsync(Guid id) =>
        app.InScope(sp => sp.GetRequiredService<SalusDbContext>().Set<ChannelState>().AsNoTracking().SingleAsync(s => s.ChannelId == id));

    private Task<int> RawCountAsync(Guid channelId) =>
        app.InScope(sp => sp.GetRequiredService<SalusDbContext>().Set<RawEvent>().CountAsync(e => e.ChannelId == channelId));

    [SkippableFact]
    public async Task YouTube_comment_threads_are_read_across_pages_and_the_cursor_is_kept_in_the_database()
    {
        app.SkipIfUnavailable();
        var video = "vid" + Guid.NewGuid().ToString("N")[..8];
        var channel = await app.AddChannelAsync(ChannelKind.YouTube, ChannelTestKit.Base + "/youtube/v3", SandboxYouTube.ChannelId, Bearer);
        var before = Sandbox.Comments("youtube").Count(c => c.ParentId is null && !c.Deleted && !c.Hidden);
        for (var i = 0; i < 230; i++)
        {
            Sandbox.Add("youtube", video, "UC" + i, "viewer" + i, $"commento {i}");
            if (i % 50 == 0)
            {
                app.Factory.Clock.Advance(TimeSpan.FromSeconds(1));
            }
        }

        await PollAsync(channel);
        Assert.Null((await StateAsync(channel.Id)).LastError);
        Assert.Equal(before + 230, await RawCountAsync(channel.Id)); // three pages of 100, 100 and the rest
        var state = await StateAsync(channel.Id);
        Assert.NotNull(state.PollCursor);
        Assert.Equal(ChannelHealth.Healthy, state.Health);

        app.Factory.Clock.Advance(TimeSpan.FromSeconds(2));
        await PollAsync(channel);
        Assert.Equal(before + 230, await RawCountAsync(channel.Id)); // nothing new, nothing stored twice

        Sandbox.Add("youtube", video, "UCnew", "nuovo", "Dopo la seconda dose mi sono venute le vertigini");
        app.Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await PollAsync(channel);
        Assert.Equal(before + 231, await RawCountAsync(channel.Id));
        Assert.Single(RecordingSink.Of(channel.Id), i => i.Text == "Dopo la seconda dose mi sono venute le vertigini");
    }

    [SkippableFact]
    public async Task X_mentions_follow_pagination_tokens_then_since_id()
    {
        app.SkipIfUnavailable();
        var channel = await app.AddChannelAsync(ChannelKind.X, ChannelTestKit.Base + "/x", SandboxX.AccountId, Bearer, "US");
        var existing = Sandbox.Comments("x").Count(c => !c.ByOrganisation && !c.Deleted);
        for (var i = 0; i < 150; i++)
        {
            Sandbox.Add("x", "", "u" + i, "user" + i, $"@salusdemo mention {i}");
        }

        await PollAsync(channel);
        Assert.Equal(existing + 150, await RawCountAsync(channel.Id));
        var cursor = (await StateAsync(channel.Id)).PollCursor;
        Assert.Equal(Sandbox.Comments("x").Where(c => !c.ByOrganisation).Max(c => c.Id), XConnector.ReadCursor(cursor).Mentions);
        Assert.Equal("1900000000001000149", XConnector.ReadCursor("1900000000001000149").Mentions); // a cursor stored before DMs were polled

        var fresh = Sandbox.Add("x", "", "u-new", "newbie", "@salusdemo after starting the new statin I've had muscle pain");
        await PollAsync(channel);
        Assert.Equal(existing + 151, await RawCountAsync(channel.Id));
        var item = Assert.Single(RecordingSink.Of(channel.Id), i => i.PlatformItemId == fresh.Id);
        Assert.Equal("newbie", item.AuthorHandle);
    }

    [SkippableFact]
    public async Task X_rate_limit_until_a_distant_reset_marks_the_channel_broken_and_moves_the_next_poll_to_the_reset()
    {
        app.SkipIfUnavailable();
        var channel = await app.AddChannelAsync(ChannelKind.X, ChannelTestKit.Base + "/x", SandboxX.AccountId, Bearer, "US");
        Sandbox.XRequestsPerWindow = 0; // every request of this window is over the limit
        try
        {
            await PollAsync(channel);
        }
        finally
        {
            Sandbox.XRequestsPerWindow = 10_000;
        }

        var state = await StateAsync(channel.Id);
        Assert.Equal(ChannelHealth.Failing, state.Health);
        Assert.Contains("channel.rate-limited", state.LastError, StringComparison.Ordinal);
        Assert.True(state.NextPollUtc > app.Factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(5), $"next poll {state.NextPollUtc}");
        var broken = await app.InScope(sp => sp.GetRequiredService<SalusDbContext>().Set<AuditEntry>()
            .CountAsync(a => a.Action == ChannelHealthRecorder.BrokenEvent && a.EntityId == channel.Id.ToString()));
        Assert.Equal(1, broken);

        app.Factory.Clock.Advance(TimeSpan.FromMinutes(16)); // the window resets
        await PollAsync(channel);
        Assert.Equal(ChannelHealth.Healthy, (await StateAsync(channel.Id)).Health);
    }

    [SkippableFact]
    public async Task A_short_retry_after_is_waited_out_and_transient_errors_on_reads_are_retried()
    {
        app.SkipIfUnavailable();
        var channel = await app.AddChannelAsync(ChannelKind.Mastodon, ChannelTestKit.Base + "/mastodon", SandboxMastodon.AccountId, Bearer, "US");
        Sandbox.FailNext("mastodon", 429, 1, retryAfterSeconds: 3);
        Sandbox.FailNext("mastodon", 503, 1);
        var connector = app.Factory.Services.GetRequiredService<ConnectorRegistry>().For(ChannelKind.Mastodon);
        var context = app.Factory.Services.GetRequiredService<ChannelDirectory>().ToContext(channel);
        var start = app.Factory.Clock.GetUtcNow();
        var result = await app.WithClockAsync(() => connector.TestAsync(context, default));
        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal("@salusdemo", result.Value);
        Assert.True(app.Factory.Clock.GetUtcNow() - start >= TimeSpan.FromSeconds(3), "the Retry-After wait was skipped");
    }

    [SkippableFact]
    public async Task A_failed_reply_is_not_retried_so_it_cannot_post_twice()
    {
        app.SkipIfUnavailable();
        var channel = await app.AddChannelAsync(ChannelKind.Facebook, ChannelTestKit.Base + "/graph/v19.0", SandboxChannels.FacebookPageId, Bearer);
        var comment = Sandbox.Add("facebook", "137542570280222_1", "7", "Mario", "domanda", id: "1_" + Guid.NewGuid().ToString("N")[..10]);
        Sandbox.FailNext("graph", 500, 1);
        var result = await app.InScope(sp => sp.GetRequiredService<IChannelActions>().ReplyAsync(channel.Id, comment.Id, "Ti scriviamo in privato.", default));
        Assert.False(result.IsSuccess);
        Assert.Equal("channel.platform-error", result.Error!.Code);
        Assert.DoesNotContain(Sandbox.Actions("facebook"), a => a.Target == comment.Id);
    }

    [SkippableFact]
    public async Task Replies_hides_deletes_and_private_replies_reach_the_sandbox_platforms_and_the_audit_trail()
    {
        app.SkipIfUnavailable();
        var fb = await app.AddChannelAsync(ChannelKind.Facebook, ChannelTestKit.Base + "/graph/v19.0", SandboxChannels.FacebookPageId, Bearer);
        var comment = Sandbox.Add("facebook", "137542570280222_2", "7", "Mario", "ho avuto nausea", id: "2_" + Guid.NewGuid().ToString("N")[..10]);
        var reply = await app.InScope(sp => sp.GetRequiredService<IChannelActions>().ReplyAsync(fb.Id, comment.Id, "Grazie, ti scriviamo in privato.", default));
        Assert.True(reply.IsSuccess, reply.Error?.Message);
        Assert.True((await app.InScope(sp => sp.GetRequiredService<IChannelActions>().HideAsync(fb.Id, comment.Id, true, default))).IsSuccess);
        Assert.True(Sandbox.Find("facebook", comment.Id)!.Hidden);
        var message = await app.InScope(sp => sp.GetRequiredService<IChannelActions>().SendPrivateMessageAsync(fb.Id, "7", comment.Id, "Ciao Mario", default));
        Assert.StartsWith("m_", message.Value, StringComparison.Ordinal);
        Assert.True((await app.InScope(sp => sp.GetRequiredService<IChannelActions>().DeleteAsync(fb.Id, comment.Id, default))).IsSuccess);
        Assert.True(Sandbox.Find("facebook", comment.Id)!.Deleted);
        Assert.Contains(Sandbox.Actions("facebook"), a => a.Action == "reply" && a.Target == comment.Id && a.ResultId == reply.Value);

        var yt = await app.AddChannelAsync(ChannelKind.YouTube, ChannelTestKit.Base + "/youtube/v3", SandboxYouTube.ChannelId, Bearer);
        var ytComment = Sandbox.Add("youtube", "v1", "UCx", "anna", "quanto aspettare tra le dosi?");
        var ytReply = await app.InScope(sp => sp.GetRequiredService<IChannelActions>().ReplyAsync(yt.Id, ytComment.Id, "Chieda al suo medico.", default));
        Assert.StartsWith(ytComment.Id + ".", ytReply.Value, StringComparison.Ordinal);
        Assert.False((await app.InScope(sp => sp.GetRequiredService<IChannelActions>().SendPrivateMessageAsync(yt.Id, "UCx", null, "x", default))).IsSuccess);

        var li = await app.AddChannelAsync(ChannelKind.LinkedIn, ChannelTestKit.Base + "/linkedin/rest", SandboxLinkedIn.Organization, Bearer, "US");
        var liComment = Sandbox.Add("linkedin", SandboxLinkedIn.Activity, "urn:li:person:1", "Emily", "materials for clinicians?");
        var liReply = await app.InScope(sp => sp.GetRequiredService<IChannelActions>().ReplyAsync(li.Id, $"urn:li:comment:({SandboxLinkedIn.Activity},{liComment.Id})", "Yes, on our site.", default));
        Assert.StartsWith("urn:li:comment:(", liReply.Value, StringComparison.Ordinal);

        var audited = await app.InScope(sp => sp.GetRequiredService<SalusDbContext>().Set<AuditEntry>()
            .Where(a => a.EntityId == fb.Id.ToString()).OrderBy(a => a.Sequence).Select(a => a.Action).ToListAsync());
        Assert.Equal(["channel.reply", "channel.hide", "channel.private-message", "channel.delete"], audited.Where(a => a.StartsWith("channel.", StringComparison.Ordinal)));
    }

    [SkippableFact]
    public async Task Mastodon_replies_carry_an_idempotency_key_so_a_repeated_job_posts_once()
    {
        app.SkipIfUnavailable();
        var channel = await app.AddChannelAsync(ChannelKind.Mastodon, ChannelTestKit.Base + "/mastodon", SandboxMastodon.AccountId, Bearer, "US");
        var mention = Sandbox.Add("mastodon", "", "555", "sam@mastodon.example", "@salusdemo help");
        var text = "We are here for you. " + Guid.NewGuid();
        var first = await app.InScope(sp => sp.GetRequiredService<IChannelActions>().ReplyAsync(channel.Id, mention.Id, text, default));
        var second = await app.InScope(sp => sp.GetRequiredService<IChannelActions>().ReplyAsync(channel.Id, mention.Id, text, default));
        Assert.Equal(first.Value, second.Value);
        Assert.Single(Sandbox.Comments("mastodon"), c => c.Text == text);
    }

    [SkippableFact]
    public async Task Mastodon_and_WordPress_polls_page_through_link_headers_and_total_pages()
    {
        app.SkipIfUnavailable();
        var mastodon = await app.AddChannelAsync(ChannelKind.Mastodon, ChannelTestKit.Base + "/mastodon", SandboxMastodon.AccountId, Bearer, "US");
        var wordpress = await app.AddChannelAsync(ChannelKind.WordPress, ChannelTestKit.Base + "/wordpress/wp-json", "blog",
            new ChannelCredentials { Username = "salus", Password = SandboxState.Token });
        var mastodonBefore = Sandbox.Comments("mastodon").Count(c => !c.ByOrganisation && !c.Deleted);
        var wordpressBefore = Sandbox.Comments("wordpress").Count(c => c.Status == "approved" && !c.Deleted);
        for (var i = 0; i < 95; i++)
        {
            Sandbox.Add("mastodon", "", "a" + i, $"p{i}@example.social", $"@salusdemo domanda {i}");
            Sandbox.Add("wordpress", "42", "0", "Lettore " + i, $"<b>Commento</b> {i}");
        }

        await PollAsync(mastodon);
        await PollAsync(wordpress);
        Assert.Equal(mastodonBefore + 95, await RawCountAsync(mastodon.Id)); // 40 per page: three pages through Link rel="next"
        Assert.Equal(wordpressBefore + 95, await RawCountAsync(wordpress.Id));
        Assert.Contains(RecordingSink.Of(mastodon.Id), i => i.Text == "@salusdemo domanda 94" && i.AuthorHandle == "p94@example.social");
        Assert.Contains(RecordingSink.Of(wordpress.Id), i => i.Text == "<b>Commento</b> 3" || i.Text == "Commento 3");
    }

    [SkippableFact]
    public async Task A_revoked_token_turns_the_channel_broken_with_a_banner_and_an_audited_event()
    {
        app.SkipIfUnavailable();
        var channel = await app.AddChannelAsync(ChannelKind.WordPress, ChannelTestKit.Base + "/wordpress/wp-json", "blog",
            new ChannelCredentials { Username = "salus", Password = "wrong" });
        await PollAsync(channel);
        var state = await StateAsync(channel.Id);
        Assert.Equal(ChannelHealth.Failing, state.Health);
        Assert.Contains("channel.auth", state.LastError, StringComparison.Ordinal);

        var admin = await app.SignInAsync(Demo.Admin);
        var page = await admin.GetStringAsync("/channels");
        Assert.Contains("role=\"alert\"", page, StringComparison.Ordinal);
        Assert.Contains(channel.Name, page, StringComparison.Ordinal);
        var events = await app.InScope(sp => sp.GetRequiredService<SalusDbContext>().Set<AuditEntry>()
            .CountAsync(a => a.Action == ChannelHealthRecorder.BrokenEvent && a.EntityId == channel.Id.ToString()));
        Assert.Equal(1, events);
    }

    [Fact]
    public void Rss_and_atom_reference_feeds_normalise_to_posts()
    {
        var connector = new FeedConnector(null!);
        var context = new ChannelContext(Guid.NewGuid(), ChannelKind.Rss, "feed", "IT", "http://x", "rss", new ChannelCredentials());
        var vectors = Path.Combine(AppContext.BaseDirectory, "Modules", "Channels", "Vectors");
        var rssItem = XDocument.Load(Path.Combine(vectors, "rss20-sample.xml")).Root!.Element("channel")!.Element("item")!;
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var atomEntry = XDocument.Load(Path.Combine(vectors, "atom10-sample.xml")).Root!.Element(atom + "entry")!;
        var rss = Assert.Single(connector.Normalize(context, new RawEvent { EventId = "r", Body = rssItem.ToString(), Source = RawEventSource.Poll }));
        var entry = Assert.Single(connector.Normalize(context, new RawEvent { EventId = "a", Body = atomEntry.ToString(), Source = RawEventSource.Poll }));
        Assert.Equal(InboundItemKind.Post, rss.ItemKind);
        Assert.Equal(rssItem.Element("guid")?.Value ?? rssItem.Element("link")!.Value, rss.PlatformItemId);
        Assert.Equal("tag:feedparser.org,2005-11-09:/docs/examples/atom10.xml:3", entry.PlatformItemId);
        Assert.StartsWith("First entry title", entry.Text, StringComparison.Ordinal);
        Assert.Equal("Mark Pilgrim", entry.AuthorDisplayName);
        Assert.DoesNotContain("<", entry.Text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task An_administrator_adds_a_channel_in_the_ui_and_its_secret_is_stored_encrypted()
    {
        app.SkipIfUnavailable();
        var admin = await app.SignInAsync(Demo.Admin);
        var name = "Facebook " + Guid.NewGuid().ToString("N")[..6];
        var response = await SalusApp.PostFormAsync(admin, "/channels/edit", new()
        {
            ["Input.Kind"] = "Facebook", ["Input.Name"] = name, ["Input.Market"] = "it", ["Input.ApiBaseUrl"] = ChannelTestKit.Base + "/graph/v19.0",
            ["Input.AccountId"] = SandboxChannels.FacebookPageId, ["Input.PollIntervalSeconds"] = "60", ["Input.Enabled"] = "true",
            ["Input.AccessToken"] = SandboxState.Token, ["Input.WebhookSecret"] = "super-secret-app-secret",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var channel = await app.InScope(sp => sp.GetRequiredService<SalusDbContext>().Set<Channel>().AsNoTracking().SingleAsync(c => c.Name == name));
        Assert.Equal("IT", channel.Market);
        Assert.DoesNotContain("super-secret-app-secret", channel.ProtectedCredentials, StringComparison.Ordinal);
        Assert.Equal("super-secret-app-secret", app.Factory.Services.GetRequiredService<ChannelDirectory>().ReadCredentials(channel).WebhookSecret);
        var trail = await app.InScope(sp => sp.GetRequiredService<SalusDbContext>().Set<AuditEntry>().Where(a => a.EntityId == channel.Id.ToString()).Select(a => a.NewValues).ToListAsync());
        Assert.NotEmpty(trail);
        Assert.All(trail, t => Assert.DoesNotContain("super-secret", t ?? "", StringComparison.Ordinal));

        var tested = await SalusApp.PostFormAsync(admin, "/channels?handler=Test", new() { ["id"] = channel.Id.ToString() }, tokenFrom: "/channels");
        Assert.Equal(HttpStatusCode.Redirect, tested.StatusCode);
        Assert.Equal(ChannelHealth.Healthy, (await StateAsync(channel.Id)).Health);
        var list = await admin.GetStringAsync("/channels");
        Assert.Contains("Salus Demo Pharma", list, StringComparison.Ordinal); // the test's message names the account

        await SalusApp.PostFormAsync(admin, "/culture", new() { ["culture"] = "it", ["returnUrl"] = "/channels" }, tokenFrom: "/channels");
        try
        {
            var page = await admin.GetStringAsync($"/channels/edit/{channel.Id}");
            Assert.Contains("(salvato)", page, StringComparison.Ordinal);
            Assert.Contains("Credenziali", page, StringComparison.Ordinal);
            Assert.DoesNotContain("super-secret-app-secret", page, StringComparison.Ordinal);
        }
        finally
        {
            await SalusApp.PostFormAsync(admin, "/culture", new() { ["culture"] = "en", ["returnUrl"] = "/channels" }, tokenFrom: "/channels");
        }
    }
}

public sealed class PollingAndActionsTests_Sqlite(SqliteChannelsApp app) : PollingAndActionsTests(app), IClassFixture<SqliteChannelsApp>;

public sealed class PollingAndActionsTests_Postgres(PostgresChannelsApp app) : PollingAndActionsTests(app), IClassFixture<PostgresChannelsApp>;
