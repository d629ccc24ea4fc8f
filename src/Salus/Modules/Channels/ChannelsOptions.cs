using System.ComponentModel.DataAnnotations;

namespace Salus.Modules.Channels;

/// <summary>Settings of the Channels module (<c>Salus:Channels</c>), validated at start.</summary>
public sealed class ChannelsOptions
{
    public const string Section = "Salus:Channels";

    /// <summary>Largest webhook body accepted; larger ones get 413 and are not stored.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxWebhookBytes { get; set; } = 1024 * 1024;

    /// <summary>A signed payload whose own timestamp is older than this is a replay: 401, not stored.</summary>
    [Range(1, 24 * 365 * 5)]
    public int MaxEventAgeHours { get; set; } = 48;

    /// <summary>Most webhook deliveries committed in one transaction (group commit).</summary>
    [Range(1, 10_000)]
    public int IngestMaxBatch { get; set; } = 256;

    /// <summary>Verified deliveries waiting for the writer; beyond this the platform gets 503 + Retry-After.</summary>
    [Range(1, 1_000_000)]
    public int IngestQueueCapacity { get; set; } = 4096;

    /// <summary>Bytes of queued bodies (UTF-16 in memory) beyond which the platform gets 503 + Retry-After.</summary>
    [Range(typeof(long), "1048576", "1099511627776")]
    public long IngestQueueMaxBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Retry-After (seconds) sent with a 503 from the webhook endpoint.</summary>
    [Range(1, 3600)]
    public int IngestRetryAfterSeconds { get; set; } = 5;

    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    [Range(1, 60_000)]
    public int RetryBaseDelayMilliseconds { get; set; } = 500;

    /// <summary>A rate limit resetting sooner than this is waited out inside the call; a later one reschedules the poll.</summary>
    [Range(0, 900)]
    public int MaxInlineRateLimitWaitSeconds { get; set; } = 20;

    [Range(1, 600)]
    public int RequestTimeoutSeconds { get; set; } = 30;

    /// <summary>Most pages read in one poll; the cursor keeps the rest for the next poll.</summary>
    [Range(1, 1000)]
    public int MaxPagesPerPoll { get; set; } = 20;

    /// <summary>Run the background service that enqueues poll jobs when channels are due.</summary>
    public bool RunPollScheduler { get; set; } = true;

    [Range(1, 3600)]
    public int SchedulerIntervalSeconds { get; set; } = 5;

    /// <summary>Channels failing this many times in a row are marked broken (banner + audited event).</summary>
    [Range(1, 100)]
    public int FailuresBeforeBroken { get; set; } = 1;

    /// <summary>Run the live streams of channels set to stream (Mastodon). Polling keeps running as the fallback.</summary>
    public bool RunStreaming { get; set; } = true;

    /// <summary>Seconds between checks for channels whose stream must start, restart (edited) or stop.</summary>
    [Range(1, 3600)]
    public int StreamSupervisorIntervalSeconds { get; set; } = 30;

    /// <summary>First reconnect delay after a dropped or refused stream; doubles per failure (with jitter) up to the maximum.</summary>
    [Range(1, 600)]
    public int StreamReconnectMinSeconds { get; set; } = 1;

    [Range(1, 3600)]
    public int StreamReconnectMaxSeconds { get; set; } = 300;

    /// <summary>A stream silent this long (not even a heartbeat; Mastodon sends one every 15 s) is dropped and reconnected.</summary>
    [Range(5, 3600)]
    public int StreamIdleTimeoutSeconds { get; set; } = 60;

    /// <summary>
    /// Catch-up of edits and deletions (Mastodon): statuses stored for the channel within this many hours are looked up
    /// again on every stream (re)connect and periodically, so changes made while nothing was listening are applied.
    /// </summary>
    [Range(1, 24 * 30)]
    public int StatusRecheckWindowHours { get; set; } = 48;

    /// <summary>Most statuses one catch-up looks up (newest first), in batches of the platform's limit (Mastodon: 20). 0 turns the catch-up off.</summary>
    [Range(0, 5000)]
    public int StatusRecheckMaxStatuses { get; set; } = 200;

    /// <summary>Minutes between catch-ups run from the regular poll (the safety net besides reconnects); 0: on reconnect only.</summary>
    [Range(0, 7 * 24 * 60)]
    public int StatusRecheckIntervalMinutes { get; set; } = 60;

    /// <summary>
    /// Least seconds between two catch-ups of one stream: a flapping connection gets one look-up per gap (a reconnect
    /// inside it is covered by the look-up scheduled at the gap's end), not one per reconnect. 0: every reconnect.
    /// </summary>
    [Range(0, 24 * 3600)]
    public int StatusRecheckMinGapSeconds { get; set; } = 300;

    /// <summary>
    /// Requests of the platform's rate-limit window (Mastodon's <c>X-RateLimit-Remaining</c>) the catch-up leaves to
    /// polls and replies: when fewer remain it stops and resumes after <c>X-RateLimit-Reset</c>.
    /// </summary>
    [Range(0, 10_000)]
    public int StatusRecheckRateLimitReserve { get; set; } = 30;

    public SandboxOptions Sandbox { get; set; } = new();
}

public sealed class SandboxOptions
{
    /// <summary>Map the fake platforms under <c>/sandbox/...</c>. Also on with <c>--demo</c>.</summary>
    public bool Enabled { get; set; }

    /// <summary>In demo mode, create sandbox channels and let scripted comments arrive.</summary>
    public bool DemoTraffic { get; set; } = true;

    /// <summary>Seconds between scripted demo comments.</summary>
    [Range(1, 3600)]
    public int DemoIntervalSeconds { get; set; } = 20;

    /// <summary>Where this server is reachable by itself (the sandbox platforms call the webhooks here). Default: the first listening address.</summary>
    public string? SelfBaseUrl { get; set; }
}
