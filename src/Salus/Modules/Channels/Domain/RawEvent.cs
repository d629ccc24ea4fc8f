using Salus.Platform.Audit;

namespace Salus.Modules.Channels.Domain;

public enum RawEventSource
{
    Webhook,
    Poll,

    /// <summary>Pushed over a platform's streaming API (Mastodon server-sent events).</summary>
    Stream,
}

/// <summary>
/// A platform payload exactly as received, committed before the platform gets its 2xx. Unique on
/// (<see cref="ChannelId"/>, <see cref="EventId"/>): a redelivery finds the row and is acknowledged without a second copy.
/// Infrastructure like the job queue: not audited row by row.
/// </summary>
[NotAudited]
public sealed class RawEvent
{
    public long Id { get; set; }

    public Guid ChannelId { get; set; }

    /// <summary>The platform's id of the delivery or item version; for webhooks without one, <c>sha256:</c> of the body.</summary>
    public string EventId { get; set; } = "";

    public RawEventSource Source { get; set; }

    public string ContentType { get; set; } = "application/json";

    public string Body { get; set; } = "";

    public DateTime ReceivedUtc { get; set; }

    public DateTime? ProcessedUtc { get; set; }

    public int? ItemCount { get; set; }
}
