using Microsoft.EntityFrameworkCore;
using Salus.Modules.Channels.Contracts;
using Salus.Modules.Inbox.Domain;
using Salus.Modules.Inbox.Features.Live;
using Salus.Modules.Inbox.Features.Media;
using Salus.Modules.Inbox.Features.Sla;
using Salus.Modules.Screening.Contracts;
using Salus.Platform.Persistence;
using Salus.Platform.Results;
using Salus.Screening;

namespace Salus.Modules.Inbox.Features.Replies;

/// <param name="Text">Free text; ignored when <paramref name="SavedReplyId"/> is given (approved text is sent as approved).</param>
public sealed record ReplyRequest(string? Text, Guid? SavedReplyId, IReadOnlyList<Guid>? MediaIds, bool Private, Guid? InReplyToItemId);

/// <summary>
/// Screens every reply under the policy for the conversation's market, then sends it through the channel connector,
/// holds it for MLR review, or refuses it; the attempt is kept either way. An approved saved reply counts as reviewed
/// (MLR approved that text), so only a block stops it.
/// </summary>
public sealed class ReplyService(
    SalusDbContext db, IPolicyScreener screener, IEnumerable<IChannelActions> channels, InboxNotifier notifier, MediaLibrary library, MediaFileStore store, TimeProvider time)
{
    private readonly IChannelActions? _channel = channels.LastOrDefault();

    public async Task<Result<OutboundReply>> SendAsync(Guid conversationId, ReplyRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var conversation = await db.Set<Conversation>().FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
        if (conversation is null)
        {
            return Errors.NotFound("inbox.conversation", "No such conversation.");
        }

        var target = await TargetAsync(conversation, request.InReplyToItemId, cancellationToken);
        if (target is null)
        {
            return Errors.Validation("reply.target", "There is no item to answer in this conversation.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        SavedReply? saved = null;
        string body;
        if (request.SavedReplyId is { } savedId)
        {
            saved = await db.Set<SavedReply>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == savedId, cancellationToken);
            if (saved is null)
            {
                return Errors.Validation("reply.saved-reply", "No such saved reply.", Field("savedReplyId", "Unknown saved reply."));
            }

            if (!saved.IsUsableAt(now))
            {
                return Errors.Conflict("reply.saved-reply-unusable", saved.Status == SavedReplyStatus.Approved
                    ? $"The saved reply '{saved.Title}' expired on {saved.ExpiresUtc:yyyy-MM-dd}; it needs a new MLR approval."
                    : $"The saved reply '{saved.Title}' is not approved by MLR.");
            }

            body = saved.Body;
        }
        else if (string.IsNullOrWhiteSpace(request.Text))
        {
            return Errors.Validation("reply.text", "Write a reply or choose a saved reply.", Field("text", "Required."));
        }
        else
        {
            body = request.Text.Trim();
        }

        var media = request.MediaIds is { Count: > 0 } ids
            ? await db.Set<MediaAsset>().AsNoTracking().Where(m => ids.Contains(m.Id) && m.DeletedUtc == null).ToListAsync(cancellationToken)
            : [];
        if (request.MediaIds is { Count: > 0 } && media.Count != request.MediaIds.Distinct().Count())
        {
            return Errors.Validation("reply.media", "Unknown media.", Field("mediaIds", "One or more media items do not exist."));
        }

        // Like saved replies, media go out only with a current MLR approval.
        if (media.FirstOrDefault(m => !m.IsUsableAt(now)) is { } unusable)
        {
            return Errors.Conflict("reply.media-unusable", unusable.Status == MediaStatus.Approved
                ? $"The media item '{unusable.Title}' expired on {unusable.ExpiresUtc:yyyy-MM-dd}; it needs a new MLR approval."
                : $"The media item '{unusable.Title}' is not approved by MLR.");
        }

        var text = Compose(body, media, conversation, target, actor);
        var reply = new OutboundReply
        {
            ConversationId = conversation.Id, InReplyToItemId = target.Id, Text = text, IsPrivate = request.Private, SavedReplyId = saved?.Id,
            MediaIds = string.Join(',', media.Select(m => m.Id)), AuthorId = actor.Id, AuthorName = actor.Name, CreatedUtc = now,
        };
        db.Set<OutboundReply>().Add(reply);

        var screening = screener.Screen(new ScreeningRequest(text, conversation.Language is "en" or "it" ? conversation.Language : null,
            ScreeningContext.Reply, conversation.Market, conversation.ChannelKind.ToLowerInvariant()));
        reply.Decision = screening.Decision.ToString().ToLowerInvariant();
        reply.Reasons = string.Join(" ", screening.Reasons.Select(r => $"[{r.ClauseRef}@{r.PolicyVersion}] {r.Message}"));
        if (screening.Decision == Decision.Block)
        {
            reply.Status = ReplyStatus.Blocked;
            await db.SaveChangesAsync(cancellationToken);
            return Errors.Validation("reply.blocked", $"The policy blocks this reply. {reply.Reasons}",
                Field("text", $"Blocked by policy: {string.Join(", ", screening.Categories)}."));
        }

        if (screening.Decision != Decision.Allow && saved is null)
        {
            reply.Status = ReplyStatus.PendingReview;
            await db.SaveChangesAsync(cancellationToken);
            notifier.Changed("reply-review", conversation.Id, "A reply waits for MLR review");
            notifier.Flush();
            return reply;
        }

        await DeliverAsync(reply, conversation, target, actor, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        notifier.Flush();
        return reply;
    }

    /// <summary>MLR's verdict on a reply held for review: approval sends it, rejection keeps it unsent.</summary>
    public async Task<Result<OutboundReply>> ReviewAsync(Guid replyId, bool approve, Actor reviewer, CancellationToken cancellationToken)
    {
        var reply = await db.Set<OutboundReply>().FirstOrDefaultAsync(r => r.Id == replyId, cancellationToken);
        if (reply is null)
        {
            return Errors.NotFound("reply.not-found", "No such reply.");
        }

        if (reply.Status != ReplyStatus.PendingReview)
        {
            return Errors.Conflict("reply.not-pending", $"The reply is {reply.Status}, not waiting for review.");
        }

        reply.ReviewerName = reviewer.Name;
        reply.ReviewedUtc = time.GetUtcNow().UtcDateTime;
        if (!approve)
        {
            reply.Status = ReplyStatus.Rejected;
            await db.SaveChangesAsync(cancellationToken);
            return reply;
        }

        var conversation = await db.Set<Conversation>().FirstAsync(c => c.Id == reply.ConversationId, cancellationToken);
        var target = await db.Set<InboxItem>().FirstAsync(i => i.Id == reply.InReplyToItemId, cancellationToken);
        await DeliverAsync(reply, conversation, target, reviewer, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        notifier.Flush();
        return reply;
    }

    private async Task DeliverAsync(OutboundReply reply, Conversation conversation, InboxItem target, Actor actor, CancellationToken cancellationToken)
    {
        if (_channel is null)
        {
            reply.Status = ReplyStatus.Failed;
            reply.Error = "No channel connector is installed.";
            return;
        }

        var files = await AttachmentsAsync(reply, actor, cancellationToken);
        var sent = (reply.IsPrivate, files.Count > 0) switch
        {
            (true, false) => await _channel.SendPrivateMessageAsync(conversation.ChannelId, target.AuthorPlatformId, target.PlatformItemId, reply.Text, cancellationToken),
            (true, true) => await _channel.SendPrivateMessageAsync(conversation.ChannelId, target.AuthorPlatformId, target.PlatformItemId, reply.Text, files, cancellationToken),
            (false, false) => await _channel.ReplyAsync(conversation.ChannelId, target.PlatformItemId, reply.Text, cancellationToken),
            (false, true) => await _channel.ReplyAsync(conversation.ChannelId, target.PlatformItemId, reply.Text, files, cancellationToken),
        };
        if (!sent.IsSuccess)
        {
            reply.Status = ReplyStatus.Failed;
            reply.Error = sent.Error!.Message;
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        reply.Status = ReplyStatus.Sent;
        reply.PlatformId = sent.Value;
        reply.SentUtc = now;
        SlaService.Responded(conversation, now);
        if (conversation.Status != ConversationStatus.Resolved)
        {
            conversation.Status = ConversationStatus.Waiting;
        }

        if (reply.IsPrivate)
        {
            conversation.MovedToPrivate = true;
        }

        notifier.Changed("replied", conversation.Id, $"Reply sent by {reply.AuthorName}");
    }

    /// <summary>The uploaded files of a reply, each with its public share link for platforms that cannot take the file.</summary>
    private async Task<List<ChannelAttachment>> AttachmentsAsync(OutboundReply reply, Actor actor, CancellationToken cancellationToken)
    {
        var ids = reply.MediaIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var files = await db.Set<MediaAsset>().AsNoTracking().Where(m => ids.Contains(m.Id) && m.Sha256 != null && m.DeletedUtc == null).ToListAsync(cancellationToken);
        var tokens = files.Count == 0 ? [] : await library.CommittedSharesAsync([.. files.Select(f => f.Id)], actor, cancellationToken);
        var attachments = new List<ChannelAttachment>();
        foreach (var file in files.OrderBy(f => ids.IndexOf(f.Id)))
        {
            var sha = file.Sha256!;
            attachments.Add(new ChannelAttachment(file.Title, file.FileName ?? file.Id.ToString(), file.ContentType ?? "application/octet-stream", file.Length ?? 0, sha,
                library.ShareUrl(tokens[file.Id]), _ => Task.FromResult(store.OpenRead(sha))));
        }

        return attachments;
    }

    private async Task<InboxItem?> TargetAsync(Conversation conversation, Guid? itemId, CancellationToken cancellationToken)
    {
        var items = db.Set<InboxItem>().Where(i => i.ConversationId == conversation.Id);
        return itemId is { } id
            ? await items.FirstOrDefaultAsync(i => i.Id == id, cancellationToken)
            : await items.Where(i => !i.DeletedOnPlatform).OrderByDescending(i => i.OccurredUtc).FirstOrDefaultAsync(cancellationToken);
    }

    private static string Compose(string body, List<MediaAsset> media, Conversation conversation, InboxItem target, Actor actor)
    {
        // Links are written into the text; uploaded files travel with the reply, so {{media}} names them.
        var links = string.Join("\n", media.Where(m => !m.IsFile).Select(m => $"{m.Title}: {m.Url}"));
        var named = string.Join("\n", media.Select(m => m.IsFile ? m.Title : $"{m.Title}: {m.Url}"));
        var values = new Dictionary<string, string>
        {
            ["name"] = FirstName(target.AuthorDisplayName ?? target.AuthorHandle ?? ""),
            ["agent"] = FirstName(actor.Name),
            ["channel"] = conversation.ChannelName,
            ["media"] = named,
        };
        var text = SavedReplyService.Fill(body, values);
        var usedMediaVariable = body.Contains("{{media}}", StringComparison.OrdinalIgnoreCase) || body.Contains("{{ media }}", StringComparison.OrdinalIgnoreCase);
        return links.Length > 0 && !usedMediaVariable ? $"{text}\n\n{links}" : text;
    }

    private static string FirstName(string name) => name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? name;

    private static Dictionary<string, string[]> Field(string name, string message) => new() { [name] = [message] };
}
