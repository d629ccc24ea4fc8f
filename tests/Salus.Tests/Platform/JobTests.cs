using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salus.Platform.Jobs;
using Salus.Platform.Persistence;
using Salus.Tests.Infrastructure;

namespace Salus.Tests.Platform;

/// <summary>Fails the first <c>failures</c> runs of each job, then records the run.</summary>
public sealed class FlakyHandler : IJobHandler
{
    /// <summary>Runs per job, keyed by the payload's unique key (ids repeat across the SQLite and PostgreSQL fixtures).</summary>
    public static readonly ConcurrentDictionary<string, int> Runs = new();

    public static string KeyOf(Job job) => JsonDocument.Parse(job.Payload).RootElement.GetProperty("key").GetString()!;

    public Task HandleAsync(Job job, CancellationToken cancellationToken)
    {
        var failures = JsonDocument.Parse(job.Payload).RootElement.GetProperty("failures").GetInt32();
        var run = Runs.AddOrUpdate(KeyOf(job), 1, (_, n) => n + 1);
        if (run <= failures)
        {
            throw new InvalidOperationException($"planned failure {run}");
        }

        return Task.CompletedTask;
    }
}

public sealed class SqliteJobsApp : SqliteApp
{
    protected override void ConfigureServices(IServiceCollection services) => services.AddJobHandler<FlakyHandler>("test.flaky");
}

public sealed class PostgresJobsApp : PostgresApp
{
    protected override void ConfigureServices(IServiceCollection services) => services.AddJobHandler<FlakyHandler>("test.flaky");
}

public abstract class JobTests(SalusApp app)
{
    [SkippableFact]
    public async Task A_job_runs_once_and_succeeds()
    {
        app.SkipIfUnavailable();
        var job = await EnqueueAsync(failures: 0);
        Assert.True(await RunWorkerAsync() >= 1);
        var stored = await LoadAsync(job.Id);
        Assert.Equal(JobStatus.Succeeded, stored.Status);
        await RunWorkerAsync();
        Assert.Equal(1, FlakyHandler.Runs[FlakyHandler.KeyOf(job)]);
    }

    [SkippableFact]
    public async Task A_failing_job_retries_with_growing_backoff_then_dead_letters_and_can_be_retried()
    {
        app.SkipIfUnavailable();
        var job = await EnqueueAsync(failures: 100, maxAttempts: 3);
        var clock = app.Factory.Clock;

        await RunWorkerAsync();
        var first = await LoadAsync(job.Id);
        Assert.Equal(JobStatus.Pending, first.Status);
        Assert.Contains("planned failure 1", first.LastError, StringComparison.Ordinal);
        var firstDelay = first.RunAfterUtc - clock.GetUtcNow().UtcDateTime;

        await RunWorkerAsync(); // not due yet
        Assert.Equal(1, FlakyHandler.Runs[FlakyHandler.KeyOf(job)]);
        clock.Advance(firstDelay + TimeSpan.FromSeconds(1));
        await RunWorkerAsync();
        Assert.Equal(2, FlakyHandler.Runs[FlakyHandler.KeyOf(job)]);
        var second = await LoadAsync(job.Id);
        var secondDelay = second.RunAfterUtc - clock.GetUtcNow().UtcDateTime;
        Assert.True(secondDelay > firstDelay, $"backoff should grow: {firstDelay} then {secondDelay}");

        clock.Advance(secondDelay + TimeSpan.FromSeconds(1));
        await RunWorkerAsync();
        var dead = await LoadAsync(job.Id);
        Assert.Equal(JobStatus.DeadLetter, dead.Status);
        Assert.Equal(3, dead.Attempts);

        // An administrator sees it and puts it back.
        var admin = await app.SignInAsync(Demo.Admin);
        var list = await admin.GetStringAsync("/api/admin/jobs?status=deadletter");
        Assert.Contains($"\"id\":{job.Id}", list, StringComparison.Ordinal);
        var retry = await admin.PostAsync($"/api/admin/jobs/{job.Id}/retry", null);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, retry.StatusCode);
        Assert.Equal(JobStatus.Pending, (await LoadAsync(job.Id)).Status);
        await app.Factory.InScopeAsync(sp => sp.GetRequiredService<SalusDbContext>().Jobs.Where(j => j.Id == job.Id).ExecuteDeleteAsync());
    }

    [SkippableFact]
    public async Task A_lease_abandoned_by_a_crashed_worker_is_taken_over_after_it_expires()
    {
        app.SkipIfUnavailable();
        var job = await EnqueueAsync(failures: 0);
        var leased = await app.Factory.InScopeAsync(sp => sp.GetRequiredService<JobQueue>().LeaseAsync("crashed-node", 10));
        Assert.Contains(leased, j => j.Id == job.Id);

        await RunWorkerAsync(); // still leased by the crashed node
        Assert.False(FlakyHandler.Runs.ContainsKey(FlakyHandler.KeyOf(job)));
        Assert.Equal(JobStatus.Running, (await LoadAsync(job.Id)).Status);
        app.Factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await RunWorkerAsync();
        Assert.Equal(JobStatus.Succeeded, (await LoadAsync(job.Id)).Status);
    }

    [SkippableFact]
    public async Task Concurrent_workers_never_lease_the_same_job_twice()
    {
        app.SkipIfUnavailable();
        var ids = new List<long>();
        for (var i = 0; i < 40; i++)
        {
            ids.Add((await EnqueueAsync(failures: 0)).Id);
        }

        var batches = await Task.WhenAll(Enumerable.Range(0, 4).Select(n =>
            app.Factory.InScopeAsync(sp => sp.GetRequiredService<JobQueue>().LeaseAsync($"node-{n}", 15))));
        var leased = batches.SelectMany(b => b).Select(j => j.Id).Where(ids.Contains).ToList();
        Assert.Equal(leased.Count, leased.Distinct().Count());
        Assert.Equal(40, leased.Count);
        await app.Factory.InScopeAsync(sp => sp.GetRequiredService<SalusDbContext>().Jobs.Where(j => ids.Contains(j.Id)).ExecuteDeleteAsync());
    }

    [SkippableFact]
    public async Task The_same_dedup_key_enqueues_one_job()
    {
        app.SkipIfUnavailable();
        var key = "webhook:" + Guid.NewGuid();
        var a = await app.Factory.InScopeAsync(sp => sp.GetRequiredService<JobQueue>().EnqueueAsync("test.flaky", $"{{\"failures\":0,\"key\":\"{key}\"}}", dedupKey: key));
        var b = await app.Factory.InScopeAsync(sp => sp.GetRequiredService<JobQueue>().EnqueueAsync("test.flaky", $"{{\"failures\":0,\"key\":\"{key}\"}}", dedupKey: key));
        Assert.Equal(a.Id, b.Id);
        await RunWorkerAsync();
    }

    private Task<Job> EnqueueAsync(int failures, int maxAttempts = 8) =>
        app.Factory.InScopeAsync(async sp =>
        {
            var queue = sp.GetRequiredService<JobQueue>();
            var job = queue.Add("test.flaky", JsonSerializer.Serialize(new { failures, key = Guid.NewGuid().ToString("N") }), maxAttempts: maxAttempts);
            await sp.GetRequiredService<SalusDbContext>().SaveChangesAsync();
            return job;
        });

    [SkippableFact]
    public async Task A_worker_with_parallelism_runs_every_job_of_its_batch_exactly_once()
    {
        app.SkipIfUnavailable();
        var jobs = new List<Job>();
        for (var i = 0; i < 12; i++)
        {
            jobs.Add(await EnqueueAsync(failures: 0));
        }

        var options = Microsoft.Extensions.Options.Options.Create(new JobsOptions { Parallelism = 4, BatchSize = 50 });
        var worker = new JobWorker(app.Factory.Services.GetRequiredService<IServiceScopeFactory>(), options, app.Factory.Clock,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<JobWorker>.Instance);
        while (await worker.RunOnceAsync(CancellationToken.None) > 0)
        {
        }

        foreach (var job in jobs)
        {
            Assert.Equal(JobStatus.Succeeded, (await LoadAsync(job.Id)).Status);
            Assert.Equal(1, FlakyHandler.Runs[FlakyHandler.KeyOf(job)]);
        }
    }

    private Task<Job> LoadAsync(long id) =>
        app.Factory.InScopeAsync(sp => sp.GetRequiredService<SalusDbContext>().Jobs.AsNoTracking().SingleAsync(j => j.Id == id));

    private Task<int> RunWorkerAsync() =>
        app.Factory.Services.GetRequiredService<JobWorker>().RunOnceAsync(CancellationToken.None);
}

public sealed class JobTests_Sqlite(SqliteJobsApp app) : JobTests(app), IClassFixture<SqliteJobsApp>;

public sealed class JobTests_Postgres(PostgresJobsApp app) : JobTests(app), IClassFixture<PostgresJobsApp>;
