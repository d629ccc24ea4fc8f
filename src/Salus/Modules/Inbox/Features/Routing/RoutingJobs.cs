using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Salus.Modules.Inbox.Domain;
using Salus.Modules.Inbox.Features.Ingest;
using Salus.Modules.Inbox.Features.Live;
using Salus.Modules.Inbox.Features.Rota;
using Salus.Modules.Pharmacovigilance.Contracts;
using Salus.Platform.Identity;
using Salus.Platform.Jobs;
using Salus.Platform.Persistence;

namespace Salus.Modules.Inbox.Features.Routing;

public sealed record ItemJob(Guid ItemId, string FlaggedBy);

public sealed record ConversationJob(Guid ConversationId);

/// <summary>Job names and payloads of routing; enqueued in the same save as the item they concern.</summary>
public static class RoutingJobNames
{
    public const string ProposeAdverseEvent = "inbox.pv-propose";
    public const string OfferFollowUp = "inbox.pv-follow-up";
    public const string PageOnCall = "inbox.page-on-call";

    public static void ProposeToPv(JobQueue jobs, Guid itemId, string flaggedBy) =>
        jobs.Add(ProposeAdverseEvent, JsonSerializer.Serialize(new ItemJob(itemId, flaggedBy)), dedupKey: $"inbox.pv:{itemId:N}");

    public static void OfferToPv(JobQueue jobs, Guid itemId) =>
        jobs.Add(OfferFollowUp, JsonSerializer.Serialize(new ItemJob(itemId, "inbox")), dedupKey: $"inbox.follow-up:{itemId:N}");

    public static void Page(JobQueue jobs, Guid conversationId) =>
        jobs.Add(PageOnCall, JsonSerializer.Serialize(new ConversationJob(conversationId)), dedupKey: $"inbox.page:{conversationId:N}");
}

/// <summary>
/// Hands a possible adverse event to pharmacovigilance and marks the item with the case. Retries (durable job) while
/// the intake fails; without a pharmacovigilance module installed the item stays marked "pharmacovigilance" with no case.
/// </summary>
public sealed class ProposeAdverseEventJob(SalusDbContext db, IEnumerable<IAdverseEventIntake> intakes, InboxNotifier notifier, TimeProvider time) : IJobHandler
{
    public async Task HandleAsync(Job job, CancellationToken cancellationToken)
    {
        var request = JsonSerializer.Deserialize<ItemJob>(job.Payload)!;
        var item = await db.Set<InboxItem>().FirstOrDefaultAsync(i => i.Id == request.ItemId, cancellationToken);
        var intake = intakes.LastOrDefault();
        if (item is null || item.PvCaseId is not null || intake is null)
        {
            return;
        }

        var conversation = await db.Set<Conversation>().AsNoTracking().FirstAsync(c => c.Id == item.ConversationId, cancellationToken);
        var findings = ItemScreening.Findings(item.FindingsJson);
        var signal = new AdverseEventSignal(
            "inbox-item", item.Id.ToString(), conversation.ChannelName, conversation.Market, item.Language, item.Text,
            item.AuthorPlatformId, item.AuthorHandle, item.AuthorDisplayName, item.Permalink,
            new DateTimeOffset(DateTime.SpecifyKind(item.ReceivedUtc, DateTimeKind.Utc)),
            Products(item.Text, findings),
            [.. findings.Where(f => f.Category == Salus.Screening.Categories.AdverseEvent).Select(f => new SignalReaction(Slice(item.Text, f), f.Code))],
            request.FlaggedBy);
        var caseId = await intake.ProposeAsync(signal, cancellationToken);
        item.PvCaseId = caseId;
        item.PvProposedUtc = time.GetUtcNow().UtcDateTime;
        item.RoutedTo = "pharmacovigilance";
        notifier.Changed("routed", item.ConversationId, "Sent to pharmacovigilance");
        await db.SaveChangesAsync(cancellationToken);
        notifier.Flush();
    }

    /// <summary>The medicines the text names, else the channel's product an adverse event was credited to (a brand page's comment).</summary>
    private static List<SignalProduct> Products(string text, IReadOnlyList<StoredFinding> findings)
    {
        var named = findings.Where(f => f.Category == Salus.Screening.Categories.DrugMention).Select(f => new SignalProduct(Slice(text, f), f.Code, [])).ToList();
        if (named.Count > 0)
        {
            return named;
        }

        return [.. findings.Where(f => f.Category == Salus.Screening.Categories.AdverseEvent && !string.IsNullOrWhiteSpace(f.Product))
            .Select(f => f.Product!).Distinct(StringComparer.OrdinalIgnoreCase).Select(p => new SignalProduct(p, null, []))];
    }

    private static string Slice(string text, StoredFinding f) =>
        f.Start >= 0 && f.End <= text.Length && f.Start < f.End ? text[f.Start..f.End] : "";
}

/// <summary>Offers a private message to pharmacovigilance as the answer to a follow-up request.</summary>
public sealed class OfferFollowUpJob(SalusDbContext db, IEnumerable<IAdverseEventIntake> intakes) : IJobHandler
{
    public async Task HandleAsync(Job job, CancellationToken cancellationToken)
    {
        var request = JsonSerializer.Deserialize<ItemJob>(job.Payload)!;
        var item = await db.Set<InboxItem>().FirstOrDefaultAsync(i => i.Id == request.ItemId, cancellationToken);
        var intake = intakes.LastOrDefault();
        if (item is null || intake is null || string.IsNullOrWhiteSpace(item.Text))
        {
            return;
        }

        var attached = await intake.TryAttachFollowUpAsync(new FollowUpMessage(item.ChannelId, item.AuthorPlatformId, item.PlatformItemId, item.Text,
            new DateTimeOffset(DateTime.SpecifyKind(item.ReceivedUtc, DateTimeKind.Utc))), cancellationToken);
        if (attached)
        {
            item.RoutedTo = "pharmacovigilance-follow-up";
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}

/// <summary>Pages the on-call lead for a crisis at once (every lead when no one is on call), with the market's crisis lines.</summary>
public sealed class PageOnCallJob(SalusDbContext db, RotaQueries rota, InboxNotifier notifier, UserManager<SalusUser> users, TimeProvider time) : IJobHandler
{
    public async Task HandleAsync(Job job, CancellationToken cancellationToken)
    {
        var request = JsonSerializer.Deserialize<ConversationJob>(job.Payload)!;
        var conversation = await db.Set<Conversation>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.ConversationId, cancellationToken);
        if (conversation is null || await db.Set<InboxNotification>().AnyAsync(n => n.ConversationId == conversation.Id && n.Kind == NotificationKind.CrisisPage, cancellationToken))
        {
            return;
        }

        var lines = string.Join("; ", CrisisResources.For(conversation.Market).Contacts.Select(c => $"{c.Name} {c.Contact}"));
        var message = $"CRISIS on {conversation.ChannelName} ({conversation.Market}): respond now. Crisis lines: {lines}";
        var onCall = await rota.OnCallAsync(time.GetUtcNow().UtcDateTime, conversation.Market, cancellationToken);
        if (onCall.Count > 0)
        {
            notifier.Notify(NotificationKind.CrisisPage, conversation.Id, onCall[0].Shift.UserId, onCall[0].Shift.UserName, message);
        }
        else
        {
            foreach (var lead in await users.GetUsersInRoleAsync(Roles.CommunityLead))
            {
                notifier.Notify(NotificationKind.CrisisPage, conversation.Id, lead.Id, lead.DisplayName, message);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        notifier.Flush();
    }
}
