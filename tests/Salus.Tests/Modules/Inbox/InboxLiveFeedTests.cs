using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Salus.Modules.Inbox;
using Salus.Modules.Inbox.Features.Live;

namespace Salus.Tests.Modules.Inbox;

/// <summary>Live updates reach subscribers on this node, and through Redis the subscribers of another node.</summary>
public sealed class InboxLiveFeedTests
{
    [Fact]
    public async Task An_update_reaches_every_subscriber_of_the_node()
    {
        using var feed = new InboxLiveFeed(Options.Create(new InboxOptions()), NullLogger<InboxLiveFeed>.Instance);
        using var a = feed.Subscribe();
        using var b = feed.Subscribe();
        feed.Publish(new InboxUpdate("item", Guid.NewGuid(), "new"));
        Assert.Equal("item", (await a.Reader.ReadAsync()).Kind);
        Assert.Equal("item", (await b.Reader.ReadAsync()).Kind);
    }

    [SkippableFact]
    public async Task With_redis_an_update_published_on_one_node_reaches_the_browsers_of_another()
    {
        var redis = Environment.GetEnvironmentVariable("SALUS_TEST_REDIS");
        Skip.If(string.IsNullOrWhiteSpace(redis), "Set SALUS_TEST_REDIS (e.g. 127.0.0.1:6379) to run the multi-node live-update test.");
        var options = Options.Create(new InboxOptions { Redis = redis, RedisChannel = "salus:test:" + Guid.NewGuid().ToString("N") });
        using var nodeA = new InboxLiveFeed(options, NullLogger<InboxLiveFeed>.Instance);
        using var nodeB = new InboxLiveFeed(options, NullLogger<InboxLiveFeed>.Instance);
        using var browserOnB = nodeB.Subscribe();
        var conversation = Guid.NewGuid();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        InboxUpdate? received = null;
        while (received is null)
        {
            // The subscription of node B may still be registering with Redis: publish again until it hears.
            nodeA.Publish(new InboxUpdate("crisis-page", conversation, "page"));
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
            wait.CancelAfter(TimeSpan.FromMilliseconds(500));
            try
            {
                received = await browserOnB.Reader.ReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!timeout.IsCancellationRequested)
            {
            }
        }

        Assert.Equal(conversation, received.ConversationId);
        Assert.Equal("crisis-page", received.Kind);
    }
}
