using Microsoft.Extensions.DependencyInjection;
using Salus.Modules.Policies.Contracts;
using Salus.Tests.Infrastructure;

namespace Salus.Tests.Modules.Policies;

/// <summary>Two nodes on one database and one Redis: a policy published on one is in force on the other at once.</summary>
public sealed class PolicyAnnouncementTests(PolicyAnnouncementTests.RedisNodeApp app) : IClassFixture<PolicyAnnouncementTests.RedisNodeApp>
{
    [SkippableFact]
    public async Task A_policy_published_on_one_node_is_in_force_on_the_other_without_waiting_for_the_periodic_reload()
    {
        var redis = TestRedis.Server;
        app.SkipIfUnavailable();
        await using var nodeB = new SalusFactory(app.Database, RedisNodeApp.NodeSettings(redis, app.Prefix));
        var rulesOnB = nodeB.Services.GetRequiredService<IActivePolicyRules>();
        var before = rulesOnB.ForMarket("IT")?.PolicyVersion; // node B has read what is published now, and will not reread for an hour
        await Task.Delay(300); // node B's subscription is set up in the background

        var published = await new PolicyApi(app).PublishedAsync();
        var label = published.GetProperty("label").GetString()!;
        Assert.NotEqual(label, before);

        string? onB = null;
        for (int i = 0; i < 100 && onB != label; i++)
        {
            await Task.Delay(100);
            onB = rulesOnB.ForMarket("IT")?.PolicyVersion;
        }

        Assert.Equal(label, onB);
    }

    /// <summary>Node A: the fixture's application, with Redis and an hour between periodic reloads.</summary>
    public sealed class RedisNodeApp : SqliteApp
    {
        public string Prefix { get; } = "salus-test-" + Guid.NewGuid().ToString("N") + ":";

        protected override IDictionary<string, string?> Settings =>
            Environment.GetEnvironmentVariable(TestRedis.Variable) is { Length: > 0 } redis ? NodeSettings(redis, Prefix) : new Dictionary<string, string?>();

        public static Dictionary<string, string?> NodeSettings(string redis, string prefix) => new()
        {
            ["Salus:Redis:Configuration"] = redis,
            ["Salus:Redis:Prefix"] = prefix,
            ["Salus:Policies:RefreshSeconds"] = "3600",
        };
    }
}
