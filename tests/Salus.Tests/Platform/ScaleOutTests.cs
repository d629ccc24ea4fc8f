using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Salus.Platform.Persistence;
using Salus.Tests.Infrastructure;

namespace Salus.Tests.Platform;

/// <summary>Two Salus nodes on one database and one Redis behave as one site.</summary>
public sealed class ScaleOutTests
{
    [SkippableFact]
    public async Task Two_nodes_sharing_redis_count_one_rate_limit_window_per_client()
    {
        var redis = TestRedis.Server;
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var settings = new Dictionary<string, string?>
        {
            ["Salus:Redis:Configuration"] = redis,
            ["Salus:Redis:Prefix"] = "salus-test-" + Guid.NewGuid().ToString("N"),
            ["Salus:Security:RequestsPerMinute"] = "6",
        };
        await using var nodeA = new SalusFactory(database, settings);
        await nodeA.InitialiseAsync();
        await using var nodeB = new SalusFactory(database, settings);
        var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false };
        var a = nodeA.CreateClient(options);
        var b = nodeB.CreateClient(options);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await a.GetAsync("/account/login")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await b.GetAsync("/account/login")).StatusCode);
        }

        // Each node alone has seen 3 of 6; together the client has used its minute.
        var refused = await b.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await a.GetAsync("/account/login")).StatusCode);
    }

    [SkippableFact]
    public async Task Readiness_reports_redis()
    {
        var redis = TestRedis.Server;
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var node = new SalusFactory(database, new Dictionary<string, string?> { ["Salus:Redis:Configuration"] = redis });
        await node.InitialiseAsync();
        Assert.Equal(HttpStatusCode.OK, (await node.CreateClient().GetAsync("/health/ready")).StatusCode);

        await using var unreachable = new SalusFactory(database, new Dictionary<string, string?>
        {
            ["Salus:Redis:Configuration"] = "127.0.0.1:1,connectTimeout=200",
        });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await unreachable.CreateClient().GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task A_malformed_redis_configuration_stops_start_up_by_name()
    {
        var error = new StringWriter();
        var folder = Path.Combine(Path.GetTempPath(), "salus-tests", Guid.NewGuid().ToString("N"));
        var exit = await Salus.Cli.SalusCli.RunAsync(
            ["db", "migrate", "--data", folder, "--set", "Salus:Redis:Configuration=localhost,nosuchkeyword=1"], new StringWriter(), error);
        Assert.Equal(2, exit);
        Assert.Contains("Salus:Redis:Configuration", error.ToString(), StringComparison.Ordinal);
    }
}
