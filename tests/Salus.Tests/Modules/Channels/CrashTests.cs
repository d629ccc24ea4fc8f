using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salus.Modules.Channels.Connectors;
using Salus.Modules.Channels.Contracts;
using Salus.Modules.Channels.Domain;
using Salus.Modules.Channels.Sandbox;
using Salus.Platform.Persistence;
using Salus.Tests.Infrastructure;

namespace Salus.Tests.Modules.Channels;

/// <summary>
/// Starts the real <c>salus serve</c>, fires thousands of signed Facebook webhooks concurrently, kills the process with
/// SIGKILL at random moments, restarts it, re-sends what was not acknowledged (as a platform does), and proves that every
/// acknowledged (2xx) delivery is stored exactly once, each with exactly one processing job. With group commit, 64
/// senders keep batches of many deliveries in flight, so the kills land inside batch commits; one send in ten is a
/// redelivery of an event already acknowledged, so batches also hold duplicates when the process dies.
/// </summary>
public abstract class CrashTests(DatabaseProvider provider)
{
    private const int Events = 2000;
    private const int Kills = 5;
    private const int Senders = 64;
    private const string Secret = "crash-test-app-secret";

    [SkippableFact]
    public async Task Every_acknowledged_webhook_survives_kill_9_exactly_once()
    {
        TestDatabase.SkipUnlessAvailable(provider);
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid channelId;
        var settings = new Dictionary<string, string?> { ["Salus:Bootstrap:Demo"] = "false" };
        await using (var factory = new SalusFactory(database, settings))
        {
            await factory.InitialiseAsync();
            channelId = await factory.InScopeAsync(async sp =>
            {
                var directory = sp.GetRequiredService<Salus.Modules.Channels.Ingest.ChannelDirectory>();
                var channel = new Channel
                {
                    Id = Guid.NewGuid(), Kind = ChannelKind.Facebook, Name = "crash", Market = "IT", ApiBaseUrl = "http://127.0.0.1:9/graph",
                    AccountId = SandboxChannels.FacebookPageId, ProtectedCredentials = directory.ProtectCredentials(new ChannelCredentials { WebhookSecret = Secret }),
                };
                var db = sp.GetRequiredService<SalusDbContext>();
                db.Set<Channel>().Add(channel);
                await db.SaveChangesAsync();
                return channel.Id;
            });
        }

        var environment = new Dictionary<string, string>
        {
            ["Salus__DataFolder"] = database.DataFolder,
            ["Salus__Database__Provider"] = provider.ToString(),
            ["Salus__Jobs__RunWorker"] = "false",
            ["Salus__Channels__RunPollScheduler"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        if (database.ConnectionString is not null)
        {
            environment["Salus__Database__ConnectionString"] = database.ConnectionString;
        }

        var bodies = Enumerable.Range(0, Events).Select(i =>
        {
            var now = DateTimeOffset.UtcNow;
            var comment = new SandboxComment
            {
                Platform = "facebook", Id = $"139560936744456_{i:D8}", ThreadId = $"{SandboxChannels.FacebookPageId}_139560936744456",
                AuthorId = "u" + i, AuthorName = "Persona " + i, Text = $"commento {i}", CreatedAt = now, UpdatedAt = now,
            };
            return SandboxMeta.FacebookCommentPayload(SandboxChannels.FacebookPageId, comment);
        }).ToArray();
        var acknowledged = new ConcurrentDictionary<int, string>();
        var random = new Random(20261202);
        var port = SalusProcess.FreePort();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        for (var round = 0; round <= Kills && acknowledged.Count < Events; round++)
        {
            using var server = await SalusProcess.StartAsync(environment, port, TimeSpan.FromSeconds(90));
            var url = $"{server.BaseUrl}/webhooks/channels/{channelId}";
            using var stop = new CancellationTokenSource();
            if (round < Kills)
            {
                _ = Task.Delay(random.Next(200, 1500)).ContinueWith(_ => { server.KillHard(); stop.Cancel(); }, TaskScheduler.Default);
            }

            var pending = new ConcurrentQueue<int>(Enumerable.Range(0, Events).Where(i => !acknowledged.ContainsKey(i)).OrderBy(_ => random.Next()));
            var done = acknowledged.Keys.ToArray();
            var redeliveries = new ConcurrentQueue<int>(done.OrderBy(_ => random.Next()).Take(Math.Min(done.Length, pending.Count / 10)));
            await Task.WhenAll(Enumerable.Range(0, Senders).Select(async sender =>
            {
                while (!stop.IsCancellationRequested && ((sender % 10 == 0 && redeliveries.TryDequeue(out var i)) || pending.TryDequeue(out i)))
                {
                    try
                    {
                        using var request = SandboxSigner.SignedRequest(url, ChannelKind.Facebook, bodies[i], Secret);
                        using var response = await client.SendAsync(request, stop.Token);
                        if (response.IsSuccessStatusCode)
                        {
                            acknowledged[i] = WebhookSignatures.BodyEventId(System.Text.Encoding.UTF8.GetBytes(bodies[i]));
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or OperationCanceledException)
                    {
                        // Not acknowledged: the platform will deliver it again in the next round.
                    }
                }
            }));

            if (round < Kills)
            {
                server.KillHard(); // if the killer has not fired yet, this round simply ends in a kill now
            }
        }

        Assert.Equal(Events, acknowledged.Count);
        await using var verify = new SalusFactory(database, settings);
        var (rows, jobs) = await verify.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SalusDbContext>();
            var stored = await db.Set<RawEvent>().Where(e => e.ChannelId == channelId).Select(e => e.EventId).ToListAsync();
            var processJobs = await db.Jobs.Where(j => j.Type == "channels.process").Select(j => j.Payload).ToListAsync();
            return (stored, processJobs);
        });
        var counts = rows.GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(acknowledged.Values, id => Assert.Equal(1, counts.GetValueOrDefault(id)));
        Assert.Equal(rows.Count, rows.Distinct().Count());
        Assert.Equal(rows.Count, jobs.Count); // one processing job per stored event, committed together
        Assert.All(rows, id => Assert.Single(jobs, j => j.Contains(id, StringComparison.Ordinal)));
    }
}

public sealed class CrashTests_Sqlite() : CrashTests(DatabaseProvider.Sqlite);

public sealed class CrashTests_Postgres() : CrashTests(DatabaseProvider.Postgres);
