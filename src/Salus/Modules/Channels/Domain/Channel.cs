using Salus.Modules.Channels.Contracts;
using Salus.Platform.Audit;

namespace Salus.Modules.Channels.Domain;

/// <summary>
/// A connected account on a platform (a Facebook Page, an X account, a YouTube channel, a blog...). Its configuration
/// is audited; secrets live only in <see cref="ProtectedCredentials"/>, encrypted with the SecretProtector.
/// Health and cursors, which change on every poll, live in <see cref="ChannelState"/> so they do not flood the trail.
/// </summary>
public sealed class Channel
{
    public Guid Id { get; set; }

    public ChannelKind Kind { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Market the channel serves (IT, US, EU...), carried on every inbound item.</summary>
    public string Market { get; set; } = "IT";

    public bool Enabled { get; set; } = true;

    /// <summary>Base address of the platform API (e.g. https://graph.facebook.com/v19.0, or the sandbox).</summary>
    public string ApiBaseUrl { get; set; } = "";

    /// <summary>The account on the platform: page id, IG user id, X user id, YouTube channel id, organization URN, feed URL...</summary>
    public string AccountId { get; set; } = "";

    /// <summary>Seconds between polls for polling connectors.</summary>
    public int PollIntervalSeconds { get; set; } = 60;

    /// <summary>
    /// Receive events live over the platform's streaming API (Mastodon's user stream). Polling stays on as the
    /// fallback and runs once from the stored cursor after every (re)connect, so nothing sent while disconnected is missed.
    /// </summary>
    public bool Streaming { get; set; }

    /// <summary>
    /// The medicine or brand the account is about (a brand page "Tachipirina Italia" → "Tachipirina"), or null. Inbound items
    /// are screened as being about it, so a reaction told there without naming the medicine is still an adverse event.
    /// </summary>
    public string? Product { get; set; }

    /// <summary>Encrypted JSON of <see cref="ChannelCredentials"/>.</summary>
    [AuditRedact]
    public string ProtectedCredentials { get; set; } = "";

    /// <summary>When the access token stops working (from the platform or typed by the administrator).</summary>
    public DateTime? TokenExpiresUtc { get; set; }

    /// <summary>Created by the sandbox (demo mode): points at /sandbox/... on this server.</summary>
    public bool IsSandbox { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }
}

/// <summary>Secrets of a channel; which fields matter depends on the platform.</summary>
public sealed record ChannelCredentials
{
    /// <summary>Bearer / page / user access token used to call the platform.</summary>
    public string? AccessToken { get; init; }

    /// <summary>Meta app secret, X consumer secret, LinkedIn client secret or WebSub hub secret: the webhook HMAC key.</summary>
    public string? WebhookSecret { get; init; }

    /// <summary>Meta's hub.verify_token chosen when subscribing.</summary>
    public string? VerifyToken { get; init; }

    /// <summary>WordPress user (Application Passwords, HTTP Basic).</summary>
    public string? Username { get; init; }

    public string? Password { get; init; }
}

public enum ChannelHealth
{
    Unknown,
    Healthy,
    Failing,
}

/// <summary>Operational state of a channel (not audited: it changes on every poll); transitions are audited as events.</summary>
[NotAudited]
public sealed class ChannelState
{
    public Guid ChannelId { get; set; }

    public ChannelHealth Health { get; set; }

    public DateTime? LastSuccessUtc { get; set; }

    public DateTime? LastErrorUtc { get; set; }

    public string? LastError { get; set; }

    public int ConsecutiveFailures { get; set; }

    /// <summary>Where polling resumes (platform-specific: since_id, newest timestamp...).</summary>
    public string? PollCursor { get; set; }

    public DateTime? NextPollUtc { get; set; }

    public DateTime? LastWebhookUtc { get; set; }

    /// <summary>Since when the live stream is connected; null while it is not (or the channel does not stream).</summary>
    public DateTime? StreamConnectedUtc { get; set; }

    /// <summary>Optimistic concurrency: two nodes must not move the cursor from the same starting point.</summary>
    public long Version { get; set; }
}
