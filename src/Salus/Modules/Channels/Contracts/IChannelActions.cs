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
}
