using Microsoft.EntityFrameworkCore;
using Salus.Modules.Channels.Connectors;
using Salus.Modules.Channels.Contracts;
using Salus.Modules.Channels.Domain;
using Salus.Modules.Channels.Ingest;
using Salus.Platform.Persistence;
using Salus.Platform.Results;

namespace Salus.Modules.Channels.Features.Actions;

/// <summary>
/// <see cref="IChannelActions"/> for the inbox and pharmacovigilance: finds the channel, calls its connector and records
/// the action in the audit trail (ids only, never the text). Credential and reachability failures mark the channel's health.
/// </summary>
internal sealed class ChannelActions(SalusDbContext db, ChannelDirectory directory, ConnectorRegistry connectors, ChannelHealthRecorder health) : IChannelActions
{
    public Task<Result<string>> ReplyAsync(Guid channelId, string platformItemId, string text, CancellationToken cancellationToken) =>
        RunAsync(channelId, "channel.reply", platformItemId, (c, ctx) => c.ReplyAsync(ctx, platformItemId, text, cancellationToken), cancellationToken);

    public Task<Result<string>> SendPrivateMessageAsync(Guid channelId, string recipientPlatformId, string? inResponseToItemId, string text, CancellationToken cancellationToken) =>
        RunAsync(channelId, "channel.private-message", inResponseToItemId ?? recipientPlatformId,
            (c, ctx) => c.SendPrivateMessageAsync(ctx, recipientPlatformId, inResponseToItemId, text, cancellationToken), cancellationToken);

    public Task<Result<string>> ReplyAsync(Guid channelId, string platformItemId, string text, IReadOnlyList<ChannelAttachment> attachments, CancellationToken cancellationToken) =>
        RunAsync(channelId, "channel.reply", platformItemId, (c, ctx) => c.ReplyAsync(ctx, platformItemId, text, attachments, cancellationToken), cancellationToken);

    public Task<Result<string>> SendPrivateMessageAsync(
        Guid channelId, string recipientPlatformId, string? inResponseToItemId, string text, IReadOnlyList<ChannelAttachment> attachments, CancellationToken cancellationToken) =>
        RunAsync(channelId, "channel.private-message", inResponseToItemId ?? recipientPlatformId,
            (c, ctx) => c.SendPrivateMessageAsync(ctx, recipientPlatformId, inResponseToItemId, text, attachments, cancellationToken), cancellationToken);

    public Task<Result<string>> HideAsync(Guid channelId, string platformItemId, bool hidden, CancellationToken cancellationToken) =>
        RunAsync(channelId, hidden ? "channel.hide" : "channel.unhide", platformItemId, (c, ctx) => c.HideAsync(ctx, platformItemId, hidden, cancellationToken), cancellationToken);

    public Task<Result<string>> DeleteAsync(Guid channelId, string platformItemId, CancellationToken cancellationToken) =>
        RunAsync(channelId, "channel.delete", platformItemId, (c, ctx) => c.DeleteAsync(ctx, platformItemId, cancellationToken), cancellationToken);

    private async Task<Result<string>> RunAsync(
        Guid channelId, string action, string target, Func<IChannelConnector, ChannelContext, Task<Result<string>>> call, CancellationToken cancellationToken)
    {
        var channel = await db.Set<Channel>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == channelId, cancellationToken);
        if (channel is null)
        {
            return Errors.NotFound("channel.not-found", "No such channel.");
        }

        if (!channel.Enabled)
        {
            return Errors.Conflict("channel.disabled", $"The channel '{channel.Name}' is disabled.");
        }

        var result = await call(connectors.For(channel.Kind), directory.ToContext(channel));
        if (result.IsSuccess)
        {
            db.RecordEvent(action, "Channel", channel.Id.ToString(), details: $"{{\"target\":\"{Escape(target)}\",\"result\":\"{Escape(result.Value)}\"}}");
            health.Succeeded(await health.StateOfAsync(channel.Id, cancellationToken));
        }
        else
        {
            db.RecordEvent(action + ".failed", "Channel", channel.Id.ToString(), details: result.Error!.Code);
            if (result.Error.Code is "channel.auth" or "channel.unreachable")
            {
                health.Failed(await health.StateOfAsync(channel.Id, cancellationToken), result.Error);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    private static string Escape(string value) => System.Text.Json.JsonEncodedText.Encode(value).ToString();
}
