using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Salus.Platform.Persistence;

namespace Salus.Platform.Jobs;

/// <summary>Enqueues, leases and settles durable jobs on SQLite (one node) or PostgreSQL (many nodes).</summary>
public sealed class JobQueue(SalusDbContext db, TimeProvider time, IOptions<JobsOptions> options)
{
    private readonly JobsOptions _options = options.Value;

    /// <summary>Adds a job to the context; it is committed with the caller's next save (outbox pattern).</summary>
    public Job Add(string type, string payload, DateTime? runAfterUtc = null, string? dedupKey = null, int maxAttempts = 8)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var job = new Job
        {
            Type = type, Payload = payload, DedupKey = dedupKey, MaxAttempts = maxAttempts,
            RunAfterUtc = runAfterUtc ?? now, CreatedUtc = now,
        };
        db.Jobs.Add(job);
        return job;
    }

    public async Task<Job> EnqueueAsync(string type, string payload, DateTime? runAfterUtc = null, string? dedupKey = null,
        CancellationToken cancellationToken = default)
    {
        if (dedupKey is not null)
        {
            var existing = await db.Jobs.FirstOrDefaultAsync(j => j.DedupKey == dedupKey, cancellationToken);
            if (existing is not null)
            {
                return existing;
            }
        }

        var job = Add(type, payload, runAfterUtc, dedupKey);
        await db.SaveChangesAsync(cancellationToken);
        return job;
    }

    /// <summary>Leases up to <paramref name="max"/> due jobs (pending, or running with an expired lease).</summary>
    public async Task<List<Job>> LeaseAsync(string owner, int max, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var until = now.AddSeconds(_options.LeaseSeconds);
        const string Due = """
            ("Status" = 'Pending' AND "RunAfterUtc" <= {0})
               OR ("Status" = 'Running' AND "LeaseExpiresUtc" < {0})
            """;
        // Several PostgreSQL nodes skip rows another node is leasing; SQLite has one writer and needs no lock clause.
        var skipLocked = db.Database.IsNpgsql() ? "FOR UPDATE SKIP LOCKED" : "";
        var sql = $$"""
            UPDATE "Jobs" SET "Status" = 'Running', "LeaseOwner" = {1}, "LeaseExpiresUtc" = {2}, "Attempts" = "Attempts" + 1
            WHERE "Id" IN (SELECT "Id" FROM "Jobs" WHERE {{Due}} ORDER BY "RunAfterUtc", "Id" LIMIT {3} {{skipLocked}})
            RETURNING *
            """;
        return await db.Jobs.FromSqlRaw(sql, now, owner, until, max).AsNoTracking().ToListAsync(cancellationToken);
    }

    public async Task CompleteAsync(Job job, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await db.Jobs.Where(j => j.Id == job.Id && j.LeaseOwner == job.LeaseOwner)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Succeeded)
                .SetProperty(j => j.CompletedUtc, now).SetProperty(j => j.LeaseExpiresUtc, (DateTime?)null)
                .SetProperty(j => j.LastError, (string?)null), cancellationToken);
    }

    /// <summary>Schedules a retry with exponential backoff, or dead-letters the job after its last attempt.</summary>
    public async Task FailAsync(Job job, string error, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var message = error.Length > 2000 ? error[..2000] : error;
        if (job.Attempts >= job.MaxAttempts)
        {
            await db.Jobs.Where(j => j.Id == job.Id && j.LeaseOwner == job.LeaseOwner)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.DeadLetter)
                    .SetProperty(j => j.LastError, message).SetProperty(j => j.LeaseExpiresUtc, (DateTime?)null)
                    .SetProperty(j => j.CompletedUtc, now), cancellationToken);
            return;
        }

        var delay = Backoff(job.Attempts);
        await db.Jobs.Where(j => j.Id == job.Id && j.LeaseOwner == job.LeaseOwner)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Pending)
                .SetProperty(j => j.LastError, message).SetProperty(j => j.LeaseExpiresUtc, (DateTime?)null)
                .SetProperty(j => j.RunAfterUtc, now + delay), cancellationToken);
    }

    /// <summary>Puts a dead-lettered job back in the queue with a fresh set of attempts.</summary>
    public async Task<bool> RetryAsync(long id, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var changed = await db.Jobs.Where(j => j.Id == id && j.Status == JobStatus.DeadLetter)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Pending).SetProperty(j => j.Attempts, 0)
                .SetProperty(j => j.RunAfterUtc, now).SetProperty(j => j.CompletedUtc, (DateTime?)null), cancellationToken);
        return changed == 1;
    }

    public TimeSpan Backoff(int attempts)
    {
        var seconds = Math.Min(_options.MaxBackoffSeconds, _options.BaseBackoffSeconds * Math.Pow(2, Math.Max(0, attempts - 1)));
        return TimeSpan.FromSeconds(seconds);
    }
}
