using Microsoft.EntityFrameworkCore;
using Salus.Modules.Channels.Contracts;
using Salus.Modules.Inbox.Domain;
using Salus.Modules.Inbox.Features.Live;
using Salus.Modules.Inbox.Features.Rota;
using Salus.Modules.Inbox.Features.Routing;
using Salus.Modules.Inbox.Features.Sla;
using Salus.Platform.Jobs;
using Salus.Platform.Persistence;
using Salus.Screening;

namespace Salus.Modules.Inbox.Features.Ingest;

/// <summary>
/// Applies one inbound event to the inbox: once per (channel, event id), in one save with its routing jobs, and so
/// that any order of create, edit, hide and delete ends in the same item (latest text wins by platform time, a deletion
/// or hiding is never undone by an older event).
/// </summary>
public sealed class InboundItemSink(
    SalusDbContext db, ItemScreening screening, AssignmentService assignment, SlaService sla, JobQueue jobs,
    InboxNotifier notifier, TimeProvider time) : IInboundItemSink
{
    public async Task AcceptAsync(InboundItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        try
        {
            await ApplyAsync(item, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node applied the same event, or created the same item, at the same moment: start again from what it stored.
            db.ChangeTracker.Clear();
            await ApplyAsync(item, cancellationToken);
        }

        notifier.Flush();
    }

    private async Task ApplyAsync(InboundItem e, CancellationToken cancellationToken)
    {
        if (await db.Set<ProcessedInboundEvent>().AnyAsync(p => p.ChannelId == e.ChannelId && p.EventId == e.EventId, cancellationToken))
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var occurred = e.OccurredAt.UtcDateTime;
        var received = e.ReceivedAt.UtcDateTime;
        var stored = await db.Set<InboxItem>().FirstOrDefaultAsync(i => i.ChannelId == e.ChannelId && i.PlatformItemId == e.PlatformItemId, cancellationToken);
        var isNew = stored is null;
        Conversation conversation;
        var newConversation = false;
        if (stored is null)
        {
            var person = await PersonAsync(e, now, cancellationToken);
            (conversation, newConversation) = await ConversationAsync(e, person.Id, received, cancellationToken);
            stored = new InboxItem
            {
                ConversationId = conversation.Id, ChannelId = e.ChannelId, PlatformItemId = e.PlatformItemId, ItemKind = e.ItemKind,
                AuthorPlatformId = e.AuthorPlatformId, OccurredUtc = occurred, ReceivedUtc = received, TextVersionUtc = Placeholder,
            };
            db.Set<InboxItem>().Add(stored);
        }
        else
        {
            conversation = await db.Set<Conversation>().FirstAsync(c => c.Id == stored.ConversationId, cancellationToken);
        }

        FillMissing(stored, e);
        var textChanged = false;
        switch (e.Change)
        {
            case InboundChange.Created:
                stored.CreationSeen = true;
                stored.OccurredUtc = occurred;
                textChanged = TakeText(stored, e.Text, occurred);
                break;
            case InboundChange.Edited:
                textChanged = TakeText(stored, e.Text, occurred);
                stored.Edited = true;
                break;
            case InboundChange.Deleted:
                stored.DeletedOnPlatform = true;
                stored.DeletedUtc = stored.DeletedUtc is { } d && d < occurred ? d : occurred;
                textChanged = string.IsNullOrEmpty(stored.Text) && TakeText(stored, e.Text, Placeholder);
                break;
            case InboundChange.Hidden:
                stored.Hidden = true;
                stored.HiddenUtc = stored.HiddenUtc is { } h && h < occurred ? h : occurred;
                textChanged = string.IsNullOrEmpty(stored.Text) && TakeText(stored, e.Text, Placeholder);
                break;
        }

        if (textChanged)
        {
            await ScreenAsync(stored, conversation, e, cancellationToken);
        }

        if (isNew)
        {
            await ArrivedAsync(conversation, newConversation, stored, received, cancellationToken);
        }

        db.Set<ProcessedInboundEvent>().Add(new ProcessedInboundEvent { ChannelId = e.ChannelId, EventId = e.EventId, ProcessedUtc = now });
        await db.SaveChangesAsync(cancellationToken);
        notifier.Changed(isNew ? "item" : "item-changed", conversation.Id, $"{conversation.ChannelName}: {Short(stored.Text)}");
    }

    /// <summary>The version of a text carried by a deletion or hiding: any creation or edit replaces it.</summary>
    private static readonly DateTime Placeholder = DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc);

    /// <summary>Takes the event's text unless it is empty or older than the version held.</summary>
    private static bool TakeText(InboxItem stored, string text, DateTime versionUtc)
    {
        if (string.IsNullOrEmpty(text) || versionUtc < stored.TextVersionUtc)
        {
            return false;
        }

        stored.TextVersionUtc = versionUtc;
        if (string.Equals(stored.Text, text, StringComparison.Ordinal))
        {
            return false;
        }

        stored.Text = text;
        return true;
    }

    private static void FillMissing(InboxItem stored, InboundItem e)
    {
        stored.PlatformParentId ??= e.PlatformParentId;
        stored.AuthorHandle ??= e.AuthorHandle;
        stored.AuthorDisplayName ??= e.AuthorDisplayName;
        stored.Language ??= e.Language;
        stored.Permalink ??= e.Permalink;
    }

    private async Task ScreenAsync(InboxItem stored, Conversation conversation, InboundItem e, CancellationToken cancellationToken)
    {
        // The channel's product as configured now: an edit arriving later is screened with it too.
        var result = screening.Screen(stored.Text, stored.Language, conversation.Market, e.Kind.ToString().ToLowerInvariant(), e.Product);
        var before = stored.Categories;
        stored.Priority = result.Priority;
        stored.Categories = result.Categories;
        stored.Decision = result.Decision;
        stored.FindingsJson = result.FindingsJson;
        stored.Clauses = result.Clauses;
        stored.SearchText = ItemScreening.SearchKey($"{stored.Text} {stored.AuthorHandle} {stored.AuthorDisplayName}");
        stored.Language ??= result.Language;
        conversation.Preview = Short(stored.Text);
        await RaiseConversationRiskAsync(conversation, stored, cancellationToken);
        Route(conversation, stored, before);
    }

    private async Task RaiseConversationRiskAsync(Conversation conversation, InboxItem stored, CancellationToken cancellationToken)
    {
        var categories = ItemScreening.Unpipe(conversation.Categories).Concat(ItemScreening.Unpipe(stored.Categories));
        conversation.Categories = ItemScreening.Pipe(categories);
        if (stored.Priority < conversation.Priority)
        {
            conversation.Priority = stored.Priority;
            if (conversation.FirstResponseDueUtc is not null)
            {
                await sla.RetargetAsync(conversation, cancellationToken);
            }
        }

        conversation.Language ??= stored.Language;
    }

    /// <summary>Crisis → urgent queue and a page; adverse event → pharmacovigilance; medical question → medical information.</summary>
    private void Route(Conversation conversation, InboxItem stored, string categoriesBefore)
    {
        bool Newly(string category) => stored.HasCategory(category) && !categoriesBefore.Contains($"|{category}|", StringComparison.Ordinal);

        if (Newly(Categories.Crisis))
        {
            conversation.Queue = InboxQueues.Urgent;
            stored.RoutedTo = "urgent";
            RoutingJobNames.Page(jobs, conversation.Id);
        }

        if (Newly(Categories.AdverseEvent))
        {
            stored.RoutedTo ??= "pharmacovigilance";
            RoutingJobNames.ProposeToPv(jobs, stored.Id, "screening");
        }

        if ((Newly(Categories.MedicalInquiry) || Newly(Categories.OffLabel)) && conversation.Queue == InboxQueues.General)
        {
            conversation.Queue = InboxQueues.MedicalInformation;
            stored.RoutedTo ??= "medical-information";
        }
    }

    private async Task ArrivedAsync(Conversation conversation, bool newConversation, InboxItem stored, DateTime received, CancellationToken cancellationToken)
    {
        if (stored.ItemKind == InboundItemKind.PrivateMessage)
        {
            RoutingJobNames.OfferToPv(jobs, stored.Id);
        }

        if (received > conversation.LastInboundUtc)
        {
            conversation.LastInboundUtc = received;
        }

        if (newConversation)
        {
            await sla.StartAsync(conversation, received, cancellationToken);
            await assignment.AutoAssignAsync(conversation, cancellationToken);
            notifier.Changed("assigned", conversation.Id, conversation.AssigneeName ?? "unassigned");
            return;
        }

        if (conversation.Status is ConversationStatus.Waiting or ConversationStatus.Resolved)
        {
            if (conversation.Status == ConversationStatus.Resolved)
            {
                conversation.ResolvedUtc = null;
            }

            conversation.Status = ConversationStatus.Open;
        }

        await sla.InboundAfterReplyAsync(conversation, received, cancellationToken);
    }

    private async Task<InboxPerson> PersonAsync(InboundItem e, DateTime now, CancellationToken cancellationToken)
    {
        var identity = await db.Set<InboxIdentity>().FirstOrDefaultAsync(i => i.ChannelId == e.ChannelId && i.AuthorPlatformId == e.AuthorPlatformId, cancellationToken)
            ?? db.Set<InboxIdentity>().Local.FirstOrDefault(i => i.ChannelId == e.ChannelId && i.AuthorPlatformId == e.AuthorPlatformId);
        if (identity is not null)
        {
            return await db.Set<InboxPerson>().FirstAsync(p => p.Id == identity.PersonId, cancellationToken);
        }

        var person = new InboxPerson
        {
            DisplayName = e.AuthorDisplayName ?? e.AuthorHandle ?? e.AuthorPlatformId, Market = e.Market, Language = e.Language, CreatedUtc = now,
        };
        db.Set<InboxPerson>().Add(person);
        db.Set<InboxIdentity>().Add(new InboxIdentity
        {
            PersonId = person.Id, ChannelId = e.ChannelId, ChannelKind = e.Kind.ToString(), AuthorPlatformId = e.AuthorPlatformId, Handle = e.AuthorHandle,
        });
        return person;
    }

    private async Task<(Conversation, bool)> ConversationAsync(InboundItem e, Guid personId, DateTime received, CancellationToken cancellationToken)
    {
        var key = ThreadKey(e);
        var existing = await db.Set<Conversation>().FirstOrDefaultAsync(c => c.ChannelId == e.ChannelId && c.ThreadKey == key, cancellationToken);
        if (existing is not null)
        {
            return (existing, false);
        }

        var conversation = new Conversation
        {
            ChannelId = e.ChannelId, ChannelKind = e.Kind.ToString(), ChannelName = e.ChannelName, ThreadKey = key, PersonId = personId,
            Market = e.Market.ToUpperInvariant(), Language = e.Language, CreatedUtc = received, LastInboundUtc = received,
        };
        db.Set<Conversation>().Add(conversation);
        return (conversation, true);
    }

    /// <summary>A conversation is one person in one thread (all private messages with them count as one thread).</summary>
    public static string ThreadKey(InboundItem e) => e.ItemKind == InboundItemKind.PrivateMessage
        ? $"dm#{e.AuthorPlatformId}"
        : $"{e.PlatformThreadId ?? e.PlatformParentId ?? e.PlatformItemId}#{e.AuthorPlatformId}";

    private static string Short(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
