namespace Salus.Modules.Inbox.Domain;

/// <summary>Someone who writes to the organisation, possibly on several channels (one identity each).</summary>
public sealed class InboxPerson
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string DisplayName { get; set; } = "";

    public string? Market { get; set; }

    public string? Language { get; set; }

    public DateTime CreatedUtc { get; set; }
}

public sealed class InboxIdentity
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid PersonId { get; set; }

    public Guid ChannelId { get; set; }

    public string ChannelKind { get; set; } = "";

    public string AuthorPlatformId { get; set; } = "";

    public string? Handle { get; set; }
}

/// <summary>An internal note on a conversation: never sent to the platform.</summary>
public sealed class InboxNote
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ConversationId { get; set; }

    public string AuthorId { get; set; } = "";

    public string AuthorName { get; set; } = "";

    public string Text { get; set; } = "";

    public DateTime CreatedUtc { get; set; }
}

public enum NotificationKind
{
    CrisisPage,
    SlaWarning,
    SlaBreach,
    Escalation,
}

/// <summary>A page or alert to a person (the on-call lead, an assignee); kept as a record of who was told what, when.</summary>
public sealed class InboxNotification
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public NotificationKind Kind { get; set; }

    public Guid? ConversationId { get; set; }

    public string? RecipientId { get; set; }

    public string RecipientName { get; set; } = "";

    public string Message { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public DateTime? AcknowledgedUtc { get; set; }
}
