using Microsoft.EntityFrameworkCore;
using Salus.Modules.Channels.Contracts;
using Salus.Modules.Inbox.Domain;
using Salus.Modules.Inbox.Features.Live;
using Salus.Modules.Inbox.Features.Replies;
using Salus.Modules.Inbox.Features.Rota;
using Salus.Modules.Inbox.Features.Routing;
using Salus.Modules.Inbox.Features.Sla;
using Salus.Platform.Jobs;
using Salus.Platform.Persistence;
using Salus.Platform.Results;

namespace Salus.Modules.Inbox.Features.Conversations;

public sealed record BulkRequest(IReadOnlyList<Guid>? ConversationIds, string? Action, ConversationStatus? Status, string? AssigneeId);

/// <summary>What agents do to conversations and items besides replying: status, assignment, notes, bulk, hide/delete on the platform.</summary>
public sealed class ConversationActions(
    SalusDbContext db, AssignmentService assignment, ReplyService replies, SavedReplyService savedReplies,
    IEnumerable<IChannelActions> channels, JobQueue jobs, InboxNotifier notifier, TimeProvider time)
{
    private readonly IChannelActions? _channel = channels.LastOrDefault();

    public async Task<Result<Conversation>> SetStatusAsync(Guid id, ConversationStatus status, CancellationToken cancellationToken)
    {
        var conversation = await db.Set<Conversation>().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conversation is null)
        {
            return NotFound();
        }

        ApplyStatus(conversation, status);
        await SaveAsync("status", conversation, status.ToString(), cancellationToken);
        return conversation;
    }

    public async Task<Result<Conversation>> AssignAsync(Guid id, string? userId, CancellationToken cancellationToken)
    {
        var conversation = await db.Set<Conversation>().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conversation is null)
        {
            return NotFound();
        }

        var result = await assignment.AssignManuallyAsync(conversation, string.IsNullOrWhiteSpace(userId) ? null : userId, cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Error!;
        }

        await SaveAsync("assigned", conversation, conversation.AssigneeName ?? "unassigned", cancellationToken);
        return conversation;
    }

    public async Task<Result<InboxNote>> AddNoteAsync(Guid id, string? text, Actor actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 4000)
        {
            return Errors.Validation("inbox.note", "A note needs 1 to 4000 characters.", new Dictionary<string, string[]> { ["text"] = ["1 to 4000 characters."] });
        }

        if (!await db.Set<Conversation>().AnyAsync(c => c.Id == id, cancellationToken))
        {
            return NotFound();
        }

        var note = new InboxNote { ConversationId = id, AuthorId = actor.Id, AuthorName = actor.Name, Text = text.Trim(), CreatedUtc = time.GetUtcNow().UtcDateTime };
        db.Set<InboxNote>().Add(note);
        await db.SaveChangesAsync(cancellationToken);
        notifier.Changed("note", id, $"Note by {actor.Name}");
        notifier.Flush();
        return note;
    }

    /// <summary>One action on many conversations: all of them or none (one save).</summary>
    public async Task<Result<int>> BulkAsync(BulkRequest request, CancellationToken cancellationToken)
    {
        var ids = request.ConversationIds?.Distinct().ToList() ?? [];
        if (ids.Count is 0 or > 500)
        {
            return Errors.Validation("inbox.bulk", "Choose 1 to 500 conversations.", new Dictionary<string, string[]> { ["conversationIds"] = ["1 to 500 ids."] });
        }

        var conversations = await db.Set<Conversation>().Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken);
        if (conversations.Count != ids.Count)
        {
            return Errors.NotFound("inbox.conversation", "Some conversations do not exist.");
        }

        switch (request.Action)
        {
            case "status" when request.Status is { } status:
                conversations.ForEach(c => ApplyStatus(c, status));
                break;
            case "assign":
                foreach (var c in conversations)
                {
                    var assigned = await assignment.AssignManuallyAsync(c, string.IsNullOrWhiteSpace(request.AssigneeId) ? null : request.AssigneeId, cancellationToken);
                    if (!assigned.IsSuccess)
                    {
                        return assigned.Error!;
                    }
                }

                break;
            default:
                return Errors.Validation("inbox.bulk-action", "Unknown bulk action.", new Dictionary<string, string[]> { ["action"] = ["Use status (with status) or assign (with assigneeId)."] });
        }

        await db.SaveChangesAsync(cancellationToken);
        notifier.Changed("bulk", null, $"{conversations.Count} conversations updated");
        notifier.Flush();
        return conversations.Count;
    }

    /// <summary>Hides (or shows again) an item on the platform, then records it.</summary>
    public async Task<Result<InboxItem>> HideAsync(Guid itemId, bool hidden, CancellationToken cancellationToken)
    {
        var item = await db.Set<InboxItem>().FirstOrDefaultAsync(i => i.Id == itemId, cancellationToken);
        if (item is null)
        {
            return Errors.NotFound("inbox.item", "No such item.");
        }

        if (_channel is null)
        {
            return Errors.Conflict("inbox.no-connector", "No channel connector is installed.");
        }

        var done = await _channel.HideAsync(item.ChannelId, item.PlatformItemId, hidden, cancellationToken);
        if (!done.IsSuccess)
        {
            return done.Error!;
        }

        item.Hidden = hidden;
        item.HiddenUtc = hidden ? time.GetUtcNow().UtcDateTime : null;
        await SaveAsync("hidden", item.ConversationId, hidden ? "Item hidden" : "Item shown", cancellationToken);
        return item;
    }

    public async Task<Result<InboxItem>> DeleteAsync(Guid itemId, CancellationToken cancellationToken)
    {
        var item = await db.Set<InboxItem>().FirstOrDefaultAsync(i => i.Id == itemId, cancellationToken);
        if (item is null)
        {
            return Errors.NotFound("inbox.item", "No such item.");
        }

        if (_channel is null)
        {
            return Errors.Conflict("inbox.no-connector", "No channel connector is installed.");
        }

        var done = await _channel.DeleteAsync(item.ChannelId, item.PlatformItemId, cancellationToken);
        if (!done.IsSuccess)
        {
            return done.Error!;
        }

        item.DeletedOnPlatform = true;
        item.DeletedUtc = time.GetUtcNow().UtcDateTime;
        await SaveAsync("deleted", item.ConversationId, "Item deleted on the platform", cancellationToken);
        return item;
    }

    /// <summary>A person flags an item as a possible adverse event the screening missed.</summary>
    public async Task<Result<InboxItem>> ReportAdverseEventAsync(Guid itemId, Actor actor, CancellationToken cancellationToken)
    {
        var item = await db.Set<InboxItem>().FirstOrDefaultAsync(i => i.Id == itemId, cancellationToken);
        if (item is null)
        {
            return Errors.NotFound("inbox.item", "No such item.");
        }

        item.RoutedTo = "pharmacovigilance";
        RoutingJobNames.ProposeToPv(jobs, item.Id, actor.Name);
        await SaveAsync("routed", item.ConversationId, "Reported to pharmacovigilance", cancellationToken);
        return item;
    }

    /// <summary>
    /// Personal health data or a medical question in public: answer publicly with the approved "let's talk privately"
    /// reply, hide the public item when it holds personal data, and continue by private message.
    /// </summary>
    public async Task<Result<Conversation>> MoveToPrivateAsync(Guid id, Guid? itemId, Actor actor, CancellationToken cancellationToken)
    {
        var conversation = await db.Set<Conversation>().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conversation is null)
        {
            return NotFound();
        }

        var standard = await savedReplies.ForPurposeAsync(SavedReplyPurpose.MoveToPrivate, conversation.Language, cancellationToken);
        if (standard is null)
        {
            return Errors.Conflict("inbox.no-standard-reply", "There is no approved, unexpired saved reply for moving a conversation to private messages.");
        }

        var items = await db.Set<InboxItem>().Where(i => i.ConversationId == id && !i.DeletedOnPlatform).OrderByDescending(i => i.OccurredUtc).ToListAsync(cancellationToken);
        var target = itemId is { } chosen ? items.FirstOrDefault(i => i.Id == chosen) : items.FirstOrDefault();
        if (target is null)
        {
            return Errors.Validation("reply.target", "There is no item to answer in this conversation.");
        }

        var sent = await replies.SendAsync(id, new ReplyRequest(null, standard.Id, null, Private: false, target.Id), actor, cancellationToken);
        if (!sent.IsSuccess)
        {
            return sent.Error!;
        }

        if (target.HasCategory(Salus.Screening.Categories.PersonalData) && !target.Hidden)
        {
            var hidden = await HideAsync(target.Id, true, cancellationToken);
            if (!hidden.IsSuccess)
            {
                return hidden.Error!;
            }
        }

        var followUp = await savedReplies.ForPurposeAsync(SavedReplyPurpose.PrivateFollowUp, conversation.Language, cancellationToken);
        if (followUp is not null)
        {
            var dm = await replies.SendAsync(id, new ReplyRequest(null, followUp.Id, null, Private: true, target.Id), actor, cancellationToken);
            if (!dm.IsSuccess)
            {
                return dm.Error!;
            }
        }

        await db.Entry(conversation).ReloadAsync(cancellationToken);
        conversation.MovedToPrivate = true;
        await SaveAsync("private", conversation, "Moved to private messages", cancellationToken);
        return conversation;
    }

    private void ApplyStatus(Conversation conversation, ConversationStatus status)
    {
        conversation.Status = status;
        if (status == ConversationStatus.Resolved)
        {
            SlaService.Resolved(conversation, time.GetUtcNow().UtcDateTime);
        }
        else
        {
            conversation.ResolvedUtc = null;
        }
    }

    private Task SaveAsync(string kind, Conversation conversation, string summary, CancellationToken cancellationToken) =>
        SaveAsync(kind, conversation.Id, summary, cancellationToken);

    private async Task SaveAsync(string kind, Guid conversationId, string summary, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        notifier.Changed(kind, conversationId, summary);
        notifier.Flush();
    }

    private static Error NotFound() => Errors.NotFound("inbox.conversation", "No such conversation.");
}
