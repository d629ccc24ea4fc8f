using Salus.Platform.Results;

namespace Salus.Modules.Channels.Contracts;

/// <summary>What other modules may do on a platform through a connected channel. Each call returns the platform's id of what it created or changed.</summary>
public interface IChannelActions
{
    Task<Result<string>> ReplyAsync(Guid channelId, string platformItemId, string text, CancellationToken cancellationToken);

    /// <summary>A private message to the author (a Facebook private reply, an X direct message...).</summary>
    Task<Result<string>> SendPrivateMessageAsync(Guid channelId, string recipientPlatformId, string? inResponseToItemId, string text, CancellationToken cancellationToken);

    Task<Result<string>> HideAsync(Guid channelId, string platformItemId, bool hidden, CancellationToken cancellationToken);

    Task<Result<string>> DeleteAsync(Guid channelId, string platformItemId, CancellationToken cancellationToken);

    /// <summary>
    /// A reply carrying files: uploaded to the platform where its API takes them, otherwise linked (public share link
    /// appended to the text). Implementations without uploads fall back to the links.
    /// </summary>
    Task<Result<string>> ReplyAsync(Guid channelId, string platformItemId, string text, IReadOnlyList<ChannelAttachment> attachments, CancellationToken cancellationToken) =>
        ReplyAsync(channelId, platformItemId, ChannelAttachment.WithLinks(text, attachments), cancellationToken);

    /// <summary>A private message carrying files; by default the files are linked.</summary>
    Task<Result<string>> SendPrivateMessageAsync(
        Guid channelId, string recipientPlatformId, string? inResponseToItemId, string text, IReadOnlyList<ChannelAttachment> attachments, CancellationToken cancellationToken) =>
        SendPrivateMessageAsync(channelId, recipientPlatformId, inResponseToItemId, ChannelAttachment.WithLinks(text, attachments), cancellationToken);
}
