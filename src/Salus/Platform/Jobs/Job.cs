using Salus.Platform.Audit;

namespace Salus.Platform.Jobs;

public enum JobStatus
{
    Pending,
    Running,
    Succeeded,
    DeadLetter,
}

/// <summary>
/// A unit of durable work (the outbox). A worker leases it for a while; if the worker dies the lease expires
/// and another takes it. Failures retry with exponential backoff until <see cref="MaxAttempts"/>, then the job
/// rests in the dead-letter state for an administrator.
/// </summary>
[NotAudited]
public sealed class Job
{
    public long Id { get; set; }

    /// <summary>Handler name, e.g. <c>webhook.process</c>.</summary>
    public string Type { get; set; } = "";

    /// <summary>JSON payload understood by the handler.</summary>
    public string Payload { get; set; } = "{}";

    /// <summary>Optional de-duplication key: enqueueing the same key twice creates one job.</summary>
    public string? DedupKey { get; set; }

    public JobStatus Status { get; set; } = JobStatus.Pending;

    public int Attempts { get; set; }

    public int MaxAttempts { get; set; } = 8;

    public DateTime RunAfterUtc { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTime? LeaseExpiresUtc { get; set; }

    public string? LastError { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? CompletedUtc { get; set; }
}
