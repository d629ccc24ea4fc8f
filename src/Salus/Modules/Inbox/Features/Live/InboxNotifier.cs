using Salus.Modules.Inbox.Domain;
using Salus.Platform.Persistence;

namespace Salus.Modules.Inbox.Features.Live;

/// <summary>Records a notification (so who was told what, when, is in the audit trail) and pushes it live after the save.</summary>
public sealed class InboxNotifier(SalusDbContext db, InboxLiveFeed feed, TimeProvider time)
{
    private readonly List<InboxUpdate> _pending = [];

    public InboxNotification Notify(NotificationKind kind, Guid? conversationId, string? recipientId, string recipientName, string message)
    {
        var notification = new InboxNotification
        {
            Kind = kind, ConversationId = conversationId, RecipientId = recipientId, RecipientName = recipientName,
            Message = message, CreatedUtc = time.GetUtcNow().UtcDateTime,
        };
        db.Set<InboxNotification>().Add(notification);
        _pending.Add(new InboxUpdate(KindName(kind), conversationId, message, recipientId));
        return notification;
    }

    /// <summary>Queues a live update to send once the change is committed.</summary>
    public void Changed(string kind, Guid? conversationId, string summary) => _pending.Add(new InboxUpdate(kind, conversationId, summary));

    /// <summary>Call after SaveChanges: nothing is announced that was not stored.</summary>
    public void Flush()
    {
        foreach (var update in _pending)
        {
            feed.Publish(update);
        }

        _pending.Clear();
    }

    private static string KindName(NotificationKind kind) => kind switch
    {
        NotificationKind.CrisisPage => "crisis-page",
        NotificationKind.SlaWarning => "sla-warning",
        NotificationKind.SlaBreach => "sla-breach",
        _ => "escalation",
    };
}
