namespace Salus.Modules.Channels.Contracts;

public enum ChannelKind
{
    Facebook,
    Instagram,
    X,
    YouTube,
    LinkedIn,
    Mastodon,
    WordPress,
    Rss,
}

public enum InboundItemKind
{
    Comment,
    Reply,
    Mention,
    PrivateMessage,
    Post,
}

/// <summary>What happened to the item on the platform. Edits and deletions may arrive before the creation.</summary>
public enum InboundChange
{
    Created,
    Edited,
    Deleted,
    Hidden,
}

/// <summary>
/// One normalised event about a platform item (comment, mention, message...), handed by the Channels module to the
/// inbox once its raw payload is durably stored. <see cref="EventId"/> is unique per channel and makes delivery idempotent.
/// </summary>
/// <param name="Product">
/// The medicine the channel is about (a brand page's product) as configured when the item was processed, or null: the
/// inbox screens the text as being about it.
/// </param>
public sealed record InboundItem(
    Guid ChannelId,
    ChannelKind Kind,
    string ChannelName,
    string Market,
    string EventId,
    InboundChange Change,
    InboundItemKind ItemKind,
    string PlatformItemId,
    string? PlatformThreadId,
    string? PlatformParentId,
    string AuthorPlatformId,
    string? AuthorHandle,
    string? AuthorDisplayName,
    string Text,
    string? Language,
    string? Permalink,
    DateTimeOffset OccurredAt,
    DateTimeOffset ReceivedAt,
    string? Product = null);
