using Salus.Platform.Results;

namespace Salus.Modules.Channels.Connectors;

/// <summary>One event read from a server-sent events stream; comment lines (heartbeats such as <c>:thump</c>) come as <see cref="IsHeartbeat"/>.</summary>
public sealed record ServerSentEvent(string Name, string Data)
{
    public static ServerSentEvent Heartbeat { get; } = new("", "");

    public bool IsHeartbeat => Name.Length == 0 && Data.Length == 0;
}

/// <summary>
/// A streamed event worth storing: its event id (shared with the polled copy of the same platform item, so a copy seen
/// both ways is stored once) and the body kept in the raw-event store. <paramref name="RequiresKnownItem"/>: store it
/// only if an earlier stored payload mentions this platform id (a deletion of something never received is ignored).
/// </summary>
public sealed record StreamedItem(string EventId, string Body, string? RequiresKnownItem = null);

/// <summary>A platform that can push events live (Mastodon's streaming API) in addition to being polled.</summary>
public interface IStreamingConnector
{
    /// <summary>Opens the account's event stream; the response's body is the stream. Failures are platform errors (401 → auth).</summary>
    Task<Result<HttpResponseMessage>> OpenStreamAsync(ChannelContext channel, HttpClient client, CancellationToken cancellationToken);

    /// <summary>What to store for one streamed event, or null for events the inbox does not need (home timeline posts, announcements...).</summary>
    StreamedItem? Interpret(ChannelContext channel, ServerSentEvent streamed);
}
