using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Salus.Modules.Channels;
using Salus.Modules.Channels.Connectors;
using Salus.Modules.Channels.Contracts;
using Salus.Modules.Channels.Domain;
using Salus.Modules.Channels.Ingest;
using Salus.Modules.Channels.Sandbox;
using Salus.Platform.Persistence;
using Salus.Tests.Infrastructure;

namespace Salus.Tests.Modules.Channels;

/// <summary>
/// Group commit of webhooks: a batch is held just before its COMMIT (<see cref="IngestProbe"/>) so that the next
/// deliveries queue up and are committed together; then duplicates, failures and back-pressure inside a batch.
/// </summary>
public abstract class GroupCommitTests(SalusApp app)
{
    private const string Secret = "group-commit-secret";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private IngestProbe Probe => app.Factory.Services.GetRequiredService<IngestProbe>();

    private WebhookIngestQueue Queue => app.Factory.Services.GetRequiredService<WebhookIngestQueue>();

    private WebhookBatchWriter Writer => app.Factory.Services.GetRequiredService<WebhookBatchWriter>();

    private static string Comment(string id, string text)
    {
        var now = DateTimeOffset.UtcNow;
        return SandboxMeta.FacebookCommentPayload(SandboxChannels.FacebookPageId, new SandboxComment
        {
            Platform = "facebook", Id = "1_" + id, ThreadId = $"{SandboxChannels.FacebookPageId}_1", AuthorId = "u" + id, AuthorName = "Persona",
            Text = text, CreatedAt = now, UpdatedAt = now,
        });
    }

    private static string EventId(string body) => WebhookSignatures.BodyEventId(Encoding.UTF8.GetBytes(body));

    private Task<Channel> ChannelAsync() => app.AddChannelAsync(ChannelKind.Facebook, ChannelTestKit.Base + "/graph/v19.0", SandboxChannels.FacebookPageId,
        new ChannelCredentials { WebhookSecret = Secret });

    private async Task<HttpResponseMessage> SendAsync(Channel channel, string body)
    {
        using var request = SandboxSigner.SignedRequest($"http://localhost/webhooks/channels/{channel.Id}", ChannelKind.Facebook, body, Secret);
        return await app.Anonymous().SendAsync(request);
    }

    private async Task WaitUntilQueuedAsync(int count)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (Queue.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Only {Queue.Count} of {count} deliveries queued.");
            await Task.Delay(10);
        }
    }

    /// <summary>Sends <paramref name="first"/> and holds its batch before COMMIT; returns its pending response.</summary>
    private async Task<Task<HttpResponseMessage>> HoldFirstBatchAsync(Channel channel, string first)
    {
        Probe.Arm();
        var response = SendAsync(channel, first);
        await Probe.Entered.WaitAsync(Patience);
        return response;
    }

    private Task<(List<string> Events, List<string> Jobs)> StoredAsync(Guid channelId) => app.InScope(async sp =>
    {
        var db = sp.GetRequiredService<SalusDbContext>();
        var events = await db.Set<RawEvent>().Where(e => e.ChannelId == channelId).Select(e => e.EventId).ToListAsync();
        var jobs = await db.Jobs.Where(j => j.Type == RawEventStore.ProcessJob && j.Payload.Contains(channelId.ToString())).Select(j => j.Payload).ToListAsync();
        return (events, jobs);
    });

    private static async Task<string> OkBodyAsync(Task<HttpResponseMessage> response)
    {
        using var message = await response;
        Assert.Equal(HttpStatusCode.OK, message.StatusCode);
        return await message.Content.ReadAsStringAsync();
    }

    [SkippableFact]
    public async Task Webhook_is_acknowledged_only_after_its_batch_commits()
    {
        app.SkipIfUnavailable();
        var channel = await ChannelAsync();
        var body = Comment("ack", "Ho avuto mal di testa dopo la seconda dose.");

        var response = await HoldFirstBatchAsync(channel, body);
        await Task.Delay(200); // give a premature 2xx every chance to show up
        Assert.False(response.IsCompleted, "The webhook was answered while its transaction had not committed.");

        Probe.Release();
        Assert.Contains("\"stored\":true", await OkBodyAsync(response), StringComparison.Ordinal);
        var (events, jobs) = await StoredAsync(channel.Id);
        Assert.Equal([EventId(body)], events);
        Assert.Single(jobs);
    }

    [SkippableFact]
    public async Task Duplicates_within_one_batch_are_stored_once_and_all_acknowledged()
    {
        app.SkipIfUnavailable();
        var channel = await ChannelAsync();
        var (a, b, c) = (Comment("a", "primo"), Comment("b", "secondo"), Comment("c", "terzo"));
        var first = await HoldFirstBatchAsync(channel, a);
        var batchesBefore = Writer.Batches;

        // b twice, c, and a again (already in the held batch): one batch behind the held one.
        var queued = new[] { SendAsync(channel, b), SendAsync(channel, b), SendAsync(channel, c), SendAsync(channel, a) };
        await WaitUntilQueuedAsync(4);
        Probe.Release();

        await OkBodyAsync(first);
        var answers = await Task.WhenAll(queued.Select(OkBodyAsync));
        Assert.Equal(2, Writer.Batches - batchesBefore); // the held batch, then the four together
        Assert.Single(answers[..2], x => x.Contains("\"stored\":true", StringComparison.Ordinal));
        Assert.Single(answers[..2], x => x.Contains("\"duplicate\":true", StringComparison.Ordinal));
        Assert.Contains("\"stored\":true", answers[2], StringComparison.Ordinal);
        Assert.Contains("\"duplicate\":true", answers[3], StringComparison.Ordinal);

        var (events, jobs) = await StoredAsync(channel.Id);
        Assert.Equal(new[] { EventId(a), EventId(b), EventId(c) }.Order(), events.Order());
        Assert.Equal(3, jobs.Count);
        Assert.All(events, id => Assert.Single(jobs, j => j.Contains(id, StringComparison.Ordinal)));
    }

    [SkippableFact]
    public async Task A_delivery_that_fails_to_store_does_not_fail_its_batch_mates()
    {
        app.SkipIfUnavailable();
        var channel = await ChannelAsync();
        var marker = "POISON-" + Guid.NewGuid().ToString("N");
        var (a, b, bad, c) = (Comment("pa", "uno"), Comment("pb", "due"), Comment("pp", marker), Comment("pc", "tre"));
        var first = await HoldFirstBatchAsync(channel, a);
        var fallbacksBefore = Writer.FallbackBatches;
        Probe.Poison = marker;
        try
        {
            var queued = new[] { SendAsync(channel, b), SendAsync(channel, bad), SendAsync(channel, c) };
            await WaitUntilQueuedAsync(3);
            Probe.Release();

            await OkBodyAsync(first);
            await OkBodyAsync(queued[0]);
            await OkBodyAsync(queued[2]);
            using var refused = await queued[1];
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.NotNull(refused.Headers.RetryAfter);
            Assert.Equal(1, Writer.FallbackBatches - fallbacksBefore);
            Assert.Equal(2, Probe.PoisonedInserts); // once in the batch, once alone
        }
        finally
        {
            Probe.Poison = null;
        }

        var (events, jobs) = await StoredAsync(channel.Id);
        Assert.Equal(new[] { EventId(a), EventId(b), EventId(c) }.Order(), events.Order());
        Assert.Equal(3, jobs.Count);
    }

    [SkippableFact]
    public async Task Another_node_storing_an_event_of_the_batch_first_makes_it_a_duplicate_and_the_rest_still_commit()
    {
        app.SkipIfUnavailable();
        var channel = await ChannelAsync();
        var (a, b, c) = (Comment("ra", "uno"), Comment("rb", "due"), Comment("rc", "tre"));
        var first = await HoldFirstBatchAsync(channel, a);
        var fallbacksBefore = Writer.FallbackBatches;
        var queued = new[] { SendAsync(channel, b), SendAsync(channel, c) };
        await WaitUntilQueuedAsync(2);

        // After the writer has looked up which ids exist, and before its transaction begins, "another node" stores b.
        Probe.BeforeNextTransaction(() => app.InScope(sp => sp.GetRequiredService<RawEventStore>()
            .StoreWebhookAsync(channel.Id, EventId(b), b, "application/json", CancellationToken.None)));
        Probe.Release();

        await OkBodyAsync(first);
        Assert.Contains("\"duplicate\":true", await OkBodyAsync(queued[0]), StringComparison.Ordinal);
        Assert.Contains("\"stored\":true", await OkBodyAsync(queued[1]), StringComparison.Ordinal);
        Assert.Equal(1, Writer.FallbackBatches - fallbacksBefore);
        var (events, jobs) = await StoredAsync(channel.Id);
        Assert.Equal(new[] { EventId(a), EventId(b), EventId(c) }.Order(), events.Order());
        Assert.Equal(3, jobs.Count);
    }

    [SkippableFact]
    public async Task A_full_ingest_queue_answers_503_with_retry_after_and_stores_nothing_of_that_delivery()
    {
        app.SkipIfUnavailable();
        var channel = await ChannelAsync();
        var first = await HoldFirstBatchAsync(channel, Comment("q0", "zero"));
        var bodies = Enumerable.Range(1, GroupCommitFixture.QueueCapacity).Select(i => Comment("q" + i, "coda " + i)).ToList();
        var queued = bodies.Select(body => SendAsync(channel, body)).ToList();
        await WaitUntilQueuedAsync(GroupCommitFixture.QueueCapacity);

        var overflow = Comment("q-over", "troppo");
        using (var refused = await SendAsync(channel, overflow))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(7), refused.Headers.RetryAfter?.Delta);
        }

        Probe.Release();
        await OkBodyAsync(first);
        foreach (var response in queued)
        {
            await OkBodyAsync(response);
        }

        var (events, _) = await StoredAsync(channel.Id);
        Assert.Equal(GroupCommitFixture.QueueCapacity + 1, events.Count);
        Assert.DoesNotContain(EventId(overflow), events);

        // Once the queue has room the platform's retry is accepted.
        Assert.Contains("\"stored\":true", await OkBodyAsync(SendAsync(channel, overflow)), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Stopping_the_writer_commits_what_is_queued_and_refuses_later_deliveries()
    {
        app.SkipIfUnavailable();
        var channel = await ChannelAsync();
        var options = Options.Create(new ChannelsOptions { IngestQueueCapacity = 16 });
        var queue = new WebhookIngestQueue(options);
        using var writer = new WebhookBatchWriter(queue, app.Factory.Services.GetRequiredService<IServiceScopeFactory>(), options, NullLogger<WebhookBatchWriter>.Instance);
        var bodies = Enumerable.Range(0, 5).Select(i => Comment("s" + i, "in coda " + i)).ToList();
        var committed = bodies.Select(body =>
        {
            Assert.Equal(EnqueueRefusal.None, queue.TryEnqueue(new WebhookDelivery(channel.Id, EventId(body), body, "application/json"), out var done));
            return done;
        }).ToList();

        await writer.StartAsync(CancellationToken.None);
        await writer.StopAsync(CancellationToken.None); // the host is stopping while five deliveries wait

        Assert.All(await Task.WhenAll(committed), outcome => Assert.Equal(StoreOutcome.Stored, outcome));
        var late = Comment("late", "tardi");
        Assert.Equal(EnqueueRefusal.ShuttingDown, queue.TryEnqueue(new WebhookDelivery(channel.Id, EventId(late), late, "application/json"), out _));
        var (events, jobs) = await StoredAsync(channel.Id);
        Assert.Equal(bodies.Select(EventId).Order(), events.Order());
        Assert.Equal(5, jobs.Count);
    }
}

public sealed class GroupCommitTests_Sqlite(SqliteGroupCommitApp app) : GroupCommitTests(app), IClassFixture<SqliteGroupCommitApp>;

public sealed class GroupCommitTests_Postgres(PostgresGroupCommitApp app) : GroupCommitTests(app), IClassFixture<PostgresGroupCommitApp>;
